import { describe, expect, it } from 'vitest';
import { BUCKETABLE, bucketFish } from '../../skills/bucketFish.ts';
import { createSkillRegistry, SKILLS } from '../../skills/index.ts';
import type { Observation } from '../../src/bot/observation.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { specialSource } from '../../src/knowledge/specialSources.ts';
import { overworldFor, vanillaOverworld } from '../../src/knowledge/vanillaOverworld.ts';
import { BUCKET_MOBS, mobOfBucket, WATER_SPAWNS } from '../../src/knowledge/waterMobs.ts';
import { SANDBOX_OVERWORLD } from '../../src/knowledge/world.ts';
import { skillSeconds } from '../../src/planner/graph/costs.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import { SkillModel } from '../../src/planner/graph/model.ts';
import { blankObservation } from '../../src/planner/graph/simulate.ts';
import type { PlannerVerdict } from '../../src/planner/types.ts';

const item = (name: string, count = 1) => ({ kind: 'item' as const, items: [name], count });
const subject = (args: Record<string, unknown>) => [args.mob, args.block, args.item, args.target].find((a): a is string => typeof a === 'string') ?? '';
const calls = (v: PlannerVerdict) => (v.kind === 'next' ? (v.plan ?? [v.decision]).map((d) => `${d.skill} ${subject(d.args)}`.trim()) : [`${v.kind}: ${v.kind === 'unplannable' ? v.reason : ''}`]);
const reason = (v: PlannerVerdict) => (v.kind === 'unplannable' ? v.reason : v.kind);

/** A blank observation with mobs in sight (name → distance). */
function seeing(inventory: Record<string, number>, mobs: Record<string, number>): Observation {
  const obs = blankObservation(inventory);
  obs.entities = Object.entries(mobs).map(([name, d]) => ({ type: 'passive', name, count: 1, nearest: d, at: { x: Math.round(d), y: 62, z: 0 } }));
  return obs;
}

describe.each(['1.20.1', '1.21.4'])('fish buckets on vanilla terrain (%s)', (version) => {
  const kb = createKnowledge(version);
  const planner = createGraphPlanner({ skills: createSkillRegistry(), knowledge: kb, world: overworldFor(kb, 'vanilla'), prime: false });

  it('plans a cod bucket from an empty inventory: a bucket, water in it, a cod found, then bucketFish', () => {
    const plan = calls(planner.plan(item('cod_bucket'), blankObservation({})));
    expect(plan).toContain('craftItem bucket');
    expect(plan).toContain('useItemOnBlock water');
    expect(plan.slice(-2)).toEqual(['explore cod', 'bucketFish cod']);
    expect(plan.indexOf('craftItem bucket')).toBeLessThan(plan.indexOf('useItemOnBlock water'));
    expect(plan.indexOf('useItemOnBlock water')).toBeLessThan(plan.indexOf('bucketFish cod'));
  });

  it('plans every fish of the oceans and rivers; a fish in sight with a water bucket in hand is one step', () => {
    for (const mob of ['salmon', 'pufferfish', 'tropical_fish']) expect(calls(planner.plan(item(`${mob}_bucket`), blankObservation({}))).at(-1), mob).toBe(`bucketFish ${mob}`);
    expect(calls(planner.plan(item('cod_bucket', 2), seeing({ water_bucket: 2 }, { cod: 6 })))).toEqual(['bucketFish cod']);
    const v = planner.plan(item('cod_bucket', 2), seeing({ water_bucket: 2 }, { cod: 6 }));
    expect(v.kind === 'next' && v.decision.args).toEqual({ mob: 'cod', count: 2, radius: 32 });
  });

  it('an axolotl or a tadpole in sight is scooped up; none in sight is refused, saying where they are', () => {
    expect(calls(planner.plan(item('axolotl_bucket'), seeing({ water_bucket: 1 }, { axolotl: 5 })))).toEqual(['bucketFish axolotl']);
    expect(reason(planner.plan(item('axolotl_bucket'), blankObservation({})))).toBe('needs axolotl, which only finding a lush cave underground (axolotls live in its water) gives; no skill does that yet');
    expect(reason(planner.plan(item('tadpole_bucket'), blankObservation({})))).toBe('needs tadpole, which only frogspawn from frogs fed slime balls gives; no skill does that yet');
  });
});

describe('fish buckets on the sandbox\'s terrain: rivers and lakes, no ocean', () => {
  const kb = createKnowledge('1.20.1');
  const planner = createGraphPlanner({ skills: createSkillRegistry(), knowledge: kb, world: overworldFor(kb, 'sandbox'), prime: false });

  it('plans a salmon bucket (salmon live in its rivers)', () => {
    expect(calls(planner.plan(item('salmon_bucket'), blankObservation({ water_bucket: 1 })))).toEqual(['explore salmon', 'bucketFish salmon']);
  });

  it('refuses the fish of the seas with a clear reason, naming where they live', () => {
    expect(reason(planner.plan(item('cod_bucket'), blankObservation({})))).toBe('needs cod, which lives in oceans (normal, cold and lukewarm); sandbox overworld has none');
    expect(reason(planner.plan(item('pufferfish_bucket'), blankObservation({ water_bucket: 1 })))).toBe('needs pufferfish, which lives in warm and lukewarm oceans; sandbox overworld has none');
    expect(reason(planner.plan(item('tropical_fish_bucket'), blankObservation({})))).toMatch(/^needs tropical_fish, which lives in warm and lukewarm oceans.*; sandbox overworld has none$/);
    // A cod someone summoned into view is scooped up all the same.
    expect(calls(planner.plan(item('cod_bucket'), seeing({ water_bucket: 1 }, { cod: 4 })))).toEqual(['bucketFish cod']);
  });
});

describe('bucketFish as data, and the world models\' fish', () => {
  const kb = createKnowledge('1.21.4');
  const model = new SkillModel(SKILLS, kb);

  it('spends a water bucket for each fish bucket and needs the fish nearby; produces the six buckets only', () => {
    expect([...BUCKETABLE]).toEqual([...BUCKET_MOBS]);
    expect(bucketFish.preconditions({ mob: 'salmon', count: 2, radius: 32 }, kb)).toEqual({ consume: { water_bucket: 2 }, facts: ['salmon_nearby'] });
    expect(bucketFish.effects({ mob: 'salmon', count: 2, radius: 32 }, kb)).toEqual({ obtain: { salmon_bucket: 2 } });
    for (const mob of BUCKET_MOBS) expect(bucketFish.producers?.(`${mob}_bucket`, 3, kb)).toEqual([{ mob, count: 3, radius: 32 }]);
    for (const other of ['water_bucket', 'milk_bucket', 'lava_bucket', 'bucket', 'cod']) expect(bucketFish.producers?.(other, 1, kb), other).toEqual([]);
    expect(mobOfBucket('tropical_fish_bucket')).toBe('tropical_fish');
    expect(mobOfBucket('powder_snow_bucket')).toBeUndefined();
  });

  it('costs a chase for each fish (it flees as fast as a bot swims), within the runner\'s bound', () => {
    const one = skillSeconds(model.action('bucketFish', { mob: 'cod', count: 1 })!, kb);
    const three = skillSeconds(model.action('bucketFish', { mob: 'cod', count: 3 })!, kb);
    expect(one).toBeGreaterThanOrEqual(30);
    expect(three).toBeGreaterThan(2 * one);
    expect(typeof bucketFish.timeoutMs === 'function' && bucketFish.timeoutMs({ mob: 'cod', count: 3, radius: 32 }, kb)).toBeGreaterThan(three * 1000);
  });

  it('vanilla has the four fish (warm-sea ones rarer), the sandbox salmon only, as vanilla spawns them by biome', () => {
    const found = (w: { mobs: readonly { mob: string; findSeconds?: number }[] }, mob: string) => w.mobs.find((m) => m.mob === mob)?.findSeconds;
    const vanilla = vanillaOverworld(kb);
    expect(found(vanilla, 'cod')).toBeLessThan(found(vanilla, 'tropical_fish')!);
    expect(found(vanilla, 'pufferfish')).toBeGreaterThan(0);
    expect(found(vanilla, 'axolotl')).toBeUndefined();
    expect(SANDBOX_OVERWORLD.mobs.filter((m) => (BUCKET_MOBS as readonly string[]).includes(m.mob)).map((m) => m.mob)).toEqual(['salmon']);
    expect(WATER_SPAWNS.river?.map((s) => s.mob)).toEqual(['salmon']);
    expect(WATER_SPAWNS.plains).toBeUndefined();
  });

  it('no longer names a mechanic for the fish buckets, only for axolotls and tadpoles', () => {
    for (const mob of ['cod', 'salmon', 'pufferfish', 'tropical_fish']) expect(specialSource(`${mob}_bucket`), mob).toBeUndefined();
    expect(specialSource('axolotl_bucket')).toMatch(/water bucket/);
  });

  it('without the skill registered, the refusal names bucketFish', () => {
    const without = createSkillRegistry(SKILLS.filter((s) => s.name !== 'bucketFish'));
    const p = createGraphPlanner({ skills: without, knowledge: kb, world: overworldFor(kb, 'vanilla'), prime: false });
    const v = p.plan(item('cod_bucket'), blankObservation({}));
    expect(v).toMatchObject({ kind: 'unplannable', missingSkill: 'bucketFish' });
    expect(reason(v)).toMatch(/^needs cod_bucket, which needs the bucketFish skill \(from a cod\)/);
  });
});
