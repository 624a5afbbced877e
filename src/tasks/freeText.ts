import type { Logger } from 'pino';
import type { Knowledge } from '../knowledge/kb.ts';
import type { ChatClient, ChatMessage } from '../llm/client.ts';
import { ModelError } from '../llm/errors.ts';
import { extractJson } from '../llm/extract.ts';
import type { OutputSchema } from '../llm/transport.ts';
import type { ModelUsage } from '../llm/usage.ts';
import { silentLogger } from '../log/logger.ts';
import { renderPrompt } from '../prompts/render.ts';
import { goalSchema, type Goal } from './goal/goal.ts';
import { MAX_COUNT } from './parse.ts';
import { closest } from './suggest.ts';

/** A goal the agent can check: items held, or a block placed nearby. */
export type StructuredGoal = Extract<Goal, { kind: 'item' | 'placed' }>;

export interface FreeTextOptions {
  client: ChatClient;
  usage: ModelUsage;
  knowledge: Knowledge;
  signal: AbortSignal;
  /** Times a rejected goal is sent back with the reason (default 2). */
  maxAnswerRetries?: number;
  log?: Logger;
}

const OUTPUT: OutputSchema = {
  name: 'goal',
  description: 'The goal the request asks for',
  schema: {
    type: 'object',
    properties: {
      kind: { type: 'string', enum: ['item', 'placed'] },
      items: { type: 'array', items: { type: 'string' } },
      count: { type: 'integer', minimum: 1 },
      block: { type: 'string' },
      label: { type: 'string' },
    },
    required: ['kind'],
  },
};
const SHAPE = '{"kind":"item","items":[...],"count":N,"label":"..."} or {"kind":"placed","block":"...","label":"..."}';

/**
 * Turns a request such as "I need somewhere to store my things" into a goal through the model: the
 * answer must fit the Goal schema and name real items and blocks of this version, or it is sent back
 * with the reason (unknown names come with the closest real ones) a bounded number of times.
 */
export async function goalFromText(text: string, opts: FreeTextOptions): Promise<StructuredGoal> {
  const log = opts.log ?? silentLogger();
  const messages: ChatMessage[] = [
    { role: 'user', content: renderPrompt('goal', { request: JSON.stringify(text.trim()), version: opts.knowledge.version }) },
  ];
  const maxRetries = opts.maxAnswerRetries ?? 2;
  for (let round = 0; ; round++) {
    const answer = await opts.client.ask({ purpose: 'goal', messages, output: OUTPUT, signal: opts.signal }, opts.usage);
    const checked = readGoal(answer.text, opts.knowledge);
    if (checked.ok) {
      opts.usage.record({ event: 'model_goal', text, goal: checked.goal });
      return checked.goal;
    }
    const retry = round < maxRetries;
    opts.usage.record({ event: 'model_reject', purpose: 'goal', reason: checked.reason, answer: answer.text.slice(0, 400), retry });
    log.info({ reason: checked.reason, retry }, 'goal answer rejected');
    if (!retry) throw new ModelError('MODEL_BAD_ANSWER', `the model gave no usable goal for "${text.trim()}" in ${round + 1} answers (last: ${checked.reason})`);
    messages.push({ role: 'assistant', content: answer.text }, { role: 'user', content: renderPrompt('retry', { reason: checked.reason, answer: SHAPE }) });
  }
}

export type GoalCheck = { ok: true; goal: StructuredGoal } | { ok: false; reason: string };

/** Validates a goal answer against the schema and the knowledge base's names. */
export function readGoal(text: string, kb: Knowledge): GoalCheck {
  const extracted = extractJson(text);
  if (!extracted.ok) return { ok: false, reason: `not a JSON object (${extracted.reason})` };
  const raw = extracted.value as Record<string, unknown>;
  const candidate = raw.kind === 'item' && raw.count === undefined ? { ...raw, count: 1 } : raw;
  const parsed = goalSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, reason: `does not fit ${SHAPE}: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ')}` };
  const goal = parsed.data;
  if (goal.kind === 'text' || goal.kind === 'items') return { ok: false, reason: 'kind must be "item" or "placed"' };
  if (goal.kind === 'placed') {
    const block = bare(goal.block);
    if (!kb.isBlock(block)) return { ok: false, reason: unknown(block, 'block', kb.registry.blocksArray.map((b) => b.name)) };
    return { ok: true, goal: { kind: 'placed', block, ...(goal.label ? { label: goal.label } : {}) } };
  }
  if (goal.count > MAX_COUNT) return { ok: false, reason: `count must be at most ${MAX_COUNT}` };
  const items = [...new Set(goal.items.map(bare))];
  const bad = items.find((i) => !kb.isItem(i));
  if (bad) return { ok: false, reason: unknown(bad, 'item', kb.registry.itemsArray.map((i) => i.name)) };
  return { ok: true, goal: { kind: 'item', items, count: goal.count, ...(goal.label ? { label: goal.label } : {}) } };
}

function bare(name: string): string {
  return name.trim().toLowerCase().replace(/^minecraft:/, '').replace(/\s+/g, '_');
}

function unknown(name: string, what: string, names: string[]): string {
  const near = closest(name, names, 3);
  // No spelling neighbour ("storage_chest"): ids sharing one of its words (chest, ender_chest, ...).
  if (near.length === 0) {
    const words = new Set(name.split('_').filter((w) => w.length > 2));
    near.push(...names.filter((n) => n.split('_').some((w) => words.has(w))).sort((a, b) => a.length - b.length || a.localeCompare(b)).slice(0, 4));
  }
  return `"${name}" is not a Minecraft ${what} id${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`;
}
