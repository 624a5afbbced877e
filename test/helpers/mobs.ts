import type { Bot } from 'mineflayer';
import type { Entity } from 'prismarine-entity';
import type { Sandbox } from '../../src/sandbox/server.ts';
import type { SandboxOptionsInput } from '../../src/config/sandbox.ts';
import { mobWorldOf, type MobEntity } from '../../src/sandbox/plugins/mobs/plugin.ts';
import { metadataLayout } from '../../src/sandbox/mobs/metadata.ts';
import { testSandbox, waitFor } from './sandbox.ts';
import { placeBot, serverPlayer, serverTicks, Vec3 } from './items.ts';

/** A sandbox without natural spawning, so a test decides exactly which mobs exist. */
export function mobSandbox(opts: SandboxOptionsInput = {}): Promise<Sandbox> {
  return testSandbox({ mobSpawning: false, ...opts });
}

export function serverMobs(sb: Sandbox, name?: string): MobEntity[] {
  return [...mobWorldOf(sb.server).mobs].filter((m) => name === undefined || m.skillcraftMob.facts.name === name);
}

/**
 * Runs `/summon` from the console at an exact position and returns the new server mobs and the
 * entities the bot sees for them.
 */
export async function summonAt(sb: Sandbox, bot: Bot, mob: string, at: Vec3, extra = ''): Promise<{ server: MobEntity[]; client: Entity[] }> {
  const server = await summonOnServer(sb, mob, at, extra);
  await waitFor(() => server.every((m) => bot.entities[m.id] !== undefined), 3000, `the bot to see the summoned ${mob}`);
  return { server, client: server.map((m) => bot.entities[m.id]!) };
}

/**
 * Runs `/summon` and returns the mobs it made, recorded as they join the server's set: a mob that
 * despawns on the tick after it was summoned (a hostile far from every player) is still counted.
 */
export async function summonOnServer(sb: Sandbox, mob: string, at: Vec3, extra = ''): Promise<MobEntity[]> {
  const mobs = mobWorldOf(sb.server).mobs;
  const made: MobEntity[] = [];
  mobs.add = (m: MobEntity) => { made.push(m); return Set.prototype.add.call(mobs, m) as Set<MobEntity>; };
  try {
    const countArg = extra.match(/^\d+/)?.[0];
    const rest = countArg ? extra.slice(countArg.length).trim() : extra;
    await sb.command(`summon ${mob} ${countArg ?? ''} ${at.x} ${at.y} ${at.z} ${rest}`.replace(/\s+/g, ' '));
  } finally {
    delete (mobs as { add?: unknown }).add;
  }
  return made;
}

function metadataValue(entity: Entity, key: number): unknown {
  return (entity.metadata as unknown[])[key];
}

/** The health a client was told a mob has. */
export function clientHealth(bot: Bot, entity: Entity): number | undefined {
  const v = metadataValue(entity, metadataLayout(bot.registry).healthKey);
  return typeof v === 'number' ? v : undefined;
}

/** The sheep `wool` byte a client was told. */
export function clientWool(bot: Bot, entity: Entity): number | undefined {
  const v = metadataValue(entity, metadataLayout(bot.registry).woolKey);
  return typeof v === 'number' ? v : undefined;
}

/** Dropped items the bot sees within `radius` of `at`, as name → total count. */
export function dropsNear(bot: Bot, at: Vec3, radius = 4): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of Object.values(bot.entities)) {
    if (e.name !== 'item' || e.position.distanceTo(at) > radius) continue;
    const item = e.getDroppedItem();
    if (item) out[item.name] = (out[item.name] ?? 0) + item.count;
  }
  return out;
}

export function countOf(bot: Bot, name: string): number {
  return bot.inventory.items().filter((i) => i.name === name).reduce((s, i) => s + i.count, 0);
}

/** Walks (teleports) the bot onto every dropped item near `at` so it picks them up; waits until none are left. */
export async function pickUpDrops(sb: Sandbox, bot: Bot, at: Vec3, radius = 4): Promise<void> {
  const drops = () => Object.values(bot.entities).filter((e) => e.name === 'item' && e.position.distanceTo(at) <= radius);
  // Drops hop when they appear; a second of game time lets them land.
  await serverTicks(sb, 20);
  for (const drop of drops()) {
    if (!bot.entities[drop.id]) continue;
    await placeBot(sb, bot, drop.position.floored());
    await waitFor(() => !bot.entities[drop.id], 3000, `the bot to pick up ${drop.getDroppedItem()?.name ?? 'a drop'}`);
  }
  await serverTicks(sb, 2);
}

/** Waits until a full-charge hit is possible again (and the target's hurt invulnerability is over). */
export function recharge(sb: Sandbox, ticks = 15): Promise<void> {
  return serverTicks(sb, ticks);
}

export { Vec3 };

/** Empties the bot's inventory (vanilla's /clear fails on an empty one) and waits for the client. */
export async function emptyInventory(sb: Sandbox, bot: Bot): Promise<void> {
  if (serverPlayer(sb, bot).inventory.slots.some(Boolean)) await sb.command(`clear ${bot.username}`);
  await waitFor(() => bot.inventory.items().length === 0, 3000, 'an empty inventory');
}
