import type { Bot } from 'mineflayer';
import type { Logger } from 'pino';
import { observe } from '../bot/observe.ts';
import type { SeenMemory } from '../bot/seen.ts';
import type { Knowledge } from '../knowledge/kb.ts';
import type { Decision, Planner, StepRecord } from '../planner/types.ts';
import type { SkillRegistry } from '../skills/define.ts';
import { runSkill } from '../skills/runner.ts';
import type { SkillOutcome } from '../skills/types.ts';
import { describeGoal, type Goal } from '../tasks/goal/goal.ts';
import { goalMet, goalProgress } from '../tasks/goal/check.ts';
import { NoEffectWatch } from './noEffect.ts';
import { digest } from './trace.ts';
import type { RunEvent, RunEvents } from './events.ts';
import { ReflexMonitor, type ReflexRecord } from './reflexes/monitor.ts';
import { ReflexRepeats } from './reflexRepeats.ts';
import type { ModelEvent, ModelSummary } from '../llm/usage.ts';

export interface StopLimits {
  maxSteps: number;
  /** Game seconds (20 ticks each) the task may take. */
  maxGameSeconds: number;
  /** Failures in a row after which the run gives up. */
  maxConsecutiveFailures: number;
}

export const DEFAULT_LIMITS: StopLimits = { maxSteps: 80, maxGameSeconds: 1200, maxConsecutiveFailures: 6 };

export type StopReason = 'done' | 'unplannable' | 'max_steps' | 'game_time' | 'failures' | 'aborted' | 'disconnected';

export interface StepReport {
  step: number;
  decision: Decision;
  outcome: SkillOutcome;
  /** The rest of the plan after this step, when the planner gave one. */
  plan?: Decision[];
  /** The reflex that interrupted this step (its outcome is DANGER), and what it did. */
  reflex?: ReflexRecord;
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
  /** Reflexes that took over (fight, flee, eat, leave water or lava); the steps they cut short are not failures. */
  reflexes: number;
  /** Chat-model calls, tokens, retries and fallbacks (llm and hybrid planners). */
  model?: ModelSummary;
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
  /** Where the run's events go (src/agent/events.ts): the trace, the terminal, the dashboard, chat. */
  events?: RunEvents;
  /** The trace folder, for the summary (the trace itself is an events subscriber). */
  traceDir?: string;
  observeRadius?: number;
  /** What the bot has seen this session (src/bot/seen.ts), kept across reconnects and tasks; observations list it. */
  seen?: SeenMemory;
  /** The chat model's record for this task (src/llm/usage.ts): its events go to the stream, its totals to the summary. */
  model?: { drain(): ModelEvent[]; summary(): ModelSummary };
  /** Reflexes that interrupt a skill when the bot is attacked, hungry, or in lava or deep water (default true). */
  reflexes?: boolean;
  /**
   * Runs between steps, before the next decision: a team's assembler takes a hand-over there while it
   * works (src/team). The next plan is made from what the bot holds after it. Must not throw.
   */
  pause?: (signal: AbortSignal) => Promise<void>;
  /** Runs once a step is decided, before its skill (src/agent/resilience.ts: stuck recovery, a full inventory); must not throw. */
  beforeSkill?: (next: { step: number; decision: Decision; plan: readonly Decision[]; history: readonly StepRecord[]; signal: AbortSignal }) => Promise<void>;
}

/** observe → decide → run the skill → check the goal → repeat, until done or a stop condition. */
export async function runAgent(opts: AgentOptions): Promise<RunSummary> {
  // The goal's own items are never eaten by the eat reflex ("harvest beef").
  const keep = opts.goal.kind === 'item' ? opts.goal.items : opts.goal.kind === 'items' ? Object.keys(opts.goal.counts) : [];
  const reflexes = opts.reflexes === false ? undefined : new ReflexMonitor({ bot: opts.bot, log: opts.log.child({ component: 'reflexes' }), knowledge: opts.knowledge, keep });
  reflexes?.start();
  try {
    return await runLoop(opts, reflexes);
  } finally {
    reflexes?.stop();
  }
}

async function runLoop(opts: AgentOptions, reflexes: ReflexMonitor | undefined): Promise<RunSummary> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const { bot, goal, log } = opts;
  const emit = (e: RunEvent) => opts.events?.emit(e);
  const started = performance.now();
  const startAge = Number(bot.time.age);
  const history: StepRecord[] = [];
  const skillCounts: Record<string, number> = {};
  let failures = 0;
  let consecutive = 0;
  // Steps a reflex cut short: counted as steps, kept out of the planner's history (nothing failed).
  let interrupted = 0;
  let reflexCount = 0;
  const stepNo = () => history.length + interrupted;
  const recordReflex = (r: ReflexRecord, during?: Decision) => {
    reflexCount++;
    emit({ event: 'reflex', step: stepNo(), ...(during ? { interrupted: during } : {}), ...r, observation: digest(look()) });
  };
  let reason: StopReason;
  let detail: string | undefined;
  const look = () => observe(bot, { radius: opts.observeRadius ?? 32, ...(opts.seen ? { seen: opts.seen } : {}) });
  const gameSeconds = () => (Number(bot.time.age) - startAge) / 20;
  emit({ event: 'start', goal, limits, planner: opts.planner.name });
  const modelEvents = (step?: number) => { for (const e of opts.model?.drain() ?? []) emit(step === undefined ? e : { ...e, step }); };
  // The plan is announced when it changes, not when a finished step simply came off its front.
  let expected = '';
  modelEvents();

  const noEffect = new NoEffectWatch();
  const reflexRepeats = new ReflexRepeats();
  let obs = look();
  for (;;) {
    if (goalMet(goal, obs)) { reason = 'done'; break; }
    if (opts.signal.aborted) { reason = 'aborted'; break; }
    if (stepNo() >= limits.maxSteps) { reason = 'max_steps'; break; }
    if (gameSeconds() > limits.maxGameSeconds) { reason = 'game_time'; break; }
    if (consecutive >= limits.maxConsecutiveFailures) { reason = 'failures'; break; }
    // A reflex called for between steps (hungry, attacked while planning) runs before the next plan.
    const between = await reflexes?.runPending(opts.signal);
    if (between) { recordReflex(between); obs = look(); continue; }

    if (opts.pause) {
      await opts.pause(opts.signal);
      obs = look();
      if (goalMet(goal, obs)) { reason = 'done'; break; }
    }

    const t0 = performance.now();
    const verdict = await opts.planner.decide({ goal, observation: obs, history, signal: opts.signal });
    const planMs = performance.now() - t0;
    modelEvents(stepNo() + 1);
    if (verdict.kind === 'done') {
      obs = look();
      if (goalMet(goal, obs)) { reason = 'done'; break; }
      reason = 'unplannable';
      detail = 'the planner saw nothing left to do but the goal is not met';
      break;
    }
    if (verdict.kind === 'unplannable') { reason = 'unplannable'; detail = verdict.reason; break; }
    const decision = verdict.decision;
    const plan = verdict.plan ?? [decision];
    if (JSON.stringify(plan) !== expected) emit({ event: 'plan', plan });
    expected = JSON.stringify(plan.slice(1));
    if (opts.beforeSkill) await opts.beforeSkill({ step: stepNo() + 1, decision, plan: verdict.plan ?? [decision], history, signal: opts.signal });
    emit({ event: 'step_start', step: stepNo() + 1, decision });
    const skill = opts.skills.get(decision.skill);
    const armed = reflexes?.arm(opts.signal);
    const ran: SkillOutcome = skill
      ? await runSkill(skill, decision.args, { bot, log, knowledge: opts.knowledge, signal: armed?.signal ?? opts.signal })
      : { ok: false, skill: decision.skill, args: decision.args, elapsedMs: 0, code: 'BAD_ARGS', message: `unknown skill ${decision.skill}` };
    armed?.disarm();
    // A step a reflex cut short says nothing about the skill: the reflex runs, then the loop re-plans.
    const reflex = armed?.byReflex() ? await reflexes?.runPending(opts.signal) : undefined;
    const before = obs;
    obs = look();
    // A cut that keeps coming back for the same call is a failure after all (src/agent/reflexRepeats.ts).
    const cuts = reflexRepeats.judge(decision, reflex != null && !ran.ok ? reflex.kind : undefined, obs);
    const cut = reflex != null && !ran.ok && !ReflexRepeats.fails(cuts);
    const repeated = ReflexRepeats.fails(cuts) && !ran.ok ? { ...ran, message: `${ran.message} (${cuts} times in a row with nothing gained: counted as a failure)` } : ran;
    const { outcome, unchanged } = cut || cuts > 0 ? { outcome: repeated, unchanged: 0 } : noEffect.judge(decision, before, obs, ran);
    skillCounts[decision.skill] = (skillCounts[decision.skill] ?? 0) + 1;
    if (cut) interrupted++;
    else history.push({ decision, ok: outcome.ok, ...(outcome.ok ? (unchanged > 0 ? { unchanged: true } : {}) : { code: outcome.code, message: outcome.message }) });
    if (reflex) recordReflex(reflex, decision);
    if (outcome.ok) consecutive = 0;
    else if (!cut) { failures++; consecutive++; }
    emit({
      event: 'step', step: stepNo(), decision, outcome, ...(verdict.plan ? { plan: verdict.plan } : {}), ...(reflex ? { reflex } : {}),
      ...(unchanged > 0 ? { unchanged } : {}), planMs: Math.round(planMs * 100) / 100,
      observation: digest(obs), gameSeconds: gameSeconds(), progress: goalProgress(goal, obs),
    });
    log.debug({ step: stepNo(), skill: decision.skill, ok: outcome.ok }, 'step');
  }
  if (opts.signal.aborted && reason !== 'done') reason = 'aborted';

  const success = reason === 'done';
  // A failure counts as recovered when a later step succeeded.
  const lastOk = history.map((h) => h.ok).lastIndexOf(true);
  const failuresRecovered = history.filter((h, i) => !h.ok && i < lastOk).length;
  const summary: RunSummary = {
    goal: describeGoal(goal), success, reason, ...(detail ? { detail } : {}), steps: stepNo(), failures,
    failuresRecovered, wallSeconds: round1((performance.now() - started) / 1000), gameSeconds: round1(gameSeconds()),
    skills: skillCounts, reflexes: reflexCount, ...(opts.model ? { model: opts.model.summary() } : {}), ...(opts.traceDir ? { traceDir: opts.traceDir } : {}),
  };
  emit({ event: 'end', summary });
  return summary;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
