import pino, { type DestinationStream, type Level, type Logger } from 'pino';
import type { RunSummary, StepReport } from '../agent/loop.ts';
import { REDACT_PATHS } from '../log/logger.ts';
import type { Decision } from '../planner/types.ts';
import type { DashboardEvent, LogLine, ModelTotals, RunEnd } from './types.ts';

type Publish = (event: DashboardEvent) => void;

/** The agent loop's callbacks, plus the task start and end that the caller of runAgent sees. */
export interface RunWatcher {
  onTask(text: string, goal: string): void;
  onPlan(plan: Decision[]): void;
  onSkillStart(step: number, decision: Decision): void;
  onStep(report: StepReport): void;
  onEnd(summary: RunSummary): void;
  /** A chat-model planner's usage events (`model_call` carries the tokens). */
  onModelEvent(event: { event: string; promptTokens?: number; completionTokens?: number }): void;
}

/** Connects a run to the dashboard: pass the callbacks to runAgent. */
export function watchRun(dashboard: { publish: Publish }): RunWatcher {
  const { publish } = dashboard;
  let model: ModelTotals | undefined;
  return {
    onTask: (text, goal) => {
      model = undefined;
      publish({ type: 'task', text, goal });
    },
    onPlan: (plan) => publish({ type: 'plan', plan }),
    onSkillStart: (step, decision) => publish({ type: 'skillStart', step, decision }),
    onStep: (r) => publish({
      type: 'step', step: r.step, decision: r.decision, ok: r.outcome.ok, elapsedMs: r.outcome.elapsedMs,
      ...(r.outcome.ok ? {} : { message: `${r.outcome.code}: ${r.outcome.message}` }),
    }),
    onEnd: (s) => publish({ type: 'end', summary: runEnd(s) }),
    onModelEvent: (e) => {
      if (e.event !== 'model_call') return;
      model = {
        calls: (model?.calls ?? 0) + 1,
        promptTokens: (model?.promptTokens ?? 0) + (e.promptTokens ?? 0),
        completionTokens: (model?.completionTokens ?? 0) + (e.completionTokens ?? 0),
      };
      publish({ type: 'model', totals: model });
    },
  };
}

/** What the page shows of a run's end. */
export function runEnd(s: RunSummary): RunEnd {
  return {
    goal: s.goal, success: s.success, reason: s.reason, steps: s.steps, failures: s.failures, failuresRecovered: s.failuresRecovered,
    wallSeconds: s.wallSeconds, ...(s.detail ? { detail: s.detail } : {}),
  };
}

const LEVEL_NAMES: Readonly<Record<number, string>> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
const MAX_MSG = 300;

/**
 * A pino destination that turns each record into a dashboard log line: time, level, component, the
 * team member (`who`) and message (with the error's message) only. Other fields stay out of the page
 * whatever they hold.
 */
export function dashboardLogStream(publish: Publish): DestinationStream {
  return {
    write(line: string) {
      let rec: { time?: unknown; level?: unknown; msg?: unknown; component?: unknown; who?: unknown; err?: { message?: unknown } };
      try {
        rec = JSON.parse(line) as typeof rec;
      } catch (err) {
        // Only pino writes here, one JSON record a line; anything else is a bug worth seeing.
        rec = { level: 50, msg: `unreadable log record: ${(err as Error).message}` };
      }
      const err = typeof rec.err?.message === 'string' ? `: ${rec.err.message}` : '';
      const msg = `${typeof rec.msg === 'string' ? rec.msg : ''}${err}`;
      const out: LogLine = {
        time: typeof rec.time === 'number' ? rec.time : Date.now(),
        level: LEVEL_NAMES[typeof rec.level === 'number' ? rec.level : 30] ?? 'info',
        msg: msg.length > MAX_MSG ? `${msg.slice(0, MAX_MSG - 1)}…` : msg,
        ...(typeof rec.component === 'string' ? { component: rec.component } : {}),
        // A team member's logger carries its name (a Minecraft user name: short, no markup needed).
        ...(typeof rec.who === 'string' && rec.who.length <= 32 ? { who: rec.who } : {}),
      };
      publish({ type: 'log', line: out });
    },
  };
}

/**
 * A logger that writes where `base` writes (at base's level) and also to `sink` (at `sinkLevel`),
 * with the same redaction: hand it to the bot and the agent so the dashboard shows their lines.
 */
export function teeLogger(base: Logger, sink: DestinationStream, sinkLevel: Level = 'debug'): Logger {
  // pino exports its symbols for this: the stream the base logger was built with.
  const original = (base as unknown as Record<symbol, DestinationStream | undefined>)[pino.symbols.streamSym];
  const streams: pino.StreamEntry[] = [{ stream: sink, level: sinkLevel }];
  if (original && base.level !== 'silent') streams.push({ stream: original, level: base.level as Level });
  const levels = streams.map((s) => pino.levels.values[s.level ?? 'info'] ?? 30);
  const level = pino.levels.labels[Math.min(...levels)] ?? 'info';
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: undefined }, pino.multistream(streams));
}
