import type { Bot } from 'mineflayer';
import type { Vec3 } from 'vec3';
import type { Knowledge } from '../../knowledge/kb.ts';
import type { SkillRegistry } from '../../skills/define.ts';
import { runSkill } from '../../skills/runner.ts';
import type { SkillOutcome } from '../../skills/types.ts';
import type { Logger } from 'pino';

/** Sprinting speed used for the movement part of the lower bound (blocks per second). */
export const SPRINT_BPS = 5.6;
/** Vanilla smelting: 10 s per item in a furnace. */
export const SMELT_SECONDS = 10;
/** A craft is a handful of clicks: counted as one tick each. */
export const CRAFT_SECONDS = 0.05;

export interface ScenarioEnv {
  bot: Bot;
  skills: SkillRegistry;
  kb: Knowledge;
  log: Logger;
  /** Runs a setup command on the server (give, clear). */
  command(line: string): Promise<void>;
}

export interface ScenarioResult {
  ok: boolean;
  seconds: number;
  /** Seconds a perfect player would need at least for what was done. */
  lowerBound: number;
  detail: string;
}

export interface Scenario {
  name: string;
  /** Commands that give the starting inventory. */
  setup: string[];
  run(env: ScenarioEnv): Promise<ScenarioResult>;
}

/** Runs skills in order, stopping at the first failure; records distances walked between steps. */
async function steps(env: ScenarioEnv, list: [string, Record<string, unknown>][]): Promise<{ outcomes: SkillOutcome[]; travel: number; ok: boolean }> {
  const outcomes: SkillOutcome[] = [];
  let travel = 0;
  for (const [name, args] of list) {
    const skill = env.skills.get(name);
    if (!skill) throw new Error(`no skill ${name}`);
    const from: Vec3 = env.bot.entity.position.clone();
    const out = await runSkill(skill, args, { bot: env.bot, log: env.log, knowledge: env.kb });
    travel += Math.max(0, env.bot.entity.position.distanceTo(from) - 4.5);
    outcomes.push(out);
    if (!out.ok) return { outcomes, travel, ok: false };
  }
  return { outcomes, travel, ok: true };
}

function result(started: number, r: { outcomes: SkillOutcome[]; travel: number; ok: boolean }, work: number): ScenarioResult {
  const last = r.outcomes[r.outcomes.length - 1];
  return {
    ok: r.ok,
    seconds: (performance.now() - started) / 1000,
    lowerBound: work + r.travel / SPRINT_BPS,
    detail: r.ok ? r.outcomes.map((o) => o.skill).join(' → ') : `${last?.skill ?? '?'}: ${last && !last.ok ? `${last.code} ${last.message}` : ''}`,
  };
}

/** Mines `block` for `count` items, exploring first when none is known nearby. */
async function mineWithExplore(env: ScenarioEnv, block: string, count: number) {
  const first = await steps(env, [['mineBlock', { block, count }]]);
  const o = first.outcomes[0];
  if (first.ok || !o || o.ok || o.code !== 'NO_TARGET') return first;
  const more = await steps(env, [['explore', { target: block }], ['mineBlock', { block, count }]]);
  return { outcomes: [...first.outcomes, ...more.outcomes], travel: first.travel + more.travel, ok: more.ok };
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'mine 3 oak logs',
    setup: [],
    async run(env) {
      const t = performance.now();
      const r = await mineWithExplore(env, 'oak_log', 3);
      return result(t, r, 3 * env.kb.digTimeMs('oak_log', null) / 1000);
    },
  },
  {
    name: 'logs → wooden pickaxe',
    setup: ['give @bot oak_log 3'],
    async run(env) {
      const t = performance.now();
      // 3 plank crafts, sticks, the table, the pickaxe; placing the table is one more action.
      const r = await steps(env, [
        ['craftItem', { item: 'oak_planks', count: 12 }], ['craftItem', { item: 'stick', count: 4 }],
        ['craftItem', { item: 'crafting_table', count: 1 }], ['craftItem', { item: 'wooden_pickaxe', count: 1 }],
      ]);
      return result(t, r, 6 * CRAFT_SECONDS);
    },
  },
  {
    name: 'mine 3 cobblestone with it',
    setup: ['give @bot wooden_pickaxe 1'],
    async run(env) {
      const t = performance.now();
      const r = await mineWithExplore(env, 'stone', 3);
      return result(t, r, 3 * env.kb.digTimeMs('stone', 'wooden_pickaxe') / 1000);
    },
  },
  {
    name: 'stone pickaxe: 3 iron ore, smelted',
    setup: ['give @bot stone_pickaxe 2', 'give @bot furnace 1', 'give @bot coal 2'],
    async run(env) {
      const t = performance.now();
      let r = await steps(env, [['mineBlock', { block: 'iron_ore', count: 3 }]]);
      const o = r.outcomes[0];
      if (!r.ok && o && !o.ok && o.code === 'NO_TARGET') {
        const deeper = await steps(env, [['digToLevel', { y: 16 }], ['mineBlock', { block: 'iron_ore', count: 3 }]]);
        r = { outcomes: [...r.outcomes, ...deeper.outcomes], travel: r.travel + deeper.travel, ok: deeper.ok };
      }
      if (r.ok) {
        const smelt = await steps(env, [['smeltItem', { item: 'iron_ingot', count: 3 }]]);
        r = { outcomes: [...r.outcomes, ...smelt.outcomes], travel: r.travel + smelt.travel, ok: smelt.ok };
      }
      return result(t, r, 3 * env.kb.digTimeMs('iron_ore', 'stone_pickaxe') / 1000 + 3 * SMELT_SECONDS);
    },
  },
];
