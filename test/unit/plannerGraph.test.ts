import { describe, expect, it } from 'vitest';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import type { Decision, PlannerVerdict, StepRecord } from '../../src/planner/types.ts';
import type { AnySkill } from '../../src/skills/types.ts';
import type { Goal } from '../../src/tasks/goal/goal.ts';
import { parseTask } from '../../src/tasks/parse.ts';
import { FIXTURE_SKILLS, observationWith } from '../helpers/planner.ts';

const kb = createKnowledge('1.20.1');
const planner = createGraphPlanner({ skills: FIXTURE_SKILLS, knowledge: kb });
const goal = (text: string): Goal => parseTask(kb, text).goal;

function planOf(v: PlannerVerdict): Decision[] {
  if (v.kind !== 'next') throw new Error(`expected a plan, got ${JSON.stringify(v)}`);
  expect(v.plan?.[0]).toEqual(v.decision);
  return v.plan ?? [];
}
const calls = (plan: Decision[]) => plan.map((d) => `${d.skill} ${JSON.stringify(d.args)}`);
/** Total `count` over the steps of one skill on one target. */
const total = (plan: Decision[], skill: string, key: string, value: string) =>
  plan.filter((d) => d.skill === skill && d.args[key] === value).reduce((n, d) => n + Number(d.args.count), 0);

describe('graph planner: counts and order', () => {
  it('plans a wooden pickaxe from nothing with 3 logs: 3 planks + 2 sticks + a crafting table', () => {
    const plan = planOf(planner.plan(goal('wooden pickaxe'), observationWith({})));
    expect(calls(plan)).toEqual([
      'explore {"target":"oak_log"}',
      'mineBlock {"block":"oak_log","count":3}',
      'craftItem {"item":"oak_planks","count":9,"recipe":0}',
      'craftItem {"item":"stick","count":2,"recipe":0}',
      'craftItem {"item":"crafting_table","count":1,"recipe":0}',
      'placeCraftingTable {}',
      'craftItem {"item":"wooden_pickaxe","count":1,"recipe":0}',
    ]);
    expect(plan[1]!.reason).toBe('3 oak_log for craftItem oak_planks');
    expect(plan[6]!.reason).toBe('1 wooden_pickaxe for goal 1 wooden_pickaxe');
  });

  it('counts what the inventory already holds', () => {
    // 2 planks and a stick: 1 more plank, 1 more stick (a craft makes 4), the table: 1 + 2 + 4 = 7 planks → 2 logs.
    const plan = planOf(planner.plan(goal('wooden pickaxe'), observationWith({ oak_planks: 2, stick: 1 })));
    expect(total(plan, 'mineBlock', 'block', 'oak_log')).toBe(2);
    expect(plan.filter((d) => d.skill === 'craftItem' && d.args.item === 'stick')).toHaveLength(1);
  });

  it('gets a pickaxe before mining stone, and uses the best one already held', () => {
    const fromNothing = planOf(planner.plan(goal('3 cobblestone'), observationWith({})));
    const pick = fromNothing.findIndex((d) => d.skill === 'craftItem' && d.args.item === 'wooden_pickaxe');
    const mine = fromNothing.findIndex((d) => d.skill === 'mineBlock' && d.args.block === 'stone');
    expect(pick).toBeGreaterThanOrEqual(0);
    expect(mine).toBeGreaterThan(pick);
    expect(calls(planOf(planner.plan(goal('3 cobblestone'), observationWith({ stone_pickaxe: 1 }, { stone: 6 }))))).toEqual([
      'mineBlock {"block":"stone","count":3}',
    ]);
  });

  it('digs down in stages for ores out of sight, and mines them directly when they are in sight', () => {
    // 128 levels at 3.5 pickaxe uses each: the iron pickaxe (250) and a diamond one carried are enough.
    const deep = planOf(planner.plan(goal('diamond'), observationWith({ iron_pickaxe: 1, diamond_pickaxe: 1 })));
    expect(calls(deep)).toEqual([
      'digToLevel {"y":38}', 'digToLevel {"y":6}', 'digToLevel {"y":-26}', 'digToLevel {"y":-58}',
      'explore {"target":"diamond_ore"}', 'mineBlock {"block":"diamond_ore","count":1}',
    ]);
    expect(deep[0]!.reason).toBe('diamond_ore lies around y -58');
    // With only the iron pickaxe, stone ones are made first, for the uses the dig will need.
    const short = planOf(planner.plan(goal('diamond'), observationWith({ iron_pickaxe: 1, cobblestone: 6, stick: 4 }, { crafting_table: 2 })));
    expect(calls(short).slice(0, 2)).toEqual(['craftItem {"item":"stone_pickaxe","count":2,"recipe":0}', 'digToLevel {"y":38}']);
    expect(short[0]!.reason).toBe('1 stone_pickaxe for digToLevel (diamond_ore lies around y -58; about 448 pickaxe uses)');
    const seen = planOf(planner.plan(goal('diamond'), observationWith({ iron_pickaxe: 1 }, { diamond_ore: 9 }, -40)));
    expect(calls(seen)).toEqual(['mineBlock {"block":"diamond_ore","count":1}']);
    // Surface resources from underground: back up first.
    const up = planOf(planner.plan(goal('oak log'), observationWith({ stone_pickaxe: 1 }, { stone: 1 }, 10)));
    expect(calls(up)).toEqual(['digToLevel {"y":64}', 'explore {"target":"oak_log"}', 'mineBlock {"block":"oak_log","count":1}']);
  });

  it('gathers everything on the surface before digging down for iron', () => {
    const plan = planOf(planner.plan(goal('iron pickaxe'), observationWith({ stone_pickaxe: 1 })));
    const dig = plan.findIndex((d) => d.skill === 'digToLevel');
    expect(dig).toBeGreaterThan(0);
    expect(plan.slice(dig + 1).some((d) => d.skill === 'mineBlock' && d.args.block === 'oak_log')).toBe(false);
    expect(plan.slice(0, dig).some((d) => d.skill === 'craftItem' && d.args.item === 'furnace')).toBe(true);
    expect(total(plan, 'mineBlock', 'block', 'iron_ore')).toBe(3);
    expect(plan.at(-1)).toMatchObject({ skill: 'craftItem', args: { item: 'iron_pickaxe' } });
  });
});

describe('graph planner: choices', () => {
  it('reuses a crafting table in sight instead of making one', () => {
    const plan = planOf(planner.plan(goal('wooden pickaxe'), observationWith({}, { crafting_table: 3, oak_log: 9 })));
    expect(plan.some((d) => d.args.item === 'crafting_table' || d.skill === 'placeCraftingTable')).toBe(false);
    // 3 planks + 2 for sticks: 2 logs.
    expect(total(plan, 'mineBlock', 'block', 'oak_log')).toBe(2);
    // Exploring for logs walks away from the table: then another one is made and placed.
    const away = planOf(planner.plan(goal('wooden pickaxe'), observationWith({}, { crafting_table: 3 })));
    expect(away[0]).toMatchObject({ skill: 'explore' });
    expect(away.some((d) => d.skill === 'placeCraftingTable')).toBe(true);
  });

  it('makes planks from the logs it has, whatever the wood', () => {
    const plan = planOf(planner.plan(goal('4 planks'), observationWith({ birch_log: 1 })));
    expect(calls(plan)).toEqual(['craftItem {"item":"birch_planks","count":4,"recipe":0}']);
  });

  it('chooses between recipes: iron from nuggets when it has them, else smelted', () => {
    expect(calls(planOf(planner.plan(goal('iron ingot'), observationWith({ iron_nugget: 9 }, { crafting_table: 3 }))))).toEqual([
      'craftItem {"item":"iron_ingot","count":1,"recipe":1}',
    ]);
    const smelted = planOf(planner.plan(goal('iron ingot'), observationWith({ raw_iron: 1, coal: 1 }, { furnace: 3 })));
    expect(calls(smelted)).toEqual(['smeltItem {"item":"iron_ingot","count":1}']);
  });

  it('fuels a furnace with what it has: a coal is 8 smelts, a plank 1.5', () => {
    const obs = observationWith({ cobblestone: 6, oak_planks: 4 }, { furnace: 3 });
    expect(calls(planOf(planner.plan(goal('6 stone'), obs)))).toEqual(['smeltItem {"item":"stone","count":6}']);
    const more = planOf(planner.plan(goal('7 stone'), observationWith({ cobblestone: 7, oak_planks: 4 }, { furnace: 3 })));
    expect(more.at(-1)).toMatchObject({ skill: 'smeltItem', args: { item: 'stone', count: 7 } });
    expect(more.length).toBeGreaterThan(1);
  });

  it('places a crafting table from the inventory, or walks to one in sight', () => {
    expect(calls(planOf(planner.plan(goal('crafting_table nearby'), observationWith({ crafting_table: 1 }))))).toEqual(['placeCraftingTable {}']);
    expect(calls(planOf(planner.plan(goal('crafting_table nearby'), observationWith({}, { crafting_table: 20 }))))).toEqual([
      'goTo {"block":"crafting_table","range":2}',
    ]);
    expect(planner.plan(goal('crafting_table nearby'), observationWith({}, { crafting_table: 3 }))).toEqual({ kind: 'done' });
  });
});

describe('graph planner: stations where they stand', () => {
  const planner = createGraphPlanner({ skills: FIXTURE_SKILLS, knowledge: kb });
  it('uses a table the observation calls near (a short walk), but makes a new one when it calls it far', () => {
    const near = planOf(planner.plan(goal('wooden_pickaxe'), observationWith({ oak_planks: 7, stick: 2 }, { crafting_table: 8 })));
    expect(calls(near)).toEqual(['craftItem {"item":"wooden_pickaxe","count":1,"recipe":0}']);
    const far = calls(planOf(planner.plan(goal('wooden_pickaxe'), observationWith({ oak_planks: 7, stick: 2 }, { crafting_table: 20 }))));
    expect(far).toContain('placeCraftingTable {}');
    // Six blocks away, but up a pit wall: src/bot/stationAccess.ts finds no walk to it.
    const up = observationWith({ oak_planks: 7, stick: 2 }, { crafting_table: 6 });
    up.stations.craftingTable = { ...up.stations.craftingTable!, access: 'far', inReach: false };
    expect(calls(planOf(planner.plan(goal('wooden_pickaxe'), up)))).toContain('placeCraftingTable {}');
  });

  it('leaves the table behind when it follows an ore, so the logs for a second one are cut first, by the trees', () => {
    // Iron lies in sight; stone and trees too. The bucket is crafted after smelting, away from the first table.
    const plan = planOf(planner.plan(goal('bucket'), observationWith({ stone_pickaxe: 1 }, { oak_log: 5, stone: 4, coal_ore: 9, iron_ore: 15 })));
    const c = calls(plan);
    const iron = plan.findIndex((d) => d.skill === 'mineBlock' && d.args.block === 'iron_ore');
    const lastLog = plan.findLastIndex((d) => d.skill === 'mineBlock' && d.args.block === 'oak_log');
    expect(iron).toBeGreaterThan(lastLog);
    expect(plan.slice(iron).some((d) => d.skill === 'explore' || (d.skill === 'mineBlock' && d.args.block !== 'iron_ore'))).toBe(false);
    const tables = plan.slice(0, iron).filter((d) => d.skill === 'craftItem' && d.args.item === 'crafting_table').reduce((n, d) => n + Number(d.args.count), 0);
    expect(tables).toBe(2);
    expect(c.slice(-2)).toEqual(['placeCraftingTable {}', 'craftItem {"item":"bucket","count":1,"recipe":0}']);
    // Coal shows in the hills as well as deep down: mining it walks nowhere far, and one table does.
    const coal = planOf(planner.plan(goal('coal_block'), observationWith({ stone_pickaxe: 1 }, { oak_log: 5, coal_ore: 9 })));
    expect(coal.filter((d) => d.skill === 'craftItem' && d.args.item === 'crafting_table').map((d) => d.args.count)).toEqual([1]);
  });
});

describe('graph planner: re-planning', () => {
  const woodenPickaxe = goal('wooden pickaxe');

  it('looks again after a block was not found, and takes another kind after repeated failures', () => {
    const obs = observationWith({}, { oak_log: 10, birch_log: 12 });
    const mineOak: Decision = { skill: 'mineBlock', args: { block: 'oak_log', count: 3 } };
    expect(planOf(planner.plan(woodenPickaxe, obs))[0]).toMatchObject(mineOak);
    const failed = (n: number): StepRecord[] => Array.from({ length: n }, () => ({ decision: mineOak, ok: false, code: 'NO_TARGET', message: 'no oak_log within 32 blocks' }));
    expect(planOf(planner.plan(woodenPickaxe, obs, failed(1)))[0]).toMatchObject({ skill: 'explore', args: { target: 'oak_log' } });
    expect(planOf(planner.plan(woodenPickaxe, obs, failed(3)))[0]).toMatchObject({ skill: 'mineBlock', args: { block: 'birch_log' } });
    const ok: StepRecord = { decision: mineOak, ok: true };
    expect(planOf(planner.plan(woodenPickaxe, obs, [...failed(3), ok]))[0]).toMatchObject(mineOak);
  });

  it('brings another pickaxe after a dig wore its pickaxes out, once per failure', () => {
    // 28 levels from y -30: 98 uses, which the iron pickaxe has (as new); the skill found otherwise.
    const obs = observationWith({ iron_pickaxe: 1, cobblestone: 3, stick: 2 }, { crafting_table: 2 }, -30);
    const dig: Decision = { skill: 'digToLevel', args: { y: -58 } };
    const worn: StepRecord = { decision: dig, ok: false, code: 'NO_TOOL', message: '28 stair steps need about 76 pickaxe uses, the pickaxes carried have 11 left' };
    expect(planOf(planner.plan(goal('diamond'), obs))[0]).toEqual(expect.objectContaining(dig));
    expect(calls(planOf(planner.plan(goal('diamond'), obs, [worn])))).toEqual([
      'craftItem {"item":"stone_pickaxe","count":1,"recipe":0}', 'digToLevel {"y":-58}', 'explore {"target":"diamond_ore"}', 'mineBlock {"block":"diamond_ore","count":1}',
    ]);
    const made: StepRecord = { decision: { skill: 'craftItem', args: { item: 'stone_pickaxe', count: 1, recipe: 0 } }, ok: true };
    const withTwo = observationWith({ iron_pickaxe: 1, stone_pickaxe: 1 }, { crafting_table: 2 }, -30);
    expect(planOf(planner.plan(goal('diamond'), withTwo, [worn, made]))[0]).toEqual(expect.objectContaining(dig));
    expect(planner.plan(goal('diamond'), withTwo, [worn, made, worn, worn])).toMatchObject({ kind: 'unplannable', reason: 'needs diamond_ore: digging to y -58 failed repeatedly' });
  });

  it('names what failed when every way is out', () => {
    const only = createGraphPlanner({ skills: FIXTURE_SKILLS, knowledge: kb });
    const obs = observationWith({ stone_pickaxe: 1 }, { stone: 5 });
    const mine: Decision = { skill: 'mineBlock', args: { block: 'stone', count: 1 } };
    const history: StepRecord[] = Array.from({ length: 3 }, () => ({ decision: mine, ok: false, code: 'NO_PATH', message: 'no path to stone' }));
    const v = only.plan(goal('cobblestone'), obs, history);
    expect(v).toMatchObject({ kind: 'unplannable', missing: 'cobblestone' });
    expect(v.kind === 'unplannable' && v.reason).toContain('failed repeatedly (mineBlock stone)');
  });

  it('makes the furnace first when gathering walked away from it and a new one would eat the cobblestone to smelt', () => {
    // Stone bricks: smelt cobblestone into stone, and the furnace is made of cobblestone too.
    for (const name of ['stone_brick_stairs', 'stone_brick_wall']) {
      const v = planner.plan(goal(name), observationWith({}, {}));
      expect(v.kind, `${name}: ${v.kind === 'unplannable' ? v.reason : ''}`).toBe('next');
    }
  });

  it('names the station it gave up placing, not only the station it lacks', () => {
    const obs = observationWith({ raw_iron: 3, coal: 3, furnace: 1, cobblestone: 20, stone_pickaxe: 1 }, { stone: 2 }, 40);
    const place: Decision = { skill: 'placeFurnace', args: {} };
    const history: StepRecord[] = Array.from({ length: 3 }, () => ({ decision: place, ok: false, code: 'FAILED', message: 'placed a furnace at 66,54,-48 but it is not usable from 64,54,-49' }));
    const v = planner.plan(goal('iron_ingot'), obs, history);
    expect(v.kind).toBe('unplannable');
    expect(v.kind === 'unplannable' && v.reason).toContain('given up on: placeFurnace {} (FAILED: placed a furnace');
  });

  it('follows a windfall: planks and sticks found on the way shorten the plan', () => {
    const before = planOf(planner.plan(woodenPickaxe, observationWith({}, { oak_log: 8 })));
    const after = planOf(planner.plan(woodenPickaxe, observationWith({ oak_planks: 7, stick: 2 }, { oak_log: 8 }), [{ decision: before[0]!, ok: true }]));
    expect(calls(after)).toEqual([
      'craftItem {"item":"crafting_table","count":1,"recipe":0}',
      'placeCraftingTable {}',
      'craftItem {"item":"wooden_pickaxe","count":1,"recipe":0}',
    ]);
  });

  it('reaches the goal step by step in a simulated world', () => {
    let obs = observationWith({});
    const history: StepRecord[] = [];
    for (let i = 0; i < 30; i++) {
      const v = planner.plan(goal('stone pickaxe'), obs, history);
      if (v.kind === 'done') break;
      const [next] = planOf(v);
      obs = planner.simulate(obs, next!);
      history.push({ decision: next!, ok: true });
    }
    expect(obs.inventory.stone_pickaxe).toBe(1);
    expect(history.length).toBeLessThanOrEqual(14);
  });
});

describe('graph planner: what cannot be planned', () => {
  it('names a resource from another dimension', () => {
    expect(planner.plan(goal('blaze powder'), observationWith({}))).toEqual({
      kind: 'unplannable', reason: 'needs blaze_rod, which this world does not have (nether)', missing: 'blaze_rod',
    });
  });

  it('names a block the world does not have', () => {
    expect(planner.plan(goal('emerald'), observationWith({}))).toMatchObject({
      kind: 'unplannable', reason: 'needs emerald_ore, which this world does not have', missing: 'emerald_ore',
    });
  });

  it('names the mob skill that is missing', () => {
    expect(planner.plan(goal('beef'), observationWith({}))).toMatchObject({ kind: 'unplannable', missing: 'beef', missingSkill: 'killMob' });
    expect(planner.plan(goal('wool'), observationWith({ shears: 1 }))).toMatchObject({ kind: 'unplannable', missing: 'white_wool', missingSkill: 'shearSheep' });
    expect(planner.plan(goal('milk'), observationWith({ bucket: 1 }))).toMatchObject({ kind: 'unplannable', missing: 'milk_bucket', missingSkill: 'milkCow' });
  });

  it('needs digToLevel for ores deep down', () => {
    const noDig = createGraphPlanner({ skills: FIXTURE_SKILLS.filter((s: AnySkill) => s.name !== 'digToLevel'), knowledge: kb });
    expect(noDig.plan(goal('diamond'), observationWith({ iron_pickaxe: 1 }))).toMatchObject({ kind: 'unplannable', missing: 'diamond_ore', missingSkill: 'digToLevel' });
  });

  it('leaves free text to a chat model, and says done when the goal is met', () => {
    const v = planner.plan({ kind: 'text', text: 'build a house' }, observationWith({}));
    expect(v).toMatchObject({ kind: 'unplannable' });
    expect(v.kind === 'unplannable' && v.reason).toMatch(/^this task needs a chat model \(--planner llm\)/);
    expect(planner.plan(goal('3 sticks'), observationWith({ stick: 5 }))).toEqual({ kind: 'done' });
    expect(planner.plan(goal('wool'), observationWith({ red_wool: 1 }))).toEqual({ kind: 'done' });
  });

  it('decides asynchronously through the Planner interface and honours the signal', async () => {
    const ac = new AbortController();
    await expect(planner.decide({ goal: goal('stick'), observation: observationWith({ oak_planks: 2 }), history: [], signal: ac.signal }))
      .resolves.toMatchObject({ kind: 'next', decision: { skill: 'craftItem', args: { item: 'stick' } } });
    ac.abort(new Error('stop'));
    await expect(planner.decide({ goal: goal('stick'), observation: observationWith({}), history: [], signal: ac.signal })).rejects.toThrow('stop');
  });
});
