// Items from 1.20.5 carry data components instead of NBT. prismarine-item keeps them twice, as a list (what
// is written to the wire) and a map by type (what is read); a component set here goes into both.
import type { Item } from 'prismarine-item';

interface ComponentItem { components?: { type: string; data: unknown }[]; componentMap?: Map<string, { type: string; data: unknown }> }

/** Sets (or replaces) the component `type` of `item`; returns the item. */
export function setComponent(item: Item, type: string, data: unknown): Item {
  const c = item as Item & ComponentItem;
  const component = { type, data };
  c.components = [...(c.components ?? []).filter((x) => x.type !== type), component];
  c.componentMap = new Map(c.components.map((x) => [x.type, x]));
  return item;
}
