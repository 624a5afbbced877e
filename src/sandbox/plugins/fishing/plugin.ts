// Fishing as vanilla's FishingHook does it: using a rod casts a bobber entity; in water a fish is lured,
// approaches and bites (timings and loot table: src/knowledge/fishing.ts). The bite shows as 6 bubble
// and 6 fishing particles at the bobber, which mineflayer's bot.fish() waits for; using the rod during
// the bite reels in a catch, thrown to the player. Reeling in at any other time,
// switching away from the rod or moving 32 blocks away removes the bobber.
import { Vec3 } from 'vec3';
import { createRng, type Rng } from '../../../knowledge/index.ts';
import { APPROACH_TICKS, BITE_TICKS, isOpenWater, LURE_TICKS, rollCatch, waterKind, type WaterKind } from '../../../knowledge/fishing.ts';
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidPlayer, SquidServer, SquidWorld } from '../../squid/types.ts';
import { particleByName, particlePacket } from '../commands/particle.ts';
import { dropItemEntity } from '../items/entity.ts';
import { internals, type SquidEntityInternals } from '../items/types.ts';
import { wearSlot } from '../../mobs/hands.ts';

const RNG_SALT = 0x66697368;
const GRAVITY = 0.03;
const DRAG = 0.92;

interface Bobber {
  entity: SquidEntityInternals;
  owner: SquidPlayer;
  hand: number;
  velocity: Vec3;
  state: 'flying' | 'bobbing' | 'ground';
  lureTicks: number;
  approachTicks: number;
  biteTicks: number;
  ticks: number;
}

const bobbers = new Map<SquidPlayer, Bobber>();
const rngs = new WeakMap<SquidServer, Rng>();

function rodSlot(player: SquidPlayer, hand: number): number {
  return hand === 1 ? 45 : 36 + player.heldItemSlot;
}

function holdsRod(player: SquidPlayer, hand: number): boolean {
  return player.inventory.slots[rodSlot(player, hand)]?.name === 'fishing_rod';
}

function remove(serv: SquidServer, b: Bobber): void {
  bobbers.delete(b.owner);
  internals(serv).destroyEntity(b.entity);
}

/**
 * vanilla's FishingHook constructor: from the eyes along the look (steeper looks clamped), each axis
 * scaled by 0.6 / |dir| + triangle(0.5, 0.0103365): about 1.1 blocks a tick for a level throw.
 */
function cast(serv: SquidServer, rng: Rng, player: SquidPlayer, hand: number): void {
  const p = player as SquidPlayer & { yaw: number; pitch: number };
  // flying-squid keeps the look as protocol angle bytes (256 per turn).
  const yaw = (p.yaw * 2 * Math.PI) / 256;
  const pitch = (p.pitch * 2 * Math.PI) / 256;
  const f2 = Math.cos(-yaw - Math.PI);
  const f3 = Math.sin(-yaw - Math.PI);
  const f4 = -Math.cos(-pitch);
  const f5 = Math.sin(-pitch);
  const start = player.position.offset(-f3 * 0.3, 1.62, -f2 * 0.3);
  const dir = new Vec3(-f3, Math.max(-5, Math.min(5, -(f5 / f4))), -f2);
  const spread = () => 0.6 / dir.norm() + 0.5 + (rng.next() - rng.next()) * 0.0103365;
  const velocity = new Vec3(dir.x * spread(), dir.y * spread(), dir.z * spread());
  const typeId = serv.registry.entitiesByName.fishing_bobber!.id;
  const entity = internals(serv).initEntity('object', typeId, player.world, start);
  entity.uuid = crypto.randomUUID();
  entity.name = 'fishing_bobber';
  entity.data = player.id; // the owner, as the spawn packet's object data
  entity.velocity = velocity.scaled(20);
  entity.yaw = 0;
  entity.pitch = 0;
  entity.metadata = [];
  entity.updateAndSpawn();
  bobbers.set(player, { entity, owner: player, hand, velocity, state: 'flying', lureTicks: 0, approachTicks: 0, biteTicks: 0, ticks: 0 });
  internals(serv).playSound('entity.fishing_bobber.throw', player.world, player.position, { volume: 0.5, pitch: 0.4 / (rng.next() * 0.4 + 0.8), soundCategory: 'neutral' });
}

async function blockName(world: SquidWorld, pos: Vec3): Promise<string | undefined> {
  return (await world.getBlock(pos.floored()))?.name;
}

/** Vanilla's open-water test for treasure (src/knowledge/fishing.ts), on the blocks read around the bobber. */
async function openWater(world: SquidWorld, at: Vec3): Promise<boolean> {
  const base = at.floored();
  const kinds = new Map<string, WaterKind>();
  for (let dy = -1; dy <= 2; dy++) {
    for (let dx = -2; dx <= 2; dx++) {
      for (let dz = -2; dz <= 2; dz++) kinds.set(`${dx},${dy},${dz}`, waterKind(await blockName(world, base.offset(dx, dy, dz))));
    }
  }
  return isOpenWater(0, 0, 0, (x, y, z) => kinds.get(`${x},${y},${z}`) ?? 'other');
}

function sendParticles(serv: SquidServer, b: Bobber, name: string, count: number, spread: number, speed: number): void {
  const packet = particlePacket(serv, particleByName(serv, name), b.entity.position.offset(0, 0.5, 0), new Vec3(spread, 0, spread), speed, count);
  for (const p of serv.players) if (!p.disconnected && p.world === b.entity.world && p.position.distanceTo(b.entity.position) < 32) p._client.write('world_particles', packet);
}

/** Flight sub-steps, so that a fast bobber stops at the first water or solid block on its way, as vanilla's ray does. */
const FLIGHT_STEP = 0.25;

/** One tick of flight from `from`: where the bobber gets to and what it hit there (plants and air are flown through). */
async function flightStep(world: SquidWorld, from: Vec3, velocity: Vec3): Promise<{ next: Vec3; hit?: 'water' | 'ground' }> {
  const steps = Math.max(1, Math.ceil(velocity.norm() / FLIGHT_STEP));
  for (let i = 1; i <= steps; i++) {
    const at = from.plus(velocity.scaled(i / steps));
    const block = await world.getBlock(at.floored());
    if (waterKind(block?.name) === 'water') return { next: at, hit: 'water' };
    if (block?.boundingBox === 'block') return { next: at, hit: 'ground' };
  }
  return { next: from.plus(velocity) };
}

/** One tick of the bobber: flight, then the fish's lure, approach and bite. */
async function tickBobber(serv: SquidServer, rng: Rng, b: Bobber): Promise<void> {
  const { owner, entity } = b;
  if (owner.disconnected || !holdsRod(owner, b.hand) || owner.world !== entity.world || owner.position.distanceTo(entity.position) > 32) {
    remove(serv, b);
    return;
  }
  b.ticks++;
  if (b.state === 'flying') {
    const { next, hit } = await flightStep(entity.world, entity.position, b.velocity);
    b.velocity = b.velocity.scaled(DRAG).offset(0, -GRAVITY, 0);
    if (hit === 'water') {
      b.state = 'bobbing';
      next.y = Math.floor(next.y) + 0.8;
    } else if (hit === 'ground') {
      b.state = 'ground';
      next.y = Math.floor(next.y) + 1;
    } else if (b.ticks > 200) {
      remove(serv, b);
      return;
    }
    await entity.sendPosition(next, b.state !== 'flying');
    return;
  }
  if (b.state !== 'bobbing') return;
  if (b.biteTicks > 0) {
    if (--b.biteTicks === 0) b.lureTicks = 0; // the fish got away
  } else if (b.approachTicks > 0) {
    if (--b.approachTicks === 0) {
      // The bite: vanilla's splash sound and 1 + width × 20 = 6 bubble and fishing particles.
      internals(serv).playSound('entity.fishing_bobber.splash', entity.world, entity.position, { volume: 0.25, pitch: 1 + (rng.next() - rng.next()) * 0.4, soundCategory: 'neutral' });
      sendParticles(serv, b, 'bubble', 6, 0.25, 0.2);
      sendParticles(serv, b, 'fishing', 6, 0.25, 0.2);
      b.biteTicks = rng.int(...BITE_TICKS);
    }
  } else if (b.lureTicks > 0) {
    if (--b.lureTicks === 0) b.approachTicks = rng.int(...APPROACH_TICKS);
  } else {
    b.lureTicks = rng.int(...LURE_TICKS);
  }
}

/** Using the rod with a bobber out: a catch if a fish is biting, the bobber back either way. */
async function reel(serv: SquidServer, rng: Rng, b: Bobber): Promise<void> {
  const { owner, entity } = b;
  remove(serv, b);
  let wear = b.state === 'ground' ? 2 : 0;
  if (b.biteTicks > 0) {
    const loot = rollCatch(rng, await openWater(entity.world, entity.position));
    // Vanilla throws the catch from the bobber towards the player: 0.1 of the way a tick, plus a lift.
    const d = owner.position.minus(entity.position);
    const perTick = new Vec3(d.x * 0.1, d.y * 0.1 + Math.sqrt(d.norm()) * 0.08, d.z * 0.1);
    dropItemEntity(serv, entity.world, entity.position.clone(), loot, { velocity: perTick.scaled(20), pickupDelayMs: 0 });
    internals(serv).playSound('entity.fishing_bobber.retrieve', owner.world, owner.position, { volume: 1, pitch: 0.4 / (rng.next() * 0.4 + 0.8), soundCategory: 'neutral' });
    wear = 1;
  }
  // A copy of the stack, as every wear is written: an item changed in place is not re-sent on 1.21.
  wearSlot(serv, owner, rodSlot(owner, b.hand), wear);
}

export const fishingPlugin: SandboxPlugin = {
  name: 'skillcraft-fishing',
  server(serv, ctx) {
    const rng = createRng(ctx.options.seed, RNG_SALT);
    rngs.set(serv, rng);
    let ticking = false;
    serv.on('tick', () => {
      // A tick still reading blocks is not overlapped: the bobber catches up on the next.
      if (ticking || bobbers.size === 0) return;
      ticking = true;
      Promise.all([...bobbers.values()].filter((b) => b.owner.world && serv.players.includes(b.owner)).map((b) => tickBobber(serv, rng, b)))
        .catch((err: unknown) => ctx.log.error({ err }, 'fishing tick failed'))
        .finally(() => { ticking = false; });
    });
  },
  player(player, serv, ctx) {
    player._client.on('use_item', ({ hand = 0 }: { hand?: number }) => {
      const rng = rngs.get(serv);
      if (!rng || !holdsRod(player, hand)) return;
      const out = bobbers.get(player);
      if (out) reel(serv, rng, out).catch((err: unknown) => ctx.log.error({ err }, 'reeling in failed'));
      else cast(serv, rng, player, hand);
    });
    player.once('disconnected', () => {
      const out = bobbers.get(player);
      if (out) remove(serv, out);
    });
  },
};
