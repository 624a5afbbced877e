import type { Knowledge } from '../knowledge/kb.ts';
import { TaskError } from './errors.ts';
import type { Goal } from './goal/goal.ts';
import { MINED, SMELTED } from './groups.ts';
import { normalizeName, resolveName, singulars, type ResolvedName } from './names.ts';

export interface ParsedTask {
  goal: Goal;
  /** True for free text the offline parser cannot read: only a chat-model planner can take it. */
  needsChatModel: boolean;
}

export const NEEDS_CHAT_MODEL = 'this task needs a chat model (--planner llm); the offline planner reads item goals '
  + 'such as "craft a wooden pickaxe", "get 5 iron ingots", "smelt iron" or "place a crafting table"';

/** More than a full inventory (36 stacks of 64) is never a sensible goal. */
export const MAX_COUNT = 36 * 64;

type Verb = 'get' | 'mine' | 'smelt' | 'place';
const VERBS: Readonly<Record<string, Verb>> = {
  craft: 'get', make: 'get', get: 'get', obtain: 'get', collect: 'get', gather: 'get', acquire: 'get', harvest: 'get',
  chop: 'get', cut: 'get', mine: 'mine', dig: 'mine', smelt: 'smelt', cook: 'smelt', place: 'place', put: 'place',
};
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, sixteen: 16, twenty: 20, dozen: 12,
};
const FILLER = new Set(['the', 'some', 'of', 'pieces', 'piece', 'down', 'me', 'up']);
/** Words that make a phrase a sentence rather than an item name. */
const SENTENCE = new Set(['and', 'then', 'to', 'with', 'for', 'into', 'from', 'near', 'at', 'in', 'on', 'until', 'while', 'if', 'so', 'that', 'my', 'your']);

/**
 * Reads a task offline: "craft a wooden pickaxe", "get 5 iron ingots", "mine 3 cobblestone", "smelt iron",
 * "place a crafting table", "crafting_table nearby", "3 iron_ingot", "iron_ingot:3", bare ids and common
 * names. Bad names throw TaskError (code BAD_INPUT); free text becomes a text goal that needs a chat model.
 */
export function parseTask(kb: Knowledge, input: string): ParsedTask {
  const text = input.trim().toLowerCase().replace(/[.!?]+$/, '').trim();
  if (!text) throw new TaskError('the task is empty');
  const colon = /^((?:minecraft:)?[a-z0-9_]+):(\d+)$/.exec(text.replace(/\s+/g, ''));
  if (colon) return item(resolveName(kb, colon[1]!), count(colon[2]!));

  let words = text.split(/\s+/);
  let verb: Verb | undefined = VERBS[words[0]!];
  if (verb) words = words.slice(1);
  const nearby = /(?:^|\s)(?:placed\s+)?nearby$/.test(words.join(' '));
  if (nearby) {
    words = words.join(' ').replace(/\s*(?:placed\s+)?nearby$/, '').split(/\s+/).filter(Boolean);
    if (verb && verb !== 'place') return textGoal(input);
    verb = 'place';
  }
  const [n, rest] = takeCount(words.filter((w) => !FILLER.has(w)));
  const phrase = rest;
  if (phrase.length === 0) throw new TaskError(`no item named in "${input.trim()}"`);
  if (phrase.some((w) => SENTENCE.has(w)) || phrase.length > 4) return textGoal(input);

  const name = phrase.join(' ');
  switch (verb) {
    case 'place': return placed(kb, name, n);
    case 'mine': return item(mined(kb, name), n);
    case 'smelt': return item(smelted(kb, name), n);
    case 'get': return item(resolveName(kb, name), n);
    case undefined: return bare(kb, name, n, input);
  }
}

function takeCount(words: string[]): [number, string[]] {
  const first = words[0];
  const last = words[words.length - 1];
  if (first !== undefined) {
    const m = /^(?:x|×)?(\d+)(?:x|×)?$/.exec(first);
    if (m) return [count(m[1]!), words.slice(1)];
    const w = NUMBER_WORDS[first];
    if (w !== undefined) return [w, words.slice(1)];
  }
  if (last !== undefined && words.length > 1) {
    const m = /^(?:x|×|\*)(\d+)$/.exec(last);
    if (m) return [count(m[1]!), words.slice(0, -1)];
  }
  return [1, words];
}

function count(digits: string): number {
  const n = Number(digits);
  if (!Number.isInteger(n) || n < 1 || n > MAX_COUNT) throw new TaskError(`count must be 1-${MAX_COUNT} (got ${digits})`);
  return n;
}

function item(r: ResolvedName, n: number): ParsedTask {
  return { goal: { kind: 'item', items: r.items, count: n, ...(r.label ? { label: r.label } : {}) }, needsChatModel: false };
}

function textGoal(input: string): ParsedTask {
  return { goal: { kind: 'text', text: input.trim() }, needsChatModel: true };
}

/** A bare phrase is an item when it names one; a lone unknown id is an error, other words free text. */
function bare(kb: Knowledge, name: string, n: number, input: string): ParsedTask {
  try {
    return item(resolveName(kb, name), n);
  } catch (err) {
    const noNeighbour = err instanceof TaskError && err.message.endsWith('(no item has a similar name)');
    if (noNeighbour && name.includes(' ')) return textGoal(input);
    throw err;
  }
}

function placed(kb: Knowledge, name: string, n: number): ParsedTask {
  if (n !== 1) throw new TaskError(`a placed goal is one block (got ${n} ${name})`);
  const r = resolveName(kb, name);
  const block = r.items.length === 1 ? r.items[0]! : undefined;
  if (!block) throw new TaskError(`place one kind of block, not any ${r.label ?? name}`);
  if (!kb.isBlock(block)) throw new TaskError(`${block} is not a block that can be placed`);
  return { goal: { kind: 'placed', block }, needsChatModel: false };
}

/** "mine iron" → raw_iron, "mine stone" → cobblestone, "mine iron ore" → raw_iron: what the block drops. */
function mined(kb: Knowledge, name: string): ResolvedName {
  for (const form of singulars(normalizeName(name))) {
    const alias = MINED[form];
    if (alias) return { items: [alias], label: alias === form ? undefined : `${alias} (mined ${form})` };
  }
  const r = resolveName(kb, name);
  const block = r.items.length === 1 ? r.items[0]! : undefined;
  if (!block || !kb.isBlock(block)) return r;
  const req = kb.harvestRequirement(block);
  const tool = req && req.minTier ? `${req.minTier}_${req.tool}` : req?.tool ?? null;
  const drops = Object.entries(kb.expectedDrops(block, tool)).sort((a, b) => b[1] - a[1]);
  const main = drops[0]?.[0];
  if (!main || main === block) return r;
  return { items: [main], label: `${main} (mined ${block})` };
}

/** "smelt iron" → iron_ingot, "cook beef" → cooked_beef, "smelt iron_ingot" → iron_ingot. */
function smelted(kb: Knowledge, name: string): ResolvedName {
  let input: ResolvedName | undefined;
  for (const form of singulars(normalizeName(name))) {
    const alias = SMELTED[form];
    if (alias) { input = { items: [alias] }; break; }
  }
  input ??= resolveName(kb, name);
  const outputs = new Set<string>();
  for (const it of input.items) {
    const out = kb.smeltRecipe(it)?.output;
    if (out) outputs.add(out);
    else if (kb.smeltRecipesMaking(it).length > 0) outputs.add(it);
  }
  if (outputs.size === 1) return { items: [...outputs] };
  if (outputs.size === 0) throw new TaskError(`${input.label ?? input.items.join('/')} cannot be smelted or cooked`);
  throw new TaskError(`smelting ${name} makes several things: ${[...outputs].join(', ')}`);
}
