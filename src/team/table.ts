// The assembler's last steps need a crafting table (an iron pickaxe is crafted on one), and the tables the
// team placed while gathering were left behind. A new table is 4 planks: in a plains or a desert that is a
// walk to the next tree and back (30-50 game s measured), while a team mate's table, or its own, usually
// stands a short walk away. Tables are shared (src/bot/claims.ts), so the assembler walks to the nearest one.
import pathfinderPkg from 'mineflayer-pathfinder';
import { findBlockPositions, moveTo, SkillError } from '../actions/index.ts';
import { observe } from '../bot/observe.ts';
import type { GraphPlanner } from '../planner/graph/index.ts';
import type { Goal } from '../tasks/goal/goal.ts';
import type { HandoverEnv } from './handover.ts';
import type { TeamMember } from './types.ts';

/** How far the assembler looks for a table to walk to (loaded chunks hold this much around it). */
const TABLE_RADIUS = 64;
/** The walk's budget: past it, placing a new one is as quick. */
const WALK_MS = 20_000;

/**
 * Walks `member` next to the nearest crafting table in sight when the plan for `goal` from where it stands
 * would place a new one; best effort (the goal's run plans a new table if the walk fails). True when it walked.
 */
export async function walkToTable(env: Pick<HandoverEnv, 'knowledge' | 'log' | 'signal'>, member: TeamMember, goal: Goal, planner: GraphPlanner): Promise<boolean> {
  const bot = member.bot;
  const plan = planner.estimate(goal, observe(bot))?.plan ?? [];
  if (!plan.some((d) => d.skill === 'placeCraftingTable')) return false;
  const [table] = findBlockPositions(bot, ['crafting_table'], { maxDistance: TABLE_RADIUS, count: 1 });
  if (!table) return false;
  const { GoalNear } = pathfinderPkg.goals;
  try {
    await moveTo({ bot, log: env.log.child({ who: member.name }), signal: env.signal, knowledge: env.knowledge }, new GoalNear(table.x, table.y, table.z, 2), { what: `the crafting table at ${table.x} ${table.y} ${table.z}`, timeoutMs: WALK_MS });
    return true;
  } catch (err) {
    if (env.signal.aborted || !(err instanceof SkillError)) throw err;
    env.log.debug({ err: err.message }, `${member.name} could not walk to a crafting table`);
    return false;
  }
}
