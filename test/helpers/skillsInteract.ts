// Setup for the block-use tests: a room high above the terrain with a log, a pumpkin and a pool of
// water sources, so that a test controls every block the bot can use an item on.
import type { Bot } from 'mineflayer';
import { createRequire } from 'node:module';
import { Vec3 } from 'vec3';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { waitFor } from './sandbox.ts';
import { clearRoom } from './skillsGather.ts';
import { setBlocks, setSlots } from './skills.ts';
import { standAt } from './skillsGather.ts';

const require = createRequire(import.meta.url);

export interface InteractRoom {
  centre: Vec3;
  log: Vec3;
  pumpkin: Vec3;
  /** The pool's 3x3 water sources, in the floor, stone under them. */
  pool: Vec3[];
}

/** The room's layout around `centre` (the bot's feet): the pool 3 to 5 blocks south, the log east, the pumpkin west. */
export function roomAt(centre: Vec3): InteractRoom {
  const pool: Vec3[] = [];
  for (let dx = -1; dx <= 1; dx++) for (let dz = 3; dz <= 5; dz++) pool.push(centre.offset(dx, -1, dz));
  return { centre, log: centre.offset(3, 0, 0), pumpkin: centre.offset(-3, 0, 0), pool };
}

/** Builds the room: floor, log, pumpkin and, when `water`, the pool (else stone there). */
export async function buildRoom(sb: Sandbox, bot: Bot, room: InteractRoom, opts: { water: boolean }): Promise<void> {
  await clearRoom(sb, bot, room.centre, 6);
  const jobs: [Vec3, string][] = [[room.log, 'oak_log'], [room.pumpkin, 'pumpkin']];
  for (const p of room.pool) jobs.push([p.offset(0, -1, 0), 'stone'], [p, opts.water ? 'water' : 'stone']);
  await setBlocks(sb, bot, jobs);
}

/** Sets one block in a given state (properties as in the registry) and waits for the client. */
export async function setState(sb: Sandbox, bot: Bot, pos: Vec3, name: string, props: Record<string, unknown>): Promise<void> {
  const Block = (require('prismarine-block') as (r: unknown) => { fromProperties(n: string, p: Record<string, unknown>, b: number): { stateId: number } })(sb.server.registry);
  const state = Block.fromProperties(name, props, 0).stateId;
  await sb.server.setBlock(sb.server.overworld, pos, state);
  await waitFor(() => bot.blockAt(pos)?.stateId === state, 5000, `${name} at ${pos.toString()}`);
}

/** The room rebuilt (with its pool unless `water` is false), the bot at its centre holding exactly `slots`. */
export async function resetRoom(sb: Sandbox, bot: Bot, room: InteractRoom, slots: Readonly<Record<number, string>>, water = true): Promise<void> {
  await buildRoom(sb, bot, room, { water });
  await standAt(sb, bot, room.centre);
  await setSlots(sb, bot, slots);
}

export { Vec3 };
