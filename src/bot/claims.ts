// Claims: the bots of a team (one Node process) share one board, so that two members never walk to the
// same block to dig it and never smelt in each other's furnace. A claim is a key ("x,y,z", as posKey in
// src/actions/mining/world.ts), an owner (the member's name) and an expiry: a member that dies or loses
// its connection while holding claims leaves them to run out (or the coordinator drops them at once with
// releaseAll). A bot in no team has no board: every claim succeeds and nothing is claimed by others, so a
// single bot behaves exactly as it did before claims existed.
import type { Bot } from 'mineflayer';

export type ClaimKind = 'block' | 'furnace';

/**
 * How long a claim lasts unless renewed or released.
 * - block: taken before the walk to a target and released once it is dug or given up, so the TTL only
 *   binds when the holder vanishes mid-walk. A walk within mining's radius (32-64 blocks, ~15 s at
 *   walking speed, longer with the path digging its way) plus the slowest dig the skills accept
 *   (8 s, src/actions/movement/digStairs.ts) fits well in 60 s; longer would leave a lost member's
 *   targets locked for nothing.
 * - furnace: a furnace holds its user's input, fuel and output between the placing, the smelt and the
 *   taking out, and smeltItem takes out whatever it finds in the slots first; another member opening it
 *   would take those items. The claim must outlast the longest smelt (64 items × 10 s; smeltItem's
 *   timeout, longer on a lagging server, is capped at 19 min) and the trip from placing a furnace to using it: 20 min.
 */
export const CLAIM_TTL_MS: Readonly<Record<ClaimKind, number>> = { block: 60_000, furnace: 20 * 60_000 };

/**
 * Station blocks that are claimed. Crafting tables are not: vanilla gives every player who opens one
 * a window of their own and nothing stays in it, so members share tables freely. Chests are not either:
 * a team chest is the hand-over point, opened by giver and receiver alike.
 */
const CLAIMED_STATIONS = new Set(['furnace', 'blast_furnace', 'smoker']);

/** The claim kind of a station block, or undefined when such a station is shared. */
export function stationClaimKind(blockName: string): ClaimKind | undefined {
  return CLAIMED_STATIONS.has(blockName) ? 'furnace' : undefined;
}

interface Claim {
  owner: string;
  until: number;
}

export function claimKey(p: { x: number; y: number; z: number }): string {
  return `${Math.floor(p.x)},${Math.floor(p.y)},${Math.floor(p.z)}`;
}

/** The team's claims, in memory. `now` is injectable so that expiry can be tested without waiting. */
export class ClaimBoard {
  private readonly claims = new Map<string, Claim>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Claims `key` for `owner` for `ttlMs`; false when another owner holds an unexpired claim. The
   * owner's own claim is renewed, never shortened (a block-length claim does not cut a furnace's).
   */
  claim(key: string, owner: string, ttlMs: number): boolean {
    const now = this.now();
    const held = this.live(key, now);
    if (held && held.owner !== owner) return false;
    this.claims.set(key, { owner, until: Math.max(held?.until ?? 0, now + ttlMs) });
    return true;
  }

  /** Drops `owner`'s claim on `key`; another owner's claim stays. True when one was dropped. */
  release(key: string, owner: string): boolean {
    const held = this.claims.get(key);
    if (held?.owner !== owner) return false;
    this.claims.delete(key);
    return true;
  }

  /** Drops every claim of `owner` (a member that is gone); returns how many. */
  releaseAll(owner: string): number {
    let n = 0;
    for (const [key, c] of this.claims) {
      if (c.owner === owner) {
        this.claims.delete(key);
        n++;
      }
    }
    return n;
  }

  /** Who holds an unexpired claim on `key`. */
  holder(key: string): string | undefined {
    return this.live(key, this.now())?.owner;
  }

  /** The keys of unexpired claims held by anyone but `owner`. */
  heldByOthers(owner: string): Set<string> {
    const now = this.now();
    const out = new Set<string>();
    for (const [key, c] of this.claims) {
      if (c.until <= now) this.claims.delete(key);
      else if (c.owner !== owner) out.add(key);
    }
    return out;
  }

  /** Every unexpired claim, for logs and tests. */
  entries(): { key: string; owner: string; until: number }[] {
    const now = this.now();
    return [...this.claims].filter(([, c]) => c.until > now).map(([key, c]) => ({ key, ...c }));
  }

  private live(key: string, now: number): Claim | undefined {
    const c = this.claims.get(key);
    if (c && c.until <= now) {
      this.claims.delete(key);
      return undefined;
    }
    return c;
  }
}

export interface TeamClaims {
  board: ClaimBoard;
  owner: string;
}

const attached = new WeakMap<Bot, TeamClaims>();

/** Makes `bot` claim on `board` as `owner`. Called again for the new Bot after a reconnect: same owner, same claims. */
export function joinClaims(bot: Bot, board: ClaimBoard, owner: string): void {
  attached.set(bot, { board, owner });
}

/** Detaches `bot` from its board (its claims stay until released or expired). */
export function leaveClaims(bot: Bot): void {
  attached.delete(bot);
}

export function claimsOf(bot: Bot): TeamClaims | undefined {
  return attached.get(bot);
}

/** Keys other members hold now; empty for a bot in no team. */
export function claimedByOthers(bot: Bot): Set<string> {
  const t = attached.get(bot);
  return t ? t.board.heldByOthers(t.owner) : new Set();
}

/** Whether another member holds `pos` now (cheaper than claimedByOthers for one position). */
export function isClaimedByOther(bot: Bot, pos: { x: number; y: number; z: number }): boolean {
  const t = attached.get(bot);
  if (!t) return false;
  const h = t.board.holder(claimKey(pos));
  return h !== undefined && h !== t.owner;
}

/** Claims `pos` for this bot (kind's TTL unless `ttlMs`); false when another member holds it. Always true alone. */
export function tryClaim(bot: Bot, pos: { x: number; y: number; z: number }, kind: ClaimKind, ttlMs = CLAIM_TTL_MS[kind]): boolean {
  const t = attached.get(bot);
  return t ? t.board.claim(claimKey(pos), t.owner, ttlMs) : true;
}

/** Claims every position or none (a stair step's cells): false, claiming nothing, when another member holds one. */
export function tryClaimAll(bot: Bot, positions: readonly { x: number; y: number; z: number }[], kind: ClaimKind): boolean {
  if (positions.some((p) => isClaimedByOther(bot, p))) return false;
  for (const p of positions) tryClaim(bot, p, kind);
  return true;
}

export function releaseClaim(bot: Bot, pos: { x: number; y: number; z: number }): void {
  const t = attached.get(bot);
  t?.board.release(claimKey(pos), t.owner);
}
