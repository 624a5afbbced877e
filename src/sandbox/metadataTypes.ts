// How entity metadata values are typed on the wire, read from the version's protocol definition: a
// number up to 1.19.2, a name from 1.19.3 (when the type became a mapper); the entry is written inline up
// to 1.20.4 and as a named type (entityMetadataEntry) from 1.20.5, whose item stacks are "Slot".
import type { Registry } from 'prismarine-registry';

type ProtocolType = string | [string, unknown];
type EntryContainer = [string, { name?: string; type: ProtocolType }[]];
interface ProtocolTypes {
  entityMetadata?: [string, { type: EntryContainer | string }];
  entityMetadataItem?: [string, { fields: Record<string, ProtocolType> }];
  [name: string]: unknown;
}

const cache = new WeakMap<Registry, (wire: readonly string[]) => number | string>();

/** The metadata type to write a value of one of these wire types with (e.g. ['f32'], ['slot', 'Slot']). */
export function metadataType(registry: Registry, wire: readonly string[]): number | string {
  let typeOf = cache.get(registry);
  if (!typeOf) {
    const types = (registry as Registry & { protocol: { types: ProtocolTypes } }).protocol.types;
    const loop = types.entityMetadata?.[1].type;
    const entry = (typeof loop === 'string' ? types[loop] : loop) as EntryContainer | undefined;
    const typeField = entry?.[1].find((f) => f.name === 'type')?.type;
    const value = entry?.[1].find((f) => f.name === 'value')?.type as [string, { fields?: Record<string, ProtocolType> }] | undefined;
    const fields = Object.entries(types.entityMetadataItem?.[1].fields ?? value?.[1].fields ?? {});
    const isMapper = Array.isArray(typeField) && typeField[0] === 'mapper';
    typeOf = (w) => {
      const name = fields.find(([, t]) => typeof t === 'string' && w.includes(t))?.[0];
      if (name === undefined) throw new Error(`no ${w.join('/')} entity metadata type for ${registry.version.minecraftVersion}`);
      return isMapper ? name : Number(name);
    };
    cache.set(registry, typeOf);
  }
  return typeOf(wire);
}
