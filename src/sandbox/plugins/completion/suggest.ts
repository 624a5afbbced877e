// Server-side command suggestions, answered like vanilla's Brigadier: the suggestions for the word under
// the cursor, where that word starts, sorted case-insensitively.
import type { SquidServer } from '../../squid/types.ts';
import { GAME_RULE_DEFAULTS } from '../commands/time.ts';
import { GRAMMAR, REDIRECTS } from './grammar.ts';

export interface Completion {
  /** Index in the text where the replaced range starts. */
  start: number;
  length: number;
  matches: string[];
}

type Source = (serv: SquidServer) => Iterable<string>;

/** Names only the server knows (teams, objectives, boss bars), registered by the plugins holding them. */
const dynamicSources = new WeakMap<SquidServer, Map<string, Source>>();

export function registerSuggestions(serv: SquidServer, type: string, source: Source): void {
  let map = dynamicSources.get(serv);
  if (!map) dynamicSources.set(serv, (map = new Map<string, Source>()));
  map.set(type, source);
}

const SELECTORS = ['@a', '@e', '@p', '@r', '@s'];

function namespaced(names: Iterable<string>): string[] {
  return [...names].map((n) => `minecraft:${n}`);
}

function registryNames(serv: SquidServer, type: string): string[] | undefined {
  const r = serv.registry as SquidServer['registry'] & { sounds?: Record<string, { name: string }>; particles?: Record<string, { name: string }> };
  switch (type) {
    case 'item': return namespaced(r.itemsArray.map((i) => i.name));
    case 'block': return namespaced(r.blocksArray.map((b) => b.name));
    case 'entity_type': return namespaced(r.entitiesArray.filter((e) => e.type !== 'player').map((e) => e.name));
    case 'particle': return namespaced(Object.values(r.particles ?? {}).map((p) => p.name));
    case 'sound': return namespaced(Object.values(r.sounds ?? {}).map((s) => s.name));
    case 'effect': return namespaced(r.effectsArray.map((e) => e.name.replace(/(?<=[a-z])(?=[A-Z])/g, '_').toLowerCase()));
    case 'enchantment': return namespaced(r.enchantmentsArray.map((e) => e.name));
    default: return undefined;
  }
}

/** Suggestions for one argument, before filtering by what has been typed. */
function argumentSuggestions(serv: SquidServer, type: string, current: string): string[] {
  const players = serv.players.filter((p) => !p.disconnected).map((p) => p.username);
  switch (type) {
    case 'player':
    case 'entity':
      // Vanilla offers selectors only while nothing but "@" has been typed.
      return current === '' || current.startsWith('@') ? [...SELECTORS, ...players] : players;
    case 'gamerule':
      return Object.keys(GAME_RULE_DEFAULTS);
    default: {
      const names = registryNames(serv, type);
      if (names) return names;
      const source = dynamicSources.get(serv)?.get(type);
      return source ? [...source(serv)] : [];
    }
  }
}

/** Whether a suggestion fits what was typed; resource ids also match without their "minecraft:" namespace. */
function fits(suggestion: string, typed: string): boolean {
  if (suggestion.startsWith(typed)) return true;
  return !typed.includes(':') && suggestion.startsWith('minecraft:') && suggestion.slice(10).startsWith(typed);
}

function expand(pattern: string): string[] {
  // A position is three coordinate words; each is suggested with the relative coordinates still missing.
  return pattern.split(' ').flatMap((t) => (t === '<pos>' ? ['<coord3>', '<coord2>', '<coord1>'] : [t]));
}

/**
 * Walks the typed words through each pattern of `command`; collects what fits at the last word.
 * `words` are the arguments after the command name; the last one is being typed.
 */
function completeArguments(serv: SquidServer, command: string, words: string[], out: Set<string>): void {
  const patterns = GRAMMAR[REDIRECTS[command] ?? command] ?? [];
  const current = words[words.length - 1] ?? '';
  for (const pattern of patterns) {
    let consumed = 0;
    for (const token of expand(pattern)) {
      if (token === '<rest>') break;
      if (token === '<command>') {
        completeLine(serv, words.slice(consumed), out);
        break;
      }
      if (token === '<execute>') {
        completeArguments(serv, 'execute', words.slice(consumed), out);
        break;
      }
      if (consumed === words.length - 1) {
        suggestToken(serv, token, current, out);
        break;
      }
      if (!token.startsWith('<') && !token.split('|').includes(words[consumed]!)) break;
      consumed++;
    }
  }
}

function suggestToken(serv: SquidServer, token: string, current: string, out: Set<string>): void {
  let candidates: string[];
  const coord = /^<coord([123])>$/.exec(token);
  if (coord) {
    const n = Number(coord[1]);
    candidates = current === '' ? Array.from({ length: n }, (_, i) => Array(i + 1).fill('~').join(' ')) : [];
  } else if (token.startsWith('<')) candidates = argumentSuggestions(serv, token.slice(1, -1), current);
  else candidates = token.split('|');
  for (const c of candidates) if (fits(c, current)) out.add(c);
}

/** Completes a command line (its words, without the slash). */
function completeLine(serv: SquidServer, words: string[], out: Set<string>): void {
  const [name = '', ...args] = words;
  if (args.length === 0) {
    for (const command of commandNames(serv)) if (command.startsWith(name)) out.add(command);
    return;
  }
  if (commandNames(serv).includes(name)) completeArguments(serv, name, args, out);
}

/** Every command the server runs, with aliases, as vanilla's root literals. */
export function commandNames(serv: SquidServer): string[] {
  const names = new Set<string>();
  for (const [base, cmd] of Object.entries(serv.commands.uniqueHash ?? {})) {
    names.add(base);
    for (const alias of (cmd as { params?: { aliases?: string[] } }).params?.aliases ?? []) names.add(alias);
  }
  return [...names];
}

const byText = (a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase());

/** Vanilla's reply to a `tab_complete` request for `text` (a chat line; commands start with "/"). */
export function complete(serv: SquidServer, text: string): Completion {
  const words = text.slice(text.startsWith('/') ? 1 : 0).split(' ');
  const out = new Set<string>();
  completeLine(serv, words, out);
  // Every suggestion replaces the word being typed (Brigadier's range; positions are single words here).
  const length = words[words.length - 1]!.length;
  return { start: text.length - length, length, matches: [...out].sort(byText) };
}
