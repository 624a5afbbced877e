// The planner on observations recorded by a real bot (test/fixtures/observations: a spruce taiga and a
// desert from the sandbox's biome presets, a savanna river and a birch/dark-oak forest from a vanilla
// 1.20.2 world save), not on scenes written by hand.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { observationSchema, type Observation } from '../../src/bot/observation.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { overworldFor, type Terrain } from '../../src/knowledge/vanillaOverworld.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import type { PlannerVerdict } from '../../src/planner/types.ts';
import { createSkillRegistry } from '../../skills/index.ts';

const skills = createSkillRegistry();
const kb = createKnowledge('1.20.1');
const plannerFor = (terrain: Terrain) => createGraphPlanner({ skills, knowledge: kb, world: overworldFor(kb, terrain), prime: false });

interface Recording { recorded: { from: string; version: string }; observation: Observation }
function recording(name: string): Recording {
  const raw = JSON.parse(readFileSync(new URL(`../fixtures/observations/${name}.json`, import.meta.url), 'utf8')) as Recording;
  return { recorded: raw.recorded, observation: observationSchema.parse(raw.observation) };
}
const RECORDINGS = ['spruce-taiga', 'desert', 'vanilla-windswept-savanna', 'vanilla-dark-forest'] as const;

interface Call { skill: string; subject: string }
function calls(v: PlannerVerdict): Call[] {
  if (v.kind !== 'next') throw new Error(`not planned: ${JSON.stringify(v)}`);
  return (v.plan ?? [v.decision]).map((d) => ({ skill: d.skill, subject: [d.args.block, d.args.item, d.args.target].find((a): a is string => typeof a === 'string') ?? '' }));
}
const plan = (terrain: Terrain, goal: string, obs: Observation) => calls(plannerFor(terrain).plan({ kind: 'item', items: [goal], count: 1 }, obs));

describe('plans on recorded observations', () => {
  for (const name of RECORDINGS) {
    it(`mines only what is in sight, never explores, up to the iron pickaxe (${name})`, () => {
      const { observation: obs, recorded } = recording(name);
      expect(recorded.version).toBe('1.20.1');
      const inSight = new Set(obs.blocks.map((b) => b.name));
      for (const goal of ['wooden_pickaxe', 'stone_pickaxe', 'glass', 'iron_pickaxe']) {
        const steps = plan('vanilla', goal, obs);
        expect(steps.filter((c) => c.skill === 'explore'), `${name} ${goal}`).toEqual([]);
        for (const c of steps.filter((s) => s.skill === 'mineBlock')) expect(inSight.has(c.subject), `${name} ${goal}: ${c.subject}`).toBe(true);
      }
    });
  }

  it('in the spruce taiga uses spruce for everything; the sandbox model would still go looking for oak', () => {
    const { observation: obs } = recording('spruce-taiga');
    expect(obs.biome).toBe('taiga');
    const iron = plan('vanilla', 'iron_pickaxe', obs);
    expect(iron[0]).toEqual({ skill: 'mineBlock', subject: 'spruce_log' });
    expect(iron.filter((c) => /oak|birch/.test(c.subject))).toEqual([]);
    expect(plan('sandbox', 'iron_pickaxe', obs)).toContainEqual({ skill: 'explore', subject: 'oak_log' });
  });

  it('in the desert takes sticks from dead bushes and sand from under its feet', () => {
    const { observation: obs } = recording('desert');
    expect(obs.biome).toBe('desert');
    expect(plan('vanilla', 'wooden_pickaxe', obs)[0]).toEqual({ skill: 'mineBlock', subject: 'dead_bush' });
    expect(plan('vanilla', 'glass', obs)).toContainEqual({ skill: 'mineBlock', subject: 'sand' });
  });

  it('on the vanilla save plans with the woods of that forest', () => {
    const { observation: obs } = recording('vanilla-dark-forest');
    const woods = plan('vanilla', 'iron_pickaxe', obs).filter((c) => c.subject.endsWith('_log')).map((c) => c.subject);
    expect(woods.length).toBeGreaterThan(0);
    for (const w of woods) expect(['oak_log', 'birch_log', 'dark_oak_log']).toContain(w);
  });
});
