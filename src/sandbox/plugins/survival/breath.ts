// Air supply as vanilla's LivingEntity.baseTick runs it: with the eyes in water a player loses one air
// a tick (300 is full), at -20 takes 2 drowning damage and starts again from 0; out of water it
// refills by 4 a tick. The value is the player's `air_supply` metadata (index 1), which mineflayer
// turns into `bot.oxygenLevel` (air / 15). Vanilla only sends it once it differs from full.
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { metadataType } from '../../metadataTypes.ts';
import { broadcastHurt } from '../../mobs/metadata.ts';
import { activeEffects, effectKey } from './effects.ts';

const MAX_AIR = 300;
const AIR_KEY = 1;
const EYE_HEIGHT = 1.62;
const CROUCH_EYE_HEIGHT = 1.27;
const DROWN_DAMAGE = 2;

type BreathingPlayer = SquidPlayer & { health: number; crouching?: boolean; updateHealth(n: number): void };

interface BlockDef { name: string; minStateId: number; states?: { name: string; num_values: number; type: string }[] }

const airByPlayer = new WeakMap<SquidPlayer, { air: number; sent: number }>();

/** A fluid block's water level property, if it has one (0 a source, 1–7 flowing, 8+ falling). */
function waterHeight(def: BlockDef, stateId: number, waterAbove: boolean): number | undefined {
  if (def.name === 'bubble_column') return undefined; // bubble columns give air
  const props = new Map<string, number>();
  let data = stateId - def.minStateId;
  const states = def.states ?? [];
  for (let i = states.length - 1; i >= 0; i--) {
    props.set(states[i]!.name, data % states[i]!.num_values);
    data = Math.floor(data / states[i]!.num_values);
  }
  const waterlogged = def.states?.some((s) => s.name === 'waterlogged') && props.get('waterlogged') === 0; // bools list true first
  if (def.name !== 'water' && !waterlogged && !['kelp', 'kelp_plant', 'seagrass', 'tall_seagrass'].includes(def.name)) return undefined;
  if (waterAbove) return 1;
  const level = def.name === 'water' ? (props.get('level') ?? 0) : 0;
  // FlowingFluid.getOwnHeight: the amount (8 for a source or a falling column) over 9.
  const amount = level === 0 || level >= 8 ? 8 : 8 - level;
  return amount / 9;
}

/** Entity.isEyeInFluid(WATER): the eyes are below the water surface of their block. */
export function eyesInWater(serv: SquidServer, player: BreathingPlayer): boolean {
  const eyeY = player.position.y + (player.crouching ? CROUCH_EYE_HEIGHT : EYE_HEIGHT);
  const at = player.position.floored();
  at.y = Math.floor(eyeY);
  const blocks = (serv.registry as unknown as { blocksByStateId: Record<number, BlockDef> }).blocksByStateId;
  const stateId = player.world.sync.getBlockStateId(at);
  const def = blocks[stateId];
  if (!def) return false;
  const above = blocks[player.world.sync.getBlockStateId(at.offset(0, 1, 0))];
  const height = waterHeight(def, stateId, above?.name === 'water');
  return height !== undefined && eyeY < at.y + height;
}

function canBreatheUnderwater(player: SquidPlayer): boolean {
  if (player.gameMode === 1 || player.gameMode === 3) return true;
  return activeEffects(player).some((e) => ['water_breathing', 'conduit_power'].includes(effectKey(e.type)));
}

function sendAir(serv: SquidServer, player: SquidPlayer, air: number): void {
  const data = { entityId: player.id, metadata: [{ key: AIR_KEY, type: metadataType(serv.registry, ['varint']), value: air }] };
  for (const p of serv.players) {
    if (p.disconnected || p.world !== player.world) continue;
    if (p === player || p.position.distanceTo(player.position) <= 128) p._client.write('entity_metadata', data);
  }
}

/** A respawned player breathes freely again (and the client's new entity starts full). */
export function resetAir(player: SquidPlayer): void {
  airByPlayer.delete(player);
}

function breathe(serv: SquidServer, player: BreathingPlayer): void {
  let s = airByPlayer.get(player);
  if (!s) airByPlayer.set(player, (s = { air: MAX_AIR, sent: MAX_AIR }));
  if (eyesInWater(serv, player)) {
    if (!canBreatheUnderwater(player)) {
      s.air--;
      if (s.air === -20) {
        s.air = 0;
        player.updateHealth(Math.max(0, player.health - DROWN_DAMAGE));
        const seen = serv.players.filter((p) => !p.disconnected && p.world === player.world && p.position.distanceTo(player.position) <= 128);
        broadcastHurt(serv, player.id, seen);
        if (player.health <= 0) for (const p of seen) if (p !== player) p._client.write('entity_status', { entityId: player.id, entityStatus: 3 });
      }
    }
  } else if (s.air < MAX_AIR) {
    s.air = Math.min(MAX_AIR, s.air + 4);
  }
  // Players' entity data goes out every other tick (their tracker's update interval), when it changed.
  if (s.air !== s.sent && serv.tickCount % 2 === 0) {
    s.sent = s.air;
    sendAir(serv, player, s.air);
  }
}

/** One tick of every living player's breathing. */
export function breathTick(serv: SquidServer): void {
  for (const player of serv.players) {
    const p = player as BreathingPlayer;
    if (!player.disconnected && p.health > 0) breathe(serv, p);
  }
}
