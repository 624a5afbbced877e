// Runs of the chat-model planner against the scripted Chat Completions server (src/llm/scriptedServer.ts),
// whose decisions come from the graph planner in process (src/llm/oracle.ts) unless a test scripts faults.
import type { Bot } from 'mineflayer';
import type { Logger } from 'pino';
import { createSkillRegistry } from '../../skills/index.ts';
import type { RunSummary, StopLimits } from '../../src/agent/loop.ts';
import { runTask } from '../../src/agent/run.ts';
import { observe } from '../../src/bot/observe.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { createChatClient, type ChatClientOptions } from '../../src/llm/client.ts';
import { graphOracle } from '../../src/testing/oracle.ts';
import { startScriptedServer, type ScriptedReply, type ScriptedRequest, type ScriptedServer, type ScriptedServerOptions } from '../../src/testing/scriptedServer.ts';
import { ModelUsage, type ModelEvent, type ModelLimits } from '../../src/llm/usage.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import { createLlmPlanner } from '../../src/planner/llm/index.ts';
import type { Goal } from '../../src/tasks/goal/goal.ts';

export const kb = createKnowledge('1.20.1');
export const skills = createSkillRegistry();
export const graph = createGraphPlanner({ skills, knowledge: kb });

/** Decides what the scripted server answers; `oracle()` is the graph planner's next step as an answer. */
export type Answerer = (req: ScriptedRequest, oracle: () => ScriptedReply) => ScriptedReply | Promise<ScriptedReply>;

export interface ModelRunOptions {
  bot: Bot;
  goal: Goal;
  answer?: Answerer;
  server?: Omit<ScriptedServerOptions, 'script'>;
  /** A base URL to use instead of the scripted server's (a closed port). */
  baseUrl?: string;
  client?: Partial<ChatClientOptions>;
  limits?: Partial<ModelLimits>;
  mode?: 'llm' | 'hybrid';
  /** Writes the run's trace under a new folder in here. */
  traceRoot?: string;
  log?: Logger;
  stop?: Partial<StopLimits>;
  timeoutMs?: number;
}

export interface ModelRun {
  summary: RunSummary;
  traceDir?: string;
  /** Every request the scripted server received. */
  requests: ScriptedRequest[];
  events: ModelEvent[];
  usage: ModelUsage;
}

export async function runWithModel(o: ModelRunOptions): Promise<ModelRun> {
  const oracle = graphOracle({ graph, goal: () => o.goal, observe: () => observe(o.bot), option: o.mode === 'hybrid' });
  const answer = o.answer ?? ((_req, next) => next());
  const server: ScriptedServer = await startScriptedServer({ ...o.server, script: (req) => answer(req, oracle) });
  const events: ModelEvent[] = [];
  const usage = new ModelUsage({ maxCalls: 100, maxTokens: 1_000_000, ...o.limits }, (e) => events.push(e));
  const log = o.log ?? silentLogger();
  try {
    const client = createChatClient({ baseUrl: o.baseUrl ?? server.baseUrl, model: 'scripted', timeoutMs: 5000, backoffMs: 100, log, ...o.client });
    const planner = createLlmPlanner({ client, usage, skills, knowledge: kb, graph, mode: o.mode ?? 'llm', log });
    const { summary, traceDir } = await runTask({ bot: o.bot }, o.goal, {
      planner, skills, knowledge: kb, log, signal: AbortSignal.timeout(o.timeoutMs ?? 90_000),
      model: usage, limits: { maxSteps: 30, ...o.stop }, ...(o.traceRoot ? { traceRoot: o.traceRoot } : {}),
    });
    return { summary, requests: server.requests, events, usage, ...(traceDir ? { traceDir } : {}) };
  } finally {
    await server.stop();
  }
}

export function eventsOf<K extends ModelEvent['event']>(events: readonly ModelEvent[], kind: K): Extract<ModelEvent, { event: K }>[] {
  return events.filter((e): e is Extract<ModelEvent, { event: K }> => e.event === kind);
}

/** The text of a request's last user message (the rejection reason after a bad answer). */
export function lastUser(req: ScriptedRequest | undefined): string {
  return [...(req?.messages ?? [])].reverse().find((m) => m.role === 'user')?.content ?? '';
}
