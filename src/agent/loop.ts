import type { Bot } from 'mineflayer';
import type { Logger } from 'pino';
import { observe } from '../bot/observe.ts';
import type { Observation } from '../bot/observation.ts';
import type { Knowledge } from '../knowledge/kb.ts';
import type { Decision, Planner, StepRecord } from '../planner/types.ts';
import type { SkillRegistry } from '../skills/define.ts';
import { runSkill } from '../skills/runner.ts';
import type { SkillOutcome } from '../skills/types.ts';
import { describeGoal, type Goal } from '../tasks/goal.ts';
import { goalMet, goalProgress } from './goalCheck.ts';
import { digest, type TraceWriter } from './trace.ts';

export interface StopLimits {
  maxSteps: number;
  /** Game seconds (20 ticks each) the task may take. */
  maxGameSeconds: number;
  /** Failures in a row after which the run gives up. */
  maxConsecutiveFailures: number;
}

export const DEFAULT_LIMITS: StopLimits = { maxSteps: 80, maxGameSeconds: 1200, maxConsecutiveFailures: 6 };

export type StopReason = 'done' | 'unplannable' | 'max_steps' | 'game_time' | 'failures' | 'aborted';

export interface StepReport {
  step: number;
  decision: Decision;
  outcome: SkillOutcome;
  /** The rest of the plan after this step, when the planner gave one. */
  plan?: Decision[];
}

export interface RunSummary {
  goal: string;
  success: boolean;
  reason: StopReason;
  detail?: string;
  steps: number;
  failures: number;
  /** Failed steps after which the run still reached its goal or went on. */
  failuresRecovered: number;
  wallSeconds: number;
  gameSeconds: number;
  skills: Record<string, number>;
  traceDir?: string;
}

export interface AgentOptions {
  bot: Bot;
  goal: Goal;
  planner: Planner;
  skills: SkillRegistry;
  knowledge: Knowledge;
  log: Logger;
  signal: AbortSignal;
  limits?: Partial<StopLimits>;
  trace?: TraceWriter;
  observeRadius?: number;
  onPlan?: (plan: Decision[], obs: Observation) => void;
  onStep?: (report: StepReport) => void;
}

/** observe → decide → run the skill → check the goal → repeat, until done or a stop condition. */
export async function runAgent(opts: AgentOptions): Promise<RunSummary> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const { bot, goal, trace, log } = opts;
  const started = performance.now();
  const startAge = Number(bot.time.age);
  const history: StepRecord[] = [];
  const skillCounts: Record<string, number> = {};
  let failures = 0;
  let consecutive = 0;
  let reason: StopReason;
  let detail: string | undefined;
  const look = () => observe(bot, { radius: opts.observeRadius ?? 32 });
  const gameSeconds = () => (Number(bot.time.age) - startAge) / 20;
  trace?.write({ event: 'start', goal, limits, planner: opts.planner.name });

  let obs = look();
  for (;;) {
    if (goalMet(goal, obs)) { reason = 'done'; break; }
    if (opts.signal.aborted) { reason = 'aborted'; break; }
    if (history.length >= limits.maxSteps) { reason = 'max_steps'; break; }
    if (gameSeconds() > limits.maxGameSeconds) { reason = 'game_time'; break; }
    if (consecutive >= limits.maxConsecutiveFailures) { reason = 'failures'; break; }

    const t0 = performance.now();
    const verdict = await opts.planner.decide({ goal, observation: obs, history, signal: opts.signal });
    const planMs = performance.now() - t0;
    if (verdict.kind === 'done') {
      obs = look();
      if (goalMet(goal, obs)) { reason = 'done'; break; }
      reason = 'unplannable';
      detail = 'the planner saw nothing left to do but the goal is not met';
      break;
    }
    if (verdict.kind === 'unplannable') { reason = 'unplannable'; detail = verdict.reason; break; }
    const decision = verdict.decision;
    if (verdict.plan) opts.onPlan?.(verdict.plan, obs);
    const skill = opts.skills.get(decision.skill);
    const outcome: SkillOutcome = skill
      ? await runSkill(skill, decision.args, { bot, log, knowledge: opts.knowledge, signal: opts.signal })
      : { ok: false, skill: decision.skill, args: decision.args, elapsedMs: 0, code: 'BAD_ARGS', message: `unknown skill ${decision.skill}` };
    skillCounts[decision.skill] = (skillCounts[decision.skill] ?? 0) + 1;
    history.push({ decision, ok: outcome.ok, ...(outcome.ok ? {} : { code: outcome.code, message: outcome.message }) });
    if (outcome.ok) consecutive = 0;
    else { failures++; consecutive++; }
    const report: StepReport = { step: history.length, decision, outcome, ...(verdict.plan ? { plan: verdict.plan } : {}) };
    opts.onStep?.(report);
    obs = look();
    trace?.write({
      event: 'step', step: history.length, decision, outcome, planMs: Math.round(planMs * 100) / 100,
      observation: digest(obs), gameSeconds: gameSeconds(), progress: goalProgress(goal, obs),
    });
    log.debug({ step: history.length, skill: decision.skill, ok: outcome.ok }, 'step');
  }
  if (opts.signal.aborted && reason !== 'done') reason = 'aborted';

  const success = reason === 'done';
  // A failure counts as recovered when a later step succeeded.
  const lastOk = history.map((h) => h.ok).lastIndexOf(true);
  const failuresRecovered = history.filter((h, i) => !h.ok && i < lastOk).length;
  const summary: RunSummary = {
    goal: describeGoal(goal), success, reason, ...(detail ? { detail } : {}), steps: history.length, failures,
    failuresRecovered, wallSeconds: round1((performance.now() - started) / 1000), gameSeconds: round1(gameSeconds()),
    skills: skillCounts, ...(trace ? { traceDir: trace.dir } : {}),
  };
  trace?.write({ event: 'end', summary });
  trace?.summary(summary as unknown as Record<string, unknown>);
  return summary;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
