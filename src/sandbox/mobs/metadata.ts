// What a client is told about a mob: the spawn packet, its health and wool metadata, hurt and death.
import type { Registry } from 'prismarine-registry';
import type { SquidPlayer, SquidServer } from '../squid/types.ts';
import type { MobEntity } from './types.ts';
import { metadataType } from '../metadataTypes.ts';

export interface MetadataLayout {
  healthKey: number;
  woolKey: number;
  swellKey: number;
  /** The metadata type of a byte, a float and a varint: a name from 1.19.3 (mapper), a number before. */
  byteType: number | string;
  floatType: number | string;
  intType: number | string;
}

// Living entities keep health at index 9 and sheep their wool at 17 from 1.17 to 1.20; versions whose
// minecraft-data has no metadata key names (1.18.2) fall back to these.
const FALLBACK_HEALTH_KEY = 9;
const FALLBACK_WOOL_KEY = 17;
const FALLBACK_SWELL_KEY = 16;

const layouts = new WeakMap<Registry, MetadataLayout>();

function keyOf(registry: Registry, entity: string, field: string, fallback: number): number {
  const keys = registry.entitiesByName[entity]?.metadataKeys;
  const i = keys ? keys.indexOf(field) : -1;
  return i >= 0 ? i : fallback;
}

/** Where health and wool sit in a mob's metadata and how their types are written, from the protocol definition. */
export function metadataLayout(registry: Registry): MetadataLayout {
  const cached = layouts.get(registry);
  if (cached) return cached;
  const layout: MetadataLayout = {
    healthKey: keyOf(registry, 'cow', 'health', FALLBACK_HEALTH_KEY),
    woolKey: keyOf(registry, 'sheep', 'wool', FALLBACK_WOOL_KEY),
    swellKey: keyOf(registry, 'creeper', 'swell_dir', FALLBACK_SWELL_KEY),
    byteType: metadataType(registry, ['i8']),
    floatType: metadataType(registry, ['f32']),
    intType: metadataType(registry, ['varint']),
  };
  layouts.set(registry, layout);
  return layout;
}

type MobField = 'health' | 'wool' | 'swell';

/** The metadata entries that differ from a fresh mob of the kind: health, a sheep's wool, a creeper's swelling. */
export function mobMetadata(serv: SquidServer, mob: MobEntity, only?: MobField): Record<string, unknown>[] {
  const layout = metadataLayout(serv.registry);
  const st = mob.skillcraftMob;
  const out: Record<string, unknown>[] = [];
  const wants = (f: MobField) => only === undefined || only === f;
  if (wants('health')) out.push({ key: layout.healthKey, type: layout.floatType, value: Math.max(0, st.health) });
  if (wants('wool') && st.facts.name === 'sheep') out.push({ key: layout.woolKey, type: layout.byteType, value: st.wool });
  if (wants('swell') && st.facts.explodes) out.push({ key: layout.swellKey, type: layout.intType, value: st.swellDir });
  return out;
}

/** Players who can see the mob (flying-squid spawns entities for players within the entity's view distance). */
export function viewers(serv: SquidServer, mob: MobEntity): SquidPlayer[] {
  return serv.players.filter((p) => p.world === mob.world && !p.disconnected && p.position.distanceTo(mob.position) <= mob.viewDistance);
}

export function writeViewers(serv: SquidServer, mob: MobEntity, name: string, params: Record<string, unknown>): void {
  for (const p of viewers(serv, mob)) p._client.write(name, params);
}

/** Spawns the mob for one player, with the metadata stock clients need (health, wool). */
export function spawnMobFor(serv: SquidServer, player: SquidPlayer, mob: MobEntity): void {
  player._client.write(mob.spawnPacketName, mob.getSpawnPacket());
  player._client.write('entity_metadata', { entityId: mob.id, metadata: mobMetadata(serv, mob) });
  player._client.write('entity_head_rotation', { entityId: mob.id, headYaw: mob.yaw });
}

export function broadcastMetadata(serv: SquidServer, mob: MobEntity, only?: MobField): void {
  writeViewers(serv, mob, 'entity_metadata', { entityId: mob.id, metadata: mobMetadata(serv, mob, only) });
}

/** The hurt flash: entity status 2 (what mineflayer's `entityHurt` reads) and, from 1.19.4, hurt_animation. */
export function broadcastHurt(serv: SquidServer, entityId: number, recipients: SquidPlayer[], yawDegrees = 0): void {
  const hasHurtAnimation = serv.registry.version['>=']('1.19.4');
  for (const p of recipients) {
    p._client.write('entity_status', { entityId, entityStatus: 2 });
    if (hasHurtAnimation) p._client.write('hurt_animation', { entityId, yaw: yawDegrees });
  }
}
