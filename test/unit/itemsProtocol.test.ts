import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { Vec3 } from 'vec3';
import type { Registry } from 'prismarine-registry';
import { itemClass, itemMetadataLayout, itemMetadataPacket } from '../../src/sandbox/plugins/items/entity.ts';
import { soundId, soundPacket } from '../../src/sandbox/plugins/compatSound.ts';
import type { SquidServer } from '../../src/sandbox/squid/types.ts';
import { SUPPORTED_VERSIONS } from '../../src/config/sandbox.ts';

const require = createRequire(import.meta.url);
const loadRegistry = require('prismarine-registry') as (version: string) => Registry;

interface Codec {
  createPacketBuffer(packet: { name: string; params: Record<string, unknown> }): Buffer;
  parsePacketBuffer(buffer: Buffer): { data: { name: string; params: Record<string, unknown> } };
}
const mc = require('minecraft-protocol') as {
  createSerializer(o: { state: string; isServer: boolean; version: string }): Codec;
  createDeserializer(o: { state: string; isServer: boolean; version: string }): Codec;
};

/** Writes a packet with the server's serializer and reads it back with the client's parser. */
function roundTrip(version: string, name: string, params: Record<string, unknown>): Record<string, unknown> {
  const out = mc.createSerializer({ state: 'play', isServer: true, version }).createPacketBuffer({ name, params });
  const parsed = mc.createDeserializer({ state: 'play', isServer: false, version }).parsePacketBuffer(out);
  expect(parsed.data.name).toBe(name);
  return parsed.data.params;
}

describe.each(SUPPORTED_VERSIONS)('item entity and sound packets on %s', (version) => {
  const registry = loadRegistry(version);
  const serv = { registry, supportFeature: (f: string) => registry.supportFeature(f as never) } as unknown as SquidServer;

  it('puts the stack where prismarine-entity reads it (metadataIxOfItem) and the client decodes its name', () => {
    const layout = itemMetadataLayout(registry);
    expect(layout.key).toBe(registry.supportFeature('metadataIxOfItem'));
    const Item = itemClass(registry);
    const packet = itemMetadataPacket(registry, 42, new Item(registry.itemsByName.oak_log!.id, 17));
    const back = roundTrip(version, 'entity_metadata', packet) as { metadata: { key: number; value: unknown }[] };
    const entry = back.metadata.find((m) => m.key === layout.key);
    const decoded = Item.fromNotch(entry?.value as object);
    expect(decoded?.name).toBe('oak_log');
    expect(decoded?.count).toBe(17);
  });

  it('sends sounds by registry id in a shape the client parses, legacy names included', () => {
    const id = soundId(serv, 'random.pop');
    expect(id).toBe((registry as Registry & { soundsByName: Record<string, { id: number }> }).soundsByName['entity.item.pickup']!.id);
    const { name, params } = soundPacket(serv, id!, new Vec3(1.5, 64, -2.25), { volume: 0.2, pitch: 1.4, soundCategory: 7 });
    const back = roundTrip(version, name, params) as { sound?: { soundId: number }; soundId?: number; x: number; z: number; pitch: number };
    expect(back.sound?.soundId ?? back.soundId).toBe(id);
    expect([back.x, back.z]).toEqual([12, -18]);
    expect(back.pitch).toBeCloseTo(1.4, 5);
    expect(soundId(serv, 'no.such.sound')).toBeUndefined();
  });
});
