import { blockDrops } from '../../knowledge/drops.ts';
import type { Knowledge } from '../../knowledge/kb.ts';
import { SkillError } from '../../base/errors.ts';
import type { AnySkill } from '../../skills/types.ts';

/** One skill call with its conditions evaluated: a node of the skill graph. */
export interface Action {
  skill: string;
  args: Record<string, unknown>;
  /** Item names or `#groups` (see src/skills/groups.ts) to counts. */
  consume: ReadonlyMap<string, number>;
  require: ReadonlyMap<string, number>;
  /** Any one of these held satisfies it. */
  equip: readonly string[];
  facts: readonly string[];
  obtain: ReadonlyMap<string, number>;
  factsOut: readonly string[];
  /** A mob skill the registry lacks, assumed only to explain what is missing. */
  virtual?: boolean;
  /** Stable identity: skill name and JSON of the arguments. */
  key: string;
  /** The same without the amount, for history: mining 3 oak logs failed, so will mining 1. */
  kind: string;
}

export function actionKey(skill: string, args: unknown): string {
  return `${skill} ${JSON.stringify(args)}`;
}

export function actionKind(skill: string, args: unknown): string {
  if (typeof args !== 'object' || args === null) return actionKey(skill, args);
  const { count: _count, ...rest } = args as Record<string, unknown>;
  return actionKey(skill, rest);
}

function toMap(rec: Readonly<Record<string, number>> | undefined): Map<string, number> {
  return new Map(Object.entries(rec ?? {}).filter(([, n]) => n > 0));
}

/**
 * The skills as graph data: producers and conditions, evaluated once per (skill, target, count) and
 * (skill, arguments) and cached, since the planner asks the same questions on every decision.
 */
export class SkillModel {
  private readonly producerCache = new Map<string, Action[]>();
  private readonly actionCache = new Map<string, Action | null>();
  readonly byName: ReadonlyMap<string, AnySkill>;

  readonly kb: Knowledge;

  constructor(readonly skills: readonly AnySkill[], kb: Knowledge) {
    this.byName = new Map(skills.map((s) => [s.name, s]));
    this.kb = memoizedKnowledge(kb);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** Every action any skill offers for `count` of `target` (an item, a `#group` or a fact). */
  producers(target: string, count: number): Action[] {
    const key = `${target}\u0000${count}`;
    const hit = this.producerCache.get(key);
    if (hit) return hit;
    const out: Action[] = [];
    for (const skill of this.skills) {
      if (!skill.producers) continue;
      for (const args of producersOf(skill, target, count, this.kb)) {
        const a = this.action(skill.name, args);
        if (a && (a.obtain.has(target) || a.factsOut.includes(target))) out.push(a);
      }
    }
    this.producerCache.set(key, out);
    return out;
  }

  /** The action for a skill and arguments, or null when the arguments do not validate or the skill rejects them. */
  action(skillName: string, rawArgs: unknown): Action | null {
    const key = actionKey(skillName, rawArgs);
    if (this.actionCache.has(key)) return this.actionCache.get(key)!;
    const skill = this.byName.get(skillName);
    const a = skill ? evaluate(skill, rawArgs, this.kb) : null;
    this.actionCache.set(key, a);
    return a;
  }
}

function producersOf(skill: AnySkill, target: string, count: number, kb: Knowledge): unknown[] {
  try {
    return skill.producers?.(target, count, kb) ?? [];
  } catch (err) {
    // A skill that cannot make sense of a target (a block that drops nothing) produces none of it.
    if (err instanceof SkillError && err.code === 'BAD_ARGS') return [];
    throw err;
  }
}

function evaluate(skill: AnySkill, rawArgs: unknown, kb: Knowledge): Action | null {
  const parsed = skill.params.safeParse(rawArgs);
  if (!parsed.success) return null;
  const args = parsed.data as Record<string, unknown>;
  try {
    const pre = skill.preconditions(args, kb);
    const eff = skill.effects(args, kb);
    return {
      skill: skill.name,
      args: rawArgs as Record<string, unknown>,
      consume: toMap(pre.consume),
      require: toMap(pre.require),
      equip: pre.equip ?? [],
      facts: pre.facts ?? [],
      obtain: toMap(eff.obtain),
      factsOut: eff.facts ?? [],
      key: actionKey(skill.name, rawArgs),
      kind: actionKind(skill.name, rawArgs),
    };
  } catch (err) {
    // A skill rejects arguments it cannot do anything with (BAD_ARGS): not a producer, not a planner bug.
    if (err instanceof SkillError && err.code === 'BAD_ARGS') return null;
    throw err;
  }
}

/**
 * The knowledge base with its slow lookups cached (blocksDropping scans every block): skills'
 * producers call them for every target and count the planner asks about.
 */
function memoizedKnowledge(kb: Knowledge): Knowledge {
  let dropping: Map<string, string[]> | undefined;
  const drops = new Map<string, Record<string, number>>();
  return {
    ...kb,
    blocksDropping(item) {
      // One pass over every block's drops answers every later question (as kb.blocksDropping would).
      if (!dropping) {
        dropping = new Map();
        for (const block of kb.registry.blocksArray) {
          for (const e of blockDrops(kb.registry, block.name).entries) {
            for (const name of new Set([e.item, ...(e.otherwise ? [e.otherwise.item] : [])])) {
              const list = dropping.get(name) ?? [];
              if (!list.includes(block.name)) list.push(block.name);
              dropping.set(name, list);
            }
          }
        }
        for (const list of dropping.values()) list.sort();
      }
      return [...(dropping.get(item) ?? [])];
    },
    expectedDrops(block, held) {
      const key = `${block} ${held ?? ''}`;
      let hit = drops.get(key);
      if (!hit) drops.set(key, (hit = kb.expectedDrops(block, held)));
      return { ...hit };
    },
  };
}
