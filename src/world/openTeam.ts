// A world for a team: the embedded sandbox (or a server) as openWorld opens it, with N bots connected,
// named after the configured username with a suffix (skillcraft1, skillcraft2…). One teardown for all.
import type { Logger } from 'pino';
import { connectBot, disconnectBot } from '../bot/connect.ts';
import { AGENT_OLDEST_VERSION } from '../bot/version.ts';
import type { TeamMember } from '../team/types.ts';
import { openWorld, type OpenWorld, type WorldSpec } from './open.ts';

/** Bots a team may have: each is a player on the server and a mineflayer client in this process. */
export const MAX_BOTS = 8;

export interface OpenTeamWorld {
  /** The first member's world (its sandbox, target and terrain). */
  readonly world: OpenWorld;
  readonly members: TeamMember[];
  close(): Promise<void>;
}

/** "skillcraft" → skillcraft1…N, kept within the 16 characters of an offline name. */
export function memberNames(base: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${base.slice(0, 16 - String(i + 1).length)}${i + 1}`);
}

export async function openTeamWorld(spec: WorldSpec, bots: number, opts: { log: Logger; signal?: AbortSignal; timeoutMs?: number }): Promise<OpenTeamWorld> {
  if (!Number.isInteger(bots) || bots < 1 || bots > MAX_BOTS) throw new Error(`a team has 1 to ${MAX_BOTS} bots (got ${bots})`);
  const names = memberNames(spec.connection.username, bots);
  const world = await openWorld({ ...spec, connection: { ...spec.connection, username: names[0]! } }, opts);
  const members: TeamMember[] = [{ name: names[0]!, bot: world.bot, connect: (signal) => world.connect(signal) }];
  const floor = world.sandbox ? {} : { minVersion: AGENT_OLDEST_VERSION };
  try {
    for (const name of names.slice(1)) {
      const target = { ...world.target, username: name, ...(world.target.mcVersion === 'auto' ? { mcVersion: world.bot.version } : {}) };
      const connect = (signal: AbortSignal) => connectBot(target, { log: opts.log, signal, ...floor, ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }) });
      members.push({ name, bot: await connect(opts.signal ?? AbortSignal.timeout(60_000)), connect });
    }
  } catch (err) {
    for (const m of members.slice(1)) await disconnectBot(m.bot, { log: opts.log });
    await world.close();
    throw err;
  }
  let closed = false;
  return {
    world, members,
    async close() {
      if (closed) return;
      closed = true;
      try {
        for (const m of members.slice(1)) await disconnectBot(m.bot, { log: opts.log });
      } finally {
        world.bot = members[0]!.bot;
        await world.close();
      }
    },
  };
}
