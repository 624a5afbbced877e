// Elytra flight as vanilla's server keeps it; the flight itself is the client's physics. A player in
// the air wearing an elytra who sends "start fall flying" gets shared flag 0x80, cleared on landing or
// when the elytra comes off; the elytra wears 1 point a second (not in creative). A firework rocket
// used while gliding spawns a rocket attached to the player (the client boosts itself while it lives)
// for 10 × (1 + flight) + 0–5 + 0–6 ticks, as vanilla's FireworkRocketEntity.
import { createRequire } from 'node:module';
import type { Item } from 'prismarine-item';
import { createRng, type Rng } from '../../../knowledge/index.ts';
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { metadataType } from '../../metadataTypes.ts';
import { internals, type SquidEntityInternals } from '../items/types.ts';

const require = createRequire(import.meta.url);
const RNG_SALT = 0x656c7974;
const CHEST_SLOT = 6;
const FALL_FLYING = 0x80;
const CROUCHING = 0x02;

type FlyingPlayer = SquidPlayer & { onGround?: boolean; crouching?: boolean; skillcraftFallFlying?: number };

interface Rocket { entity: SquidEntityInternals; ticksLeft: number }
const rocketsOf = new WeakMap<SquidServer, { rng: Rng; rockets: Set<Rocket> }>();

/** Entity metadata indexes (vanilla's since 1.17): the shared flags, and a rocket's item and attached entity. */
const SHARED_FLAGS = 0;
const ROCKET_ITEM = 8;
const ROCKET_ATTACHED = 9;
const ROCKET_AT_ANGLE = 10;

function wearsElytra(p: SquidPlayer): boolean {
  const chest = p.inventory.slots[CHEST_SLOT];
  // A broken elytra (one point left) does not fly.
  return chest?.name === 'elytra' && (chest.durabilityUsed ?? 0) < (chest.maxDurability ?? 432) - 1;
}

function sendFlags(serv: SquidServer, p: FlyingPlayer): void {
  const flags = (p.skillcraftFallFlying !== undefined ? FALL_FLYING : 0) | (p.crouching ? CROUCHING : 0);
  const packet = { entityId: p.id, metadata: [{ key: SHARED_FLAGS, type: metadataType(serv.registry, ['i8']), value: flags > 127 ? flags - 256 : flags }] }; // a signed byte on the wire
  p._client.write('entity_metadata', packet);
  p._writeOthersNearby('entity_metadata', packet);
}

function stop(serv: SquidServer, p: FlyingPlayer): void {
  if (p.skillcraftFallFlying === undefined) return;
  p.skillcraftFallFlying = undefined;
  sendFlags(serv, p);
}

/** vanilla's tryToStartFallFlying. */
function start(serv: SquidServer, p: FlyingPlayer): void {
  if (p.skillcraftFallFlying !== undefined) return;
  if (p.onGround || !wearsElytra(p) || p.gameMode === 3) {
    sendFlags(serv, p); // vanilla answers a refused start by restating the flags
    return;
  }
  p.skillcraftFallFlying = 0;
  sendFlags(serv, p);
}

function wearElytra(p: FlyingPlayer): void {
  const chest = p.inventory.slots[CHEST_SLOT];
  if (!chest || p.gameMode === 1) return;
  chest.durabilityUsed += 1;
  p.inventory.updateSlot(CHEST_SLOT, chest);
}

function launchRocket(serv: SquidServer, rng: Rng, p: FlyingPlayer, slot: number, rockets: Set<Rocket>): void {
  const item = p.inventory.slots[slot];
  if (!item) return;
  const typeId = serv.registry.entitiesByName.firework_rocket?.id;
  if (typeId === undefined) return;
  const flight = Number((item.nbt as { value?: { Fireworks?: { value?: { Flight?: { value?: unknown } } } } } | null)?.value?.Fireworks?.value?.Flight?.value ?? 0);
  const entity = internals(serv).initEntity('object', typeId, p.world, p.position.clone());
  entity.uuid = crypto.randomUUID();
  entity.name = 'firework_rocket';
  entity.data = 0;
  entity.yaw = 0;
  entity.pitch = 0;
  const ItemCls = (require('prismarine-item') as (r: unknown) => { toNotch(i: Item): unknown })(serv.registry);
  entity.metadata = [
    { key: ROCKET_ITEM, type: metadataType(serv.registry, ['slot', 'Slot']), value: ItemCls.toNotch(item) },
    // An optional entity id, written as id + 1.
    { key: ROCKET_ATTACHED, type: metadataType(serv.registry, ['optvarint']), value: p.id + 1 },
    { key: ROCKET_AT_ANGLE, type: metadataType(serv.registry, ['bool']), value: false },
  ];
  entity.updateAndSpawn();
  for (const viewer of [p, ...entity.getNearbyPlayers().filter((o) => o !== p)]) viewer._client.write('entity_metadata', { entityId: entity.id, metadata: entity.metadata });
  rockets.add({ entity, ticksLeft: 10 * (1 + flight) + rng.int(0, 5) + rng.int(0, 6) });
  internals(serv).playSound('entity.firework_rocket.launch', p.world, p.position, { volume: 3, pitch: 1, soundCategory: 'ambient' });
  if (p.gameMode !== 1) p.inventory.updateSlot(slot, item.count > 1 ? Object.assign(item, { count: item.count - 1 }) : null);
}

export const elytraPlugin: SandboxPlugin = {
  name: 'skillcraft-elytra',
  server(serv, ctx) {
    const rng = createRng(ctx.options.seed, RNG_SALT);
    const rockets = new Set<Rocket>();
    rocketsOf.set(serv, { rng, rockets });
    serv.on('tick', () => {
      try {
        for (const p of serv.players as FlyingPlayer[]) {
          if (p.skillcraftFallFlying === undefined || p.disconnected) continue;
          // vanilla's updateFallFlying: landing or losing the elytra ends the glide.
          if (p.onGround || !wearsElytra(p)) stop(serv, p);
          else if (++p.skillcraftFallFlying % 20 === 0) wearElytra(p);
        }
        for (const r of rockets) {
          if (--r.ticksLeft > 0) continue;
          rockets.delete(r);
          // The explosion (entity event 17), then the rocket is gone.
          for (const viewer of r.entity.getNearbyPlayers()) viewer._client.write('entity_status', { entityId: r.entity.id, entityStatus: 17 });
          internals(serv).destroyEntity(r.entity);
        }
      } catch (err) {
        ctx.log.error({ err }, 'elytra tick failed');
      }
    });
  },
  player(player, serv) {
    const p = player as FlyingPlayer;
    player._client.on('entity_action', ({ actionId }: { actionId: unknown }) => {
      if (actionId === 'start_fall_flying' || actionId === 8) start(serv, p);
    });
    player._client.on('use_item', ({ hand = 0 }: { hand?: number }) => {
      const slot = hand === 1 ? 45 : 36 + player.heldItemSlot;
      const state = rocketsOf.get(serv);
      if (!state || p.skillcraftFallFlying === undefined || player.inventory.slots[slot]?.name !== 'firework_rocket') return;
      launchRocket(serv, state.rng, p, slot, state.rockets);
    });
  },
};
