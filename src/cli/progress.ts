import type { Decision } from '../planner/types.ts';
import type { RunSummary, StepReport } from '../agent/loop.ts';

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
