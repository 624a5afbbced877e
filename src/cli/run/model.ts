import type { Config } from '../../config/index.ts';
import type { Knowledge } from '../../knowledge/kb.ts';
import { createChatClient, type ChatClient } from '../../llm/client.ts';
import { ModelError } from '../../llm/errors.ts';
import { DEFAULT_LIMITS, ModelUsage } from '../../llm/usage.ts';
import type { GraphPlanner } from '../../planner/graph/planner.ts';
import { createLlmPlanner } from '../../planner/llm/index.ts';
import type { Planner } from '../../planner/types.ts';
import type { SkillRegistry } from '../../skills/define.ts';
import { goalFromText, type StructuredGoal } from '../../tasks/freeText.ts';
import type { CommandContext } from '../context.ts';
import type { UntrustedText } from '../../bot/chatLog.ts';
import { CliInputError } from '../errors.ts';

export const PLANNERS = ['graph', 'llm', 'hybrid'] as const;
export type PlannerName = (typeof PLANNERS)[number];
export const OPENAI_URL = 'https://api.openai.com/v1';

export interface ModelSetup {
  client: ChatClient;
  usage: ModelUsage;
}

/** The chat model of the config, or one line saying what is missing (exit 2). */
export function modelSetup(ctx: CommandContext, planner: PlannerName): ModelSetup {
  const m: Config['model'] = ctx.config.model;
  if (!m.model) {
    throw new CliInputError(`--planner ${planner} needs a chat model: give --model NAME (or SKILLCRAFT_MODEL) and --base-url URL (or OPENAI_BASE_URL)`);
  }
  // Without a URL the key says which service is meant; a local server has to be named.
  const baseUrl = m.baseUrl ?? (m.apiKey ? OPENAI_URL : undefined);
  if (!baseUrl) throw new CliInputError(`--planner ${planner} needs the model's endpoint: give --base-url URL (or OPENAI_BASE_URL), e.g. http://127.0.0.1:11434/v1 for Ollama`);
  const client = createChatClient({
    baseUrl, model: m.model, temperature: m.temperature, timeoutMs: m.timeoutMs, log: ctx.logger.child({ component: 'model' }),
    ...(m.apiKey ? { apiKey: m.apiKey } : {}),
  });
  const limits = { maxCalls: m.maxCalls ?? DEFAULT_LIMITS.maxCalls, maxTokens: m.maxTokens ?? DEFAULT_LIMITS.maxTokens };
  ctx.log.debug({ baseUrl, model: m.model, ...limits }, 'chat model');
  // Its events reach the run's stream (src/agent/events.ts) through the loop, which drains them after each decision.
  return { client, usage: new ModelUsage(limits) };
}

/** Free text → a goal through the model; a dead endpoint is one line (exit 2), a useless answer exit 1. */
export async function goalThroughModel(ctx: CommandContext, text: string, setup: ModelSetup, kb: Knowledge): Promise<StructuredGoal> {
  try {
    return await goalFromText(text, { client: setup.client, usage: setup.usage, knowledge: kb, signal: ctx.signal, log: ctx.logger.child({ component: 'model' }) });
  } catch (err) {
    if (err instanceof ModelError && err.transport) throw new CliInputError(`model: ${err.message}`, { cause: err });
    if (err instanceof ModelError) throw new Error(`model: ${err.message}`, { cause: err });
    throw err;
  }
}

export function modelPlanner(name: 'llm' | 'hybrid', setup: ModelSetup, graph: GraphPlanner, skills: SkillRegistry, kb: Knowledge, ctx: CommandContext, chat?: () => readonly UntrustedText[], team?: () => string): Planner {
  return createLlmPlanner({ client: setup.client, usage: setup.usage, skills, knowledge: kb, graph, mode: name, log: ctx.logger.child({ component: 'planner' }), ...(chat ? { chat } : {}), ...(team ? { team } : {}) });
}
