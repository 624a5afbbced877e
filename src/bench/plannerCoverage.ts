// How much of a version's item list the graph planner can plan from an empty inventory on vanilla
// terrain (a user's server), and why it refuses the rest: the measure behind "never refuses what vanilla
// gives to the skills we have".
import { createKnowledge } from '../knowledge/kb.ts';
import { overworldFor } from '../knowledge/vanillaOverworld.ts';
import { createGraphPlanner } from '../planner/graph/index.ts';
import { blankObservation } from '../planner/graph/simulate.ts';
import { createSkillRegistry } from '../../skills/index.ts';

export interface Coverage {
  version: string;
  items: number;
  planned: number;
  /** Of the refused, those no survival player can have (bedrock, spawn eggs). */
  unobtainable: number;
  /** Refusals by kind of reason, with a few of the items. */
  refused: { why: string; count: number; examples: string[] }[];
}

/** Refusal reasons by kind; the first is right to refuse (nothing in survival gives those items). */
export const NEVER_OBTAINABLE = 'cannot be obtained in survival (a right refusal)';
const KINDS: readonly (readonly [string, RegExp])[] = [
  [NEVER_OBTAINABLE, /cannot be obtained in survival/],
  ['another dimension (no skill travels there yet)', /\((nether|the end|end)\)/],
  ['a mechanic no skill performs yet (Silk Touch, brewing, charged creepers, structure loot…)', /which only .* gives; no skill does that yet/],
  ['no skill gives it (trading, farming, bees, rare drops…)', /no registered skill obtains|needs the \w+ skill/],
  ['not generated in the overworld', /which this world does not have/],
  ['a recipe step the search cannot order', /could not prepare|could not obtain/],
];

export function plannerCoverage(version: string): Coverage {
  const kb = createKnowledge(version);
  const planner = createGraphPlanner({ skills: createSkillRegistry(), knowledge: kb, world: overworldFor(kb, 'vanilla'), prime: false });
  const items = kb.registry.itemsArray.filter((i) => i.name !== 'air');
  const byKind = new Map<string, string[]>();
  let planned = 0;
  for (const item of items) {
    const v = planner.plan({ kind: 'item', items: [item.name], count: 1 }, blankObservation({}));
    if (v.kind !== 'unplannable') { planned++; continue; }
    const why = KINDS.find(([, re]) => re.test(v.reason))?.[0] ?? 'other';
    byKind.set(why, [...(byKind.get(why) ?? []), item.name]);
  }
  const refused = [...byKind].map(([why, names]) => ({ why, count: names.length, examples: names.slice(0, 5) })).sort((a, b) => b.count - a.count);
  const unobtainable = refused.find((r) => r.why === NEVER_OBTAINABLE)?.count ?? 0;
  return { version, items: items.length, planned, unobtainable, refused };
}
