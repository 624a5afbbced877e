import type { Observation } from '../../bot/observation.ts';
import type { Knowledge } from '../../knowledge/kb.ts';
import { survivalUnobtainable } from '../../knowledge/unobtainable.ts';
import { learnedNames, learnedWorld, SANDBOX_OVERWORLD, type WorldModel } from '../../knowledge/world.ts';
import { SkillRegistry } from '../../skills/define.ts';
import type { AnySkill } from '../../skills/types.ts';
import type { Goal } from '../../tasks/goal/goal.ts';
import { NEEDS_CHAT_MODEL } from '../../tasks/parse.ts';
import type { Decision, Planner, PlannerInput, PlannerVerdict, StepRecord } from '../types.ts';
import { coalesce } from './coalesce.ts';
import { CostTable, skillSeconds } from './costs.ts';
import { explain, runGoal } from './explain.ts';
import { adviceFrom } from './history.ts';
import { SkillModel } from './model.ts';
import { Search, type PlanStep, type SearchContext } from './search.ts';
import { simulateStep } from './simulate.ts';
import { cloneState, stateFromObservation, type PlanState } from './state.ts';
import { Unplannable } from './unplannable.ts';

export interface PlanEstimate {
  /** Estimated seconds of the whole plan. */
  seconds: number;
  steps: number;
  /** Items (or `#groups`) the plan's last step uses up: the goal's own ingredients. */
  lastConsumes: Record<string, number>;
  plan: Decision[];
}

/** Worlds as seen whose cost tables a planner keeps (beyond the one it started with). */
const MAX_LEARNED = 8;

export interface GraphPlannerOptions {
  /** The registry, or a list of skills (tests). */
  skills: SkillRegistry | readonly AnySkill[];
  knowledge: Knowledge;
  /** What the world offers (default: the sandbox's overworld). */
  world?: WorldModel;
  /** Work out the static cost of every item up front (a few hundred ms) so that decisions stay fast (default true). */
  prime?: boolean;
}

export function createGraphPlanner(opts: GraphPlannerOptions): GraphPlanner {
  const planner = new GraphPlanner(opts);
  if (opts.prime !== false) planner.prime();
  return planner;
}

/** The offline planner: backward search over the skill graph, re-planned from the observation on every call. */
export class GraphPlanner implements Planner {
  readonly name = 'graph';
  private readonly model: SkillModel;
  private readonly baseWorld: WorldModel;
  private world: WorldModel;
  private costs: CostTable;
  private hypotheticalCosts: CostTable;
  /** Cost tables per world as seen (learnedWorld): a few per session, as the bot meets new biomes. */
  private readonly learned = new Map<string, { world: WorldModel; costs: CostTable; hypothetical: CostTable }>();

  constructor(private readonly opts: GraphPlannerOptions) {
    this.model = new SkillModel(opts.skills instanceof SkillRegistry ? opts.skills.list() : opts.skills, opts.knowledge);
    this.baseWorld = opts.world ?? SANDBOX_OVERWORLD;
    this.world = this.baseWorld;
    this.costs = new CostTable(this.model, this.world, false);
    this.hypotheticalCosts = new CostTable(this.model, this.world, true, this.costs);
    this.learned.set('', { world: this.world, costs: this.costs, hypothetical: this.hypotheticalCosts });
  }

  /** The world model's name (which overworld this planner assumes). */
  get worldName(): string {
    return this.world.name;
  }

  /**
   * Takes in what this world has shown (in sight now, or seen earlier this session): a resource only
   * some biomes have is no dearer to find than a common one once the bot has seen it here.
   */
  private learn(observation: Observation): void {
    const seen = [...observation.blocks.map((b) => b.name), ...(observation.seen ?? []).map((b) => b.name)];
    const key = learnedNames(this.baseWorld, seen).join(',');
    let entry = this.learned.get(key);
    if (!entry) {
      if (this.learned.size >= MAX_LEARNED) for (const k of this.learned.keys()) if (k !== '') { this.learned.delete(k); break; }
      const world = learnedWorld(this.baseWorld, key === '' ? [] : key.split(','));
      const costs = new CostTable(this.model, world, false);
      entry = { world, costs, hypothetical: new CostTable(this.model, world, true, costs) };
      this.learned.set(key, entry);
    }
    this.world = entry.world;
    this.costs = entry.costs;
    this.hypotheticalCosts = entry.hypothetical;
  }

  /** Computes the static cost of every item once; returns how many the skills and the world can provide. */
  prime(): number {
    let reachable = 0;
    for (const item of this.opts.knowledge.registry.itemsArray) if (Number.isFinite(this.costs.items(item.name, 1))) reachable++;
    return reachable;
  }

  decide(input: PlannerInput): Promise<PlannerVerdict> {
    if (input.signal.aborted) return Promise.reject(input.signal.reason instanceof Error ? input.signal.reason : new Error('aborted'));
    return Promise.resolve(this.plan(input.goal, input.observation, input.history));
  }

  /** The whole plan from this observation (synchronous: no I/O, no model). */
  plan(goal: Goal, observation: Observation, history: readonly StepRecord[] = []): PlannerVerdict {
    if (goal.kind === 'text') return { kind: 'unplannable', reason: NEEDS_CHAT_MODEL, missing: 'chat model' };
    const state = stateFromObservation(observation);
    if (isDone(goal, state)) return { kind: 'done' };
    const never = goal.kind === 'item' ? unobtainable(goal.items, this.opts.knowledge)
      : goal.kind === 'items' ? Object.keys(goal.counts).map((i) => unobtainable([i], this.opts.knowledge)).find((u) => u !== undefined) : undefined;
    if (never) return { kind: 'unplannable', reason: never.reason, missing: never.item };
    this.learn(observation);
    const advice = adviceFrom(history, (step) => this.model.action(step.decision.skill, step.decision.args));
    const ctx: SearchContext = {
      model: this.model, kb: this.opts.knowledge, world: this.world, costs: this.costs,
      penalty: advice.penalty, distrust: advice.distrust, extraTools: advice.extraTools,
    };
    try {
      const steps = coalesce(this.twoPasses(goal, state, ctx), state, goal, this.model, this.world, isDone);
      const plan = steps.map(toDecision);
      const first = plan[0];
      if (!first) return { kind: 'done' };
      return { kind: 'next', decision: first, plan };
    } catch (err) {
      if (!(err instanceof Unplannable)) throw err;
      const hypothetical: SearchContext = { ...ctx, costs: this.hypotheticalCosts, hypothetical: true };
      const why = explain(err, goal, state, ctx, hypothetical);
      // A step given up on is often the real reason (a furnace that could not be placed where it is usable
      // leaves "needs furnace" with no way to get one): name each with its last failure.
      // ("failed repeatedly" reasons name theirs already.)
      const named = why.reason.includes('failed repeatedly');
      const banned = [...advice.banned].filter(([, how]) => how.startsWith('NO_EFFECT') || !named).map(([kind, how]) => `${kind} (${how})`);
      const reason = banned.length === 0 ? why.reason : `${why.reason}; given up on: ${banned.join('; ')}`;
      return { kind: 'unplannable', reason, missing: why.missing, ...(why.missingSkill ? { missingSkill: why.missingSkill } : {}) };
    }
  }

  /**
   * Plays the goal twice: the first pass learns how much of each item the whole plan uses, the
   * second makes each item in one go (3 logs once, not 1 log three times).
   */
  private twoPasses(goal: Goal, state: PlanState, ctx: SearchContext): PlanStep[] {
    const first = new Search(ctx, cloneState(state));
    runGoal(first, goal);
    const second = new Search({ ...ctx, reserve: first.used }, cloneState(state));
    try {
      runGoal(second, goal);
    } catch (err) {
      // The batched plan took another turn and got stuck; the first one is still a plan.
      if (err instanceof Unplannable) return first.steps;
      throw err;
    }
    return second.steps.length <= first.steps.length ? second.steps : first.steps;
  }

  /**
   * What the plan from this observation would take: its estimated seconds (each step's, as the cost
   * table prices skills) and what its last step consumes (the goal's own recipe: 3 iron ingots and 2
   * sticks for an iron pickaxe). Undefined when the goal cannot be planned; a team splits goals with it.
   */
  estimate(goal: Goal, observation: Observation): PlanEstimate | undefined {
    const verdict = this.plan(goal, observation);
    if (verdict.kind === 'done') return { seconds: 0, steps: 0, lastConsumes: {}, plan: [] };
    if (verdict.kind !== 'next') return undefined;
    const actions = (verdict.plan ?? [verdict.decision]).map((d) => this.model.action(d.skill, d.args));
    const seconds = actions.reduce((n, a) => n + (a ? skillSeconds(a, this.opts.knowledge) : 5), 0);
    const last = actions[actions.length - 1];
    return { seconds, steps: actions.length, lastConsumes: last ? Object.fromEntries(last.consume) : {}, plan: verdict.plan ?? [verdict.decision] };
  }

  /** The observation after a decision, as its effects say (see simulate.ts). */
  simulate(obs: Observation, decision: Decision): Observation {
    return simulateStep(obs, decision, this.model, this.world);
  }
}

export function isDone(goal: Goal, state: PlanState): boolean {
  if (goal.kind === 'item') return goal.items.reduce((n, i) => n + (state.inv.get(i) ?? 0), 0) >= goal.count;
  if (goal.kind === 'items') return Object.entries(goal.counts).every(([i, c]) => (state.inv.get(i) ?? 0) >= c);
  if (goal.kind === 'placed') return state.inReach.has(goal.block);
  return false;
}

/** The goal's items when none of them can be had in survival (bedrock, spawn eggs): refused before any search. */
function unobtainable(items: readonly string[], kb: Knowledge): { item: string; reason: string } | undefined {
  const whys = items.map((item) => [item, survivalUnobtainable(item, kb.registry)] as const);
  if (whys.some(([, why]) => why === undefined)) return undefined;
  const [item, why] = whys[0]!;
  return { item, reason: `${item} cannot be obtained in survival: ${why}` };
}

function toDecision(step: PlanStep): Decision {
  return { skill: step.action.skill, args: step.action.args, reason: step.reason };
}
