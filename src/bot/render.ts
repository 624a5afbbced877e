import type { BlockGroup, EntityGroup, Observation, Point, Station } from './observation.ts';

export interface RenderOptions {
  maxBlocks?: number;
  maxEntities?: number;
  maxInventory?: number;
  /** Resources seen earlier and out of sight now (logs, ores, stations), at most. */
  maxSeen?: number;
}

/**
 * How much a block type matters to a survival agent: 0 (resources and workstations) comes first,
 * then 1 (useful materials and hazards), then everything else; ties go to the nearest.
 */
export function blockTier(name: string): number {
  if (/_ore$|^ancient_debris$|_log$|_stem$|^crafting_table$|^furnace$|^chest$/.test(name)) return 0;
  if (/^(water|lava|sand|gravel|clay|stone|cobblestone|deepslate|obsidian|sugar_cane|pumpkin|melon|wheat|carrots|potatoes|bamboo|cactus)$|_planks$|_bed$/.test(name)) return 1;
  return 2;
}

/** Compact text of an observation for a model prompt (a forest scene stays well under 400 tokens). */
export function renderObservation(obs: Observation, opts: RenderOptions = {}): string {
  const maxBlocks = opts.maxBlocks ?? 12;
  const maxEntities = opts.maxEntities ?? 8;
  const maxInventory = opts.maxInventory ?? 20;
  const t = obs.time;
  const lines = [
    `Position ${pt(obs.position)} in ${obs.dimension}, biome ${obs.biome}. Day ${t.day}, time ${t.timeOfDay} (${t.phase}).`,
    `Health ${obs.health}/20, food ${obs.food}/20, saturation ${obs.saturation}.`,
    `Holding ${item(obs.heldItem)}. Armour ${armour(obs.equipment)}. Offhand ${item(obs.equipment.offhand)}.`,
    `Inventory: ${inventory(obs.inventory, maxInventory)}.`,
    `Stations: crafting_table ${station(obs.stations.craftingTable, obs.radius)}; furnace ${station(obs.stations.furnace, obs.radius)}.`,
    `Blocks within ${obs.radius} (count, nearest distance, at): ${blocks(obs.blocks, maxBlocks)}.`,
    `Entities within ${obs.radius}: ${entities(obs.entities, maxEntities)}.`,
  ];
  const seen = (obs.seen ?? []).filter((b) => blockTier(b.name) === 0).slice(0, opts.maxSeen ?? 6);
  if (seen.length > 0) lines.push(`Seen earlier, out of sight now (distance, at): ${seen.map((b) => `${b.name} ${b.distance} ${pt(b.at)}`).join('; ')}.`);
  return lines.join('\n');
}

function pt(p: Point): string {
  return `${p.x},${p.y},${p.z}`;
}

function item(it: { name: string; count: number } | null): string {
  return it ? `${it.name} x${it.count}` : 'nothing';
}

function armour(eq: Observation['equipment']): string {
  const worn = [eq.head, eq.chest, eq.legs, eq.feet].filter((i) => i !== null).map((i) => i.name);
  return worn.length ? worn.join(', ') : 'none';
}

function inventory(inv: Record<string, number>, max: number): string {
  const entries = Object.entries(inv).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (entries.length === 0) return 'empty';
  return capped(entries.map(([name, count]) => `${name} ${count}`), max, 'items');
}

function station(s: Station | null, radius: number): string {
  if (!s) return `none within ${radius}`;
  const how = s.access === 'reach' ? ' (in reach)' : s.access === 'walk' ? ' (a short walk)' : ' (no short walk to it)';
  return `${s.distance} away at ${pt(s.at)}${how}`;
}

function blocks(list: BlockGroup[], max: number): string {
  if (list.length === 0) return 'none';
  const ordered = [...list].sort((a, b) => blockTier(a.name) - blockTier(b.name) || a.nearest - b.nearest);
  return capped(ordered.map((b) => `${b.name} ${b.count} ${b.nearest} ${pt(b.at)}`), max, 'types');
}

function entities(list: EntityGroup[], max: number): string {
  if (list.length === 0) return 'none';
  const text = list.map((e) => {
    const who = e.type === 'player' ? `player ${e.name}` : e.count > 1 ? `${e.name} x${e.count}` : e.name;
    return `${who} ${e.nearest} away at ${pt(e.at)}`;
  });
  return capped(text, max, 'kinds');
}

function capped(parts: string[], max: number, what: string): string {
  const shown = parts.slice(0, max).join('; ');
  return parts.length > max ? `${shown}; +${parts.length - max} more ${what}` : shown;
}
