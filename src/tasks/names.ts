import type { Knowledge } from '../knowledge/kb.ts';
import { TaskError } from './errors.ts';
import { ALIASES, groupNamed, ITEM_GROUPS } from './groups.ts';
import { closest, orList } from './suggest.ts';

/** What a name in a task stands for: one item, or any item of a group. */
export interface ResolvedName {
  items: string[];
  /** Set for groups and readings that differ from the words ("log (any wood)"). */
  label?: string;
}

/** "Iron Ingots" → "iron_ingots"; "minecraft:stick" → "stick". */
export function normalizeName(text: string): string {
  return text.trim().toLowerCase().replace(/^minecraft:/, '').replace(/[\s-]+/g, '_').replace(/_+/g, '_').replace(/^_|_$/g, '');
}

/** The word itself, then singular forms of its last word (torches → torch, berries → berry). */
export function singulars(name: string): string[] {
  const out = [name];
  if (name.endsWith('ies')) out.push(`${name.slice(0, -3)}y`);
  if (name.endsWith('es')) out.push(name.slice(0, -2));
  if (name.endsWith('s')) out.push(name.slice(0, -1));
  return out;
}

function allItems(kb: Knowledge): string[] {
  return kb.registry.itemsArray.map((i) => i.name).filter((n) => n !== 'air');
}

/** Members of a group that exist in this version, in registry order. */
export function groupMembers(kb: Knowledge, word: string): string[] {
  const g = groupNamed(word);
  return g ? allItems(kb).filter(g.member) : [];
}

/**
 * Resolves a name to items: an item id, a common name, a group, or (singular) forms of those. Throws a
 * TaskError for an ambiguous name ("pickaxe": which one?) and for an unknown one, with the closest ids.
 */
export function resolveName(kb: Knowledge, raw: string): ResolvedName {
  const name = normalizeName(raw);
  if (!name) throw new TaskError('no item named in the task');
  const found = lookup(kb, name);
  if (found) return found;
  const items = allItems(kb);
  for (const form of singulars(name)) {
    const family = items.filter((n) => n.endsWith(`_${form}`));
    if (family.length > 1) {
      const shown = family.length > 8 ? `${family.slice(0, 8).join(', ')} and ${family.length - 8} more` : orList(family);
      throw new TaskError(`"${raw.trim()}" is ambiguous: which one? ${shown}`);
    }
    if (family.length === 1) return { items: family };
  }
  const vocabulary = [...items, ...Object.keys(ALIASES), ...ITEM_GROUPS.flatMap((g) => g.words)];
  const near = closest(name, vocabulary);
  throw new TaskError(near.length > 0
    ? `unknown item "${raw.trim()}"; did you mean ${orList(near)}?`
    : `unknown item "${raw.trim()}" (no item has a similar name)`);
}

/** Like resolveName, but undefined instead of an error when the name is unknown (ambiguity still throws). */
export function tryResolveName(kb: Knowledge, raw: string): ResolvedName | undefined {
  try {
    return resolveName(kb, raw);
  } catch (err) {
    if (err instanceof TaskError && err.message.startsWith('unknown item')) return undefined;
    throw err;
  }
}

function lookup(kb: Knowledge, name: string): ResolvedName | undefined {
  for (const form of singulars(name)) {
    if (form !== 'air' && kb.isItem(form)) return { items: [form] };
    const alias = ALIASES[form];
    if (alias && kb.isItem(alias)) return { items: [alias] };
    const group = groupNamed(form);
    if (group) {
      const members = groupMembers(kb, form);
      if (members.length > 0) return { items: members, label: group.label };
    }
  }
  return undefined;
}
