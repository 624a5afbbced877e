import { describe, expect, it } from 'vitest';
import type { Observation } from '../../src/bot/observation.ts';
import { EGG_LAY_SECONDS, HENS_FOUND } from '../../src/knowledge/chickens.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { specialSource } from '../../src/knowledge/specialSources.ts';
import { overworldFor } from '../../src/knowledge/vanillaOverworld.ts';
import { SANDBOX_OVERWORLD, type WorldModel } from '../../src/knowledge/world.ts';
import { skillSeconds } from '../../src/planner/graph/costs.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import { SkillModel } from '../../src/planner/graph/model.ts';
import { blankObservation } from '../../src/planner/graph/simulate.ts';
import type { PlannerVerdict } from '../../src/planner/types.ts';
import { collectEggs } from '../../skills/collectEggs.ts';
import { createSkillRegistry, SKILLS } from '../../skills/index.ts';

const item = (name: string, count = 1) => ({ kind: 'item' as const, items: [name], count });
const subject = (args: Record<string, unknown>) => [args.block, args.item, args.target].find((a): a is string => typeof a === 'string') ?? '';
const calls = (v: PlannerVerdict) => (v.kind === 'next' ? (v.plan ?? [v.decision]).map((d) => `${d.skill} ${subject(d.args)}`.trim()) : [`${v.kind}: ${v.kind === 'unplannable' ? v.reason : ''}`]);
const withoutChickens = (w: WorldModel): WorldModel => ({ ...w, name: `${w.name} without chickens`, mobs: w.mobs.filter((m) => m.mob !== 'chicken') });

/** An empty inventory with chickens in sight, `d` blocks away. */
function chickensAt(d: number): Observation {
  const obs = blankObservation({});
  obs.entities = [{ type: 'animal', name: 'chicken', count: 3, nearest: d, at: { x: d, y: 70, z: 0 } }];
  return obs;
}

describe.each(['1.20.1', '1.21.4'])('eggs on vanilla terrain (%s)', (version) => {
  const kb = createKnowledge(version);
  const vanilla = overworldFor(kb, 'vanilla');
  const planner = createGraphPlanner({ skills: createSkillRegistry(), knowledge: kb, world: vanilla, prime: false });

  it('plans an egg, a cake and a pumpkin pie from an empty inventory: chickens found, then their eggs collected', () => {
    for (const name of ['egg', 'cake', 'pumpkin_pie']) {
      const plan = calls(planner.plan(item(name), blankObservation({})));
      expect(plan, name).toContain('collectEggs');
      expect(plan.indexOf('explore chicken'), name).toBeGreaterThanOrEqual(0);
      expect(plan.indexOf('explore chicken'), name).toBeLessThan(plan.indexOf('collectEggs'));
      if (name !== 'egg') expect(plan.at(-1), name).toBe(`craftItem ${name}`);
    }
    expect(specialSource('egg')).toBeUndefined();
  });

  it('waits by chickens in sight at once, for as many eggs as the goal wants', () => {
    const v = planner.plan(item('egg', 3), chickensAt(10));
    expect(calls(v)).toEqual(['collectEggs']);
    expect(v.kind === 'next' && v.decision.args).toMatchObject({ count: 3 });
  });

  it('refuses an egg, a cake and a pumpkin pie where the world model has no chickens, saying so', () => {
    const none = createGraphPlanner({ skills: createSkillRegistry(), knowledge: kb, world: withoutChickens(vanilla), prime: false });
    for (const name of ['egg', 'cake', 'pumpkin_pie']) {
      const v = none.plan(item(name), blankObservation({}));
      expect(v.kind, name).toBe('unplannable');
      expect(v.kind === 'unplannable' && v.reason, name).toBe('needs chicken, which this world does not have (no chicken spawns in it)');
    }
  });
});

describe('collectEggs as the planner sees it', () => {
  const kb = createKnowledge('1.21.4');
  const model = new SkillModel(SKILLS, kb);

  it('obtains the eggs asked for, a stack at most, by chickens nearby, with a wait that grows with the count', () => {
    expect(model.producers('egg', 1).map((a) => [a.skill, Object.fromEntries(a.obtain), Object.fromEntries(a.consume), a.facts, a.args.waitSeconds])).toEqual([
      ['collectEggs', { egg: 1 }, {}, ['chicken_nearby'], 600],
    ]);
    expect(model.producers('egg', 3)[0]!.args).toMatchObject({ count: 3, waitSeconds: 1050 });
    // 20 eggs: a stack in one run (the search asks again for the rest), the wait capped at an hour.
    expect(model.producers('egg', 20)[0]!.args).toMatchObject({ count: 16, waitSeconds: 3600 });
  });

  it('costs the wait for each egg from the few hens found (7.5 minutes a hen), and the runner\'s bound covers the wait', () => {
    expect(EGG_LAY_SECONDS).toBe(450);
    const one = skillSeconds(model.action('collectEggs', { count: 1 })!, kb);
    const two = skillSeconds(model.action('collectEggs', { count: 2 })!, kb);
    const four = skillSeconds(model.action('collectEggs', { count: 4 })!, kb);
    expect(one).toBeGreaterThanOrEqual(EGG_LAY_SECONDS / HENS_FOUND);
    // Each egg more is one more share of the hens' laying: linear in the count.
    expect(two - one).toBeGreaterThanOrEqual(EGG_LAY_SECONDS / HENS_FOUND);
    expect(four - one).toBeCloseTo(3 * (two - one));
    const bound = typeof collectEggs.timeoutMs === 'function' ? collectEggs.timeoutMs({ count: 16, radius: 32, waitSeconds: 3600 }, kb) : 0;
    expect(bound).toBeGreaterThan(3600_000);
  });

  it('plans eggs in the sandbox too, whose animals include chickens', () => {
    expect(SANDBOX_OVERWORLD.mobs.some((m) => m.mob === 'chicken')).toBe(true);
    const sandbox = createGraphPlanner({ skills: createSkillRegistry(), knowledge: kb, world: SANDBOX_OVERWORLD, prime: false });
    expect(calls(sandbox.plan(item('egg', 2), blankObservation({})))).toEqual(['explore chicken', 'collectEggs']);
  });

  it('without the skill registered, the refusal names collectEggs', () => {
    const without = createGraphPlanner({ skills: createSkillRegistry(SKILLS.filter((s) => s.name !== 'collectEggs')), knowledge: kb, world: overworldFor(kb, 'vanilla'), prime: false });
    const v = without.plan(item('pumpkin_pie'), blankObservation({}));
    expect(v).toMatchObject({ kind: 'unplannable', missingSkill: 'collectEggs' });
    expect(v.kind === 'unplannable' && v.reason).toBe('needs egg, which needs the collectEggs skill (from a chicken); no such skill is registered yet');
  });
});
