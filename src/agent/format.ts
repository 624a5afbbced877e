import { countsLine, type BuildView } from '../build/survey.ts';
import type { ModelEvent } from '../llm/usage.ts';
import type { Decision } from '../planner/types.ts';
import type { RunListener } from './events.ts';
import type { RunSummary, StepReport } from './loop.ts';
import { resilienceLine } from './resilience/summary.ts';

function argsText(args: Record<string, unknown>): string {
  const parts = Object.entries(args).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return parts.join(' ');
}

export function formatDecision(d: Decision): string {
  return `${d.skill}(${argsText(d.args)})`;
}

/** One terminal line per step: number, skill, outcome, elapsed time. */
export function formatStep(r: StepReport): string {
  const secs = `${(r.outcome.elapsedMs / 1000).toFixed(1)} s`;
  const status = r.outcome.ok ? 'ok' : `${r.outcome.code}: ${r.outcome.message}`;
  return `step ${String(r.step).padStart(2)}  ${formatDecision(r.decision).padEnd(44)} ${secs.padStart(7)}  ${status}`;
}

export function formatPlan(plan: Decision[]): string {
  return `plan: ${plan.map(formatDecision).join(' → ')}`;
}

export function formatSummary(s: RunSummary): string {
  const head = s.success ? `done: ${s.goal}` : `not done: ${s.goal} (${s.reason}${s.detail ? `: ${s.detail}` : ''})`;
  const model = s.model ? `; ${s.model.calls} model calls, ${s.model.promptTokens + s.model.completionTokens} tokens (${s.model.promptTokens} prompt), ${s.model.retries} retries, ${s.model.fallbacks} fallbacks` : '';
  return `${head} — ${s.steps} steps, ${s.failures} failed (${s.failuresRecovered} recovered), ${s.wallSeconds} s wall, ${s.gameSeconds} s game${model}${s.traceDir ? `, trace ${s.traceDir}` : ''}`;
}

/** A line for the terminal when the model's help changes course (fallbacks, format step-downs). */
export function modelEventLine(e: ModelEvent): string | undefined {
  if (e.event === 'model_fallback') return `model: ${e.reason} → ${e.decision ? `graph planner's step ${e.decision.skill}` : 'no step'}`;
  if (e.event === 'model_stepdown') return `model: the server does not take ${e.from} answers; asking for ${e.to} from now on`;
  return undefined;
}

/** "12 / 40 placed, wrong: 0", as the build's survey says it. */
export function buildLine(e: BuildView): string {
  return countsLine(e.placed, e.total, e.wrong, e.cells.filter((c) => c.state === 'unknown').length);
}

/** The terminal's view of a run: the plan when it changes, a line per step, reconnects, deaths, model fallbacks. */
export function terminalSink(out: (line: string) => void): RunListener {
  let building = '';
  return (e) => {
    switch (e.event) {
      case 'build': {
        // Surveyed every few seconds: a line when the count changes.
        const line = buildLine(e);
        if (line !== building) out(`build: ${line}`);
        building = line;
        return;
      }
      case 'plan': out(formatPlan(e.plan)); return;
      case 'step': out(formatStep(e)); return;
      case 'model_fallback':
      case 'model_stepdown': {
        const line = modelEventLine(e);
        if (line) out(line);
        return;
      }
      case 'disconnected': case 'reconnect_attempt': case 'reconnected': case 'gave_up': case 'died': case 'respawned':
      case 'recover_drops': case 'stuck_recovery': case 'inventory_full': {
        const line = resilienceLine(e);
        if (line) out(line);
        return;
      }
      default:
    }
  };
}
