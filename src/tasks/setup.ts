import type { Bot } from 'mineflayer';
import { Vec3 } from 'vec3';
import { sleep, waitUntil } from '../base/wait.ts';

export interface SetupSpec {
  /** Empty the inventory first, so the task starts from exactly `inventory` (benchmarks, Plan4MC tasks). */
  clear?: boolean;
  inventory: Readonly<Record<string, number>>;
  /** Mobs to summon near the bot, e.g. { cow: 3, sheep: 3 }. */
  mobs?: Readonly<Record<string, number>>;
  /** Summon within this many blocks (Plan4MC: 30). */
  mobRadius?: number;
}

const SETUP_TIMEOUT_MS = 15_000;

/**
 * Prepares a task with commands every vanilla server has (`/clear` and `/time set` when `clear`, `/give`,
 * `/summon` with a position), sent as chat by the bot, which must be an operator. Waits until the inventory shows
 * what was given and the mobs are in sight, so the run starts from a known state.
 */
export async function setupTask(bot: Bot, spec: SetupSpec, seed: number, signal: AbortSignal): Promise<void> {
  const name = bot.username;
  if (spec.clear) {
    bot.chat(`/clear ${name}`);
    await waitUntil(() => bot.inventory.items().length === 0, { signal, timeoutMs: SETUP_TIMEOUT_MS, what: 'the inventory to clear' });
    bot.chat('/time set 1000');
  }
  const want = Object.entries(spec.inventory).map(([item, n]): [string, number] => [item, n + (spec.clear ? 0 : countOf(bot, item))]);
  for (const [item, count] of Object.entries(spec.inventory)) bot.chat(`/give ${name} ${item} ${count}`);
  await waitUntil(() => want.every(([item, n]) => countOf(bot, item) >= n), { signal, timeoutMs: SETUP_TIMEOUT_MS, what: `the initial inventory ${JSON.stringify(spec.inventory)}` });
  const mobs = Object.entries(spec.mobs ?? {});
  if (mobs.length === 0) return;
  const before = countMobs(bot);
  const spots = surfaceSpots(bot, mobs.reduce((n, [, c]) => n + c, 0), spec.mobRadius ?? 30, seed);
  let i = 0;
  for (const [mob, count] of mobs) {
    for (let k = 0; k < count; k++) {
      const at = spots[i++ % spots.length]!;
      bot.chat(`/summon ${mob} ${at.x + 0.5} ${at.y} ${at.z + 0.5}`);
      // Vanilla servers take a few chat commands per tick; a small gap keeps them all.
      await sleep(50, signal);
    }
  }
  await waitUntil(() => mobs.every(([mob, n]) => (countMobs(bot)[mob] ?? 0) >= (before[mob] ?? 0) + n), {
    signal, timeoutMs: SETUP_TIMEOUT_MS, what: `the summoned mobs ${JSON.stringify(spec.mobs)}`,
  });
}

function countOf(bot: Bot, item: string): number {
  return bot.inventory.items().filter((i) => i.name === item).reduce((n, i) => n + i.count, 0);
}

function countMobs(bot: Bot): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of Object.values(bot.entities)) {
    if (e === bot.entity || !e.name) continue;
    out[e.name] = (out[e.name] ?? 0) + 1;
  }
  return out;
}

/**
 * Standing spots on the loaded terrain around the bot: a solid block with two free blocks above,
 * not on leaves and not in water. Spread over rings between 6 and `radius` blocks, chosen by the seed.
 */
export function surfaceSpots(bot: Bot, n: number, radius: number, seed: number): Vec3[] {
  const origin = bot.entity.position.floored();
  const out: Vec3[] = [];
  let s = (seed * 2654435761) >>> 0;
  const rand = () => ((s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x6d2b79f5) >>> 0) / 2 ** 32);
  for (let tries = 0; out.length < n && tries < n * 60; tries++) {
    const r = 6 + rand() * Math.max(0, radius - 6) * Math.min(1, 0.3 + tries / (n * 30));
    const a = rand() * Math.PI * 2;
    const x = origin.x + Math.round(Math.cos(a) * r);
    const z = origin.z + Math.round(Math.sin(a) * r);
    const y = groundAt(bot, x, z, origin.y);
    if (y !== undefined) out.push(new Vec3(x, y, z));
  }
  if (out.length === 0) out.push(origin);
  return out;
}

function groundAt(bot: Bot, x: number, z: number, nearY: number): number | undefined {
  for (let y = nearY + 12; y >= nearY - 12; y--) {
    const below = bot.blockAt(new Vec3(x, y - 1, z));
    const feet = bot.blockAt(new Vec3(x, y, z));
    const head = bot.blockAt(new Vec3(x, y + 1, z));
    if (!below || !feet || !head) continue;
    if (below.boundingBox !== 'block' || feet.boundingBox !== 'empty' || head.boundingBox !== 'empty') continue;
    if (below.name.endsWith('_leaves') || feet.name === 'water' || feet.name === 'lava') continue;
    return y;
  }
  return undefined;
}

/** "gave 1 crafting_table, 3 iron_ingot; summoned 3 cow, 3 sheep": what setupTask did, for the terminal. */
export function setupLine(spec: SetupSpec): string {
  const list = (r: Readonly<Record<string, number>>) => Object.entries(r).map(([k, n]) => `${n} ${k}`).join(', ');
  const parts = [Object.keys(spec.inventory).length ? `${spec.clear ? 'cleared the inventory, ' : ''}gave ${list(spec.inventory)}` : 'cleared the inventory'];
  if (spec.mobs && Object.keys(spec.mobs).length) parts.push(`summoned ${list(spec.mobs)}`);
  return `setup: ${parts.join('; ')}`;
}
