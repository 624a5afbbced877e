// Moving items from one member to another, and proving nothing was lost: what left the giver is counted
// against what arrived at the receiver. A throw at the receiver's feet is the way when the giver can walk
// up to the receiver; when it cannot (no path, not in sight), the items go through a chest the giver
// places, and the receiver walks there and takes them out.
import type { Bot } from 'mineflayer';
import type { Logger } from 'pino';
import pathfinderPkg from 'mineflayer-pathfinder';
import { approachPlayer, inventoryCounts, moveTo, setDown, SkillError } from '../actions/index.ts';
import { waitUntil, withTimeout } from '../base/wait.ts';
import type { Knowledge } from '../knowledge/kb.ts';
import type { SkillRegistry } from '../skills/define.ts';
import { runSkill } from '../skills/runner.ts';
import type { SkillOutcome } from '../skills/types.ts';
import type { Handover, Items, TeamMember } from './types.ts';

export interface HandoverEnv {
  skills: SkillRegistry;
  knowledge: Knowledge;
  log: Logger;
  signal: AbortSignal;
}

/** How long the receiver's inventory may take to show a throw (vanilla's 2 s pickup delay and the walk of the stacks). */
const ARRIVAL_MS = 5000;
/** Failures of the walk to the receiver: the other way round, or a chest, may still work. */
const UNREACHABLE: ReadonlySet<string> = new Set(['NO_PATH', 'NO_TARGET', 'STUCK']);

function counts(bot: Bot, items: Items): Items {
  const inv = inventoryCounts(bot);
  return Object.fromEntries(Object.keys(items).map((k) => [k, inv.get(k) ?? 0]));
}

function diff(after: Items, before: Items, sign: 1 | -1): Items {
  const out: Items = {};
  for (const k of Object.keys(before)) {
    const d = sign * ((after[k] ?? 0) - (before[k] ?? 0));
    if (d > 0) out[k] = d;
  }
  return out;
}

const same = (a: Items, b: Items) => Object.keys({ ...a, ...b }).every((k) => (a[k] ?? 0) === (b[k] ?? 0));
/** More may arrive than was thrown: the receiver picks up drops of its own (a log it just dug) meanwhile. */
const atLeast = (got: Items, out: Items) => Object.entries(out).every(([k, n]) => (got[k] ?? 0) >= n);

function run(env: HandoverEnv, bot: Bot, skill: string, args: unknown): Promise<SkillOutcome> {
  const s = env.skills.get(skill);
  if (!s) throw new Error(`the team's skill registry lacks ${skill}`);
  return runSkill(s, args, { bot, log: env.log.child({ skill, who: bot.username }), knowledge: env.knowledge, signal: env.signal });
}

/**
 * Hands `items` (what the giver holds of them, at most) from `giver` to `receiver`, who stands still.
 * Returns the record with what went out and what came in.
 */
export async function handOver(env: HandoverEnv, giver: TeamMember, receiver: TeamMember, wanted: Items, bystanders: readonly TeamMember[] = []): Promise<Handover> {
  const startAge = Number(giver.bot.time.age);
  const held = counts(giver.bot, wanted);
  const items: Items = {};
  for (const [k, n] of Object.entries(wanted)) if (Math.min(n, held[k] ?? 0) > 0) items[k] = Math.min(n, held[k] ?? 0);
  const base = { from: giver.name, to: receiver.name, items };
  if (Object.keys(items).length === 0) return { ...base, method: 'drop', why: 'nothing to hand over', out: {}, in: {}, ok: true, gameSeconds: 0 };
  const giverBefore = counts(giver.bot, items);
  const receiverBefore = counts(receiver.bot, items);
  const arrived = () => diff(counts(receiver.bot, items), receiverBefore, 1);
  const left = () => diff(counts(giver.bot, items), giverBefore, -1);
  const others = bystanders.filter((m) => m !== giver && m !== receiver).map((m) => ({ m, before: counts(m.bot, items) }));
  const record = (method: Handover['method'], why: string): Handover => {
    const out = left();
    const got = arrived();
    const astray: Record<string, Items> = {};
    for (const { m, before } of others) {
      const d = diff(counts(m.bot, items), before, 1);
      if (Object.keys(d).length > 0) astray[m.name] = d;
    }
    return {
      ...base, method, why, out, in: got, ...(Object.keys(astray).length > 0 ? { astray } : {}), ok: same(out, items) && atLeast(got, out),
      gameSeconds: (Number(giver.bot.time.age) - startAge) / 20,
    };
  };

  // Out of sight (a member that explored far off): the giver walks to where the receiver is first.
  if (!sees(giver, receiver)) await closeIn(env, giver, receiver, NEAR);
  let thrown: SkillOutcome | undefined;
  let how = '';
  for (const attempt of ['giver walks', 'set down', 'receiver comes'] as const) {
    if (attempt === 'set down') {
      // In a tunnel a throw hits the wall and comes back, and a giver that cannot get past sees no way on:
      // it sets the items down at its feet and steps back, and the receiver walks over them.
      if (await setDownFor(env, giver, receiver, items, left, arrived)) {
        return record('drop', `${giver.name} set the items down for ${receiver.name} (${thrown?.ok === false ? thrown.code : 'the throw came back'})`);
      }
      continue;
    }
    if (attempt === 'receiver comes') {
      // The receiver stands in a pit or behind a wall (the giver cannot pass, or its throw came back to
      // it): the receiver comes out to the giver instead, and the giver throws again.
      if (!(await closeIn(env, receiver, giver, RECEIVER_RANGE))) break;
      how = `${receiver.name} came to ${giver.name}, who could not hand over where ${receiver.name} stood (${thrown?.ok === false ? thrown.code : 'the throw came back'})`;
    } else how = `${giver.name} could walk up to ${receiver.name}`;
    thrown = await run(env, giver.bot, 'giveItems', { to: receiver.name, items });
    if (!thrown.ok) {
      if (UNREACHABLE.has(thrown.code)) continue;
      return record('drop', `the throw failed: ${thrown.message}`);
    }
    try {
      await waitUntil(() => Object.keys(left()).length > 0 && atLeast(arrived(), left()), { signal: env.signal, timeoutMs: ARRIVAL_MS, what: `${receiver.name} holding the items`, gameAge: () => Number(receiver.bot.time.age) });
    } catch (err) {
      if (env.signal.aborted) throw err;
      // Still on the ground (fell short, into a pit, rolled off): the receiver walks over them.
      for (const item of Object.keys(items)) if ((arrived()[item] ?? 0) < (left()[item] ?? 0)) await run(env, receiver.bot, 'collectDrops', { item, radius: 8 });
    }
    // Back in the giver's hands (it picked its own throw up): nothing was handed over, so it is tried again.
    if (Object.keys(left()).length > 0) return record('drop', how);
  }
  if (thrown?.ok !== false || !UNREACHABLE.has(thrown.code)) return record('drop', `${how}; the items came back to ${giver.name} every time`);
  return viaChest(env, giver, receiver, items, `${giver.name} could not reach ${receiver.name} (${thrown.code})`, record);
}

/**
 * The giver sets the items down and steps back; the receiver picks them up where they lie. True once they
 * arrived; otherwise the giver takes back what is still lying there (nothing is left on the ground) and the
 * hand-over goes on another way.
 */
async function setDownFor(env: HandoverEnv, giver: TeamMember, receiver: TeamMember, items: Items, left: () => Items, arrived: () => Items): Promise<boolean> {
  // Items set down out of the receiver's sight would only wait for the giver to take them back.
  if (!sees(receiver, giver) || receiver.bot.entity.position.distanceTo(giver.bot.entity.position) > SET_DOWN_RANGE) return false;
  const ctx = { bot: giver.bot, log: env.log.child({ who: giver.name }), signal: env.signal, knowledge: env.knowledge };
  try {
    await setDown(ctx, items);
  } catch (err) {
    if (env.signal.aborted || !(err instanceof SkillError)) throw err;
  }
  const radius = Math.min(32, Math.ceil(receiver.bot.entity.position.distanceTo(giver.bot.entity.position)) + 6);
  for (const item of Object.keys(left())) await run(env, receiver.bot, 'collectDrops', { item, radius });
  const done = () => Object.keys(left()).length > 0 && atLeast(arrived(), left());
  await waitUntil(done, { signal: env.signal, timeoutMs: ARRIVAL_MS, what: `${receiver.name} holding the items`, gameAge: () => Number(receiver.bot.time.age) }).catch((err: unknown) => {
    if (env.signal.aborted) throw err;
  });
  if (done()) return true;
  for (const item of Object.keys(left())) if ((arrived()[item] ?? 0) < (left()[item] ?? 0)) await run(env, giver.bot, 'collectDrops', { item, radius: 8 });
  return false;
}

/** The giver places a chest where it stands and stores the items; the receiver walks there and takes them. */
async function viaChest(env: HandoverEnv, giver: TeamMember, receiver: TeamMember, items: Items, why: string, record: (m: Handover['method'], why: string) => Handover): Promise<Handover> {
  const chestHeld = inventoryCounts(giver.bot).get('chest') ?? 0;
  if (chestHeld === 0) return record('chest', `${why}; no chest to put them in`);
  const placed = await run(env, giver.bot, 'placeBlock', { item: 'chest' });
  if (!placed.ok) return record('chest', `${why}; placing the chest failed: ${placed.message}`);
  for (const [item, count] of Object.entries(items)) {
    const stored = await run(env, giver.bot, 'depositToChest', { item, count });
    if (!stored.ok) return record('chest', `${why}; storing ${item} failed: ${stored.message}`);
  }
  const at = giver.bot.entity.position;
  await run(env, receiver.bot, 'goTo', { x: Math.floor(at.x), y: Math.floor(at.y), z: Math.floor(at.z) });
  for (const [item, count] of Object.entries(items)) {
    const taken = await run(env, receiver.bot, 'withdrawFromChest', { item, count });
    if (!taken.ok) return record('chest', `${why}; taking ${item} out failed: ${taken.message}`);
  }
  return record('chest', why);
}

/** How near the receiver a giver sets items down for it. */
const SET_DOWN_RANGE = 16;
/** Time a member has to come out of a pit and over to a team mate. */
const APPROACH_MS = 45_000;
/** Where a giver out of sight walks to: close enough that the hand-over's own walk is a few steps. */
const NEAR = 6;
/** How close a receiver that comes over gets to the giver. */
const RECEIVER_RANGE = 2.5;

const sees = (a: TeamMember, b: TeamMember): boolean => a.bot.players[b.name]?.entity !== undefined;

/**
 * Walks `mover` (digging if it must) to within `range` of team mate `to`, to where it is even when out
 * of sight; false when it could not. Best effort: a hand-over tries the other way, or a chest.
 */
export async function closeIn(env: Pick<HandoverEnv, 'knowledge' | 'log' | 'signal'>, mover: TeamMember, to: TeamMember, range: number, timeoutMs = APPROACH_MS): Promise<boolean> {
  return withTimeout(env.signal, timeoutMs, async (signal) => {
    try {
      await approachPlayer({ bot: mover.bot, log: env.log.child({ who: mover.name }), signal, knowledge: env.knowledge }, to.name, range, to.bot.entity.position.clone());
      return true;
    } catch (err) {
      if (env.signal.aborted || !(err instanceof SkillError || signal.aborted)) throw err;
      env.log.debug({ err: err instanceof Error ? err.message : String(err) }, `${mover.name} could not come to ${to.name}`);
      return false;
    }
  });
}

/** How long a giver walks towards the assembler before it waits where it is. */
const COME_NEAR_MS = 30_000;

/** Walks `giver` towards `to`, wherever it is (best effort: the hand-over walks again, or has the receiver come). */
export async function comeNear(env: Pick<HandoverEnv, 'knowledge' | 'log' | 'signal'>, giver: TeamMember, to: TeamMember): Promise<void> {
  await closeIn(env, giver, to, NEAR, COME_NEAR_MS);
}

/** Beyond a thrown stack's pickup reach of anyone standing by the receiver, with room to spare. */
const ASIDE = 6;
const ASIDE_MS = 6_000;

/**
 * Walks `member` away from `from` after its throw (best effort): a giver that stays next to the receiver
 * would pick up the next giver's throw (vanilla gives a stack to whoever is in reach first).
 */
export async function standAside(env: Pick<HandoverEnv, 'knowledge' | 'log' | 'signal'>, member: TeamMember, from: TeamMember): Promise<void> {
  const { GoalInvert, GoalNear } = pathfinderPkg.goals;
  const p = from.bot.entity.position;
  if (member.bot.entity.position.distanceTo(p) >= ASIDE) return;
  try {
    await moveTo({ bot: member.bot, log: env.log.child({ who: member.name }), signal: env.signal, knowledge: env.knowledge }, new GoalInvert(new GoalNear(p.x, p.y, p.z, ASIDE)), { what: `a spot away from ${from.name}`, timeoutMs: ASIDE_MS, stuckMs: 3000 });
  } catch (err) {
    if (env.signal.aborted || !(err instanceof SkillError)) throw err;
  }
}
