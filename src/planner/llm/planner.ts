import type { Logger } from 'pino';
import type { Observation } from '../../bot/observation.ts';
import type { Knowledge } from '../../knowledge/kb.ts';
import type { ChatClient, ChatMessage } from '../../llm/client.ts';
import { ModelError } from '../../llm/errors.ts';
import type { ModelUsage } from '../../llm/usage.ts';
import { silentLogger } from '../../log/logger.ts';
import type { SkillRegistry } from '../../skills/define.ts';
import type { Goal } from '../../tasks/goal/goal.ts';
import type { GraphPlanner } from '../graph/planner.ts';
import type { Decision, Planner, PlannerInput, PlannerVerdict } from '../types.ts';
import { renderCatalogue } from './catalogue.ts';
import { checkDecision, type Checked } from './check.ts';
import { decisionOutput, parseAnswer } from './decision.ts';
import { decideMessages, PROMPT_BUDGET, retryMessage } from './prompt.ts';
import { promptTokens } from '../../llm/tokens.ts';
import type { UntrustedText } from '../../bot/chatLog.ts';

export interface LlmPlannerOptions {
  client: ChatClient;
  /** This task's caps and record (see src/llm/usage.ts). */
  usage: ModelUsage;
  skills: SkillRegistry;
  knowledge: Knowledge;
  /** Falls back to it, and in hybrid mode offers its plan and checks the model's choice. */
  graph: GraphPlanner;
  /** llm: the model picks from the catalogue; hybrid: it picks among the graph planner's feasible steps (default llm). */
  mode?: 'llm' | 'hybrid';
  /** Times a rejected answer is sent back before the graph planner's step is taken (default 2). */
  maxAnswerRetries?: number;
  /** Decisions in a row the endpoint could not be reached, after which it is no longer asked (default 2). */
  maxTransportFailures?: number;
  /** Hybrid: how many of the plan's steps are offered (default 4). */
  maxOptions?: number;
  historyLimit?: number;
  /** Prompt tokens a decision may take (default PROMPT_BUDGET): past it the state is shown more briefly. */
  promptBudget?: number;
  /** Other players' recent chat, shown to the model as quoted, labelled data (never as instructions). */
  chat?: () => readonly UntrustedText[];
  /** A team run's state for this member (src/team/state.ts): shown as a few lines before the observation. */
  team?: () => string;
  log?: Logger;
}

/**
 * The chat-model planner: one small call per decision, every answer validated (JSON, skill, arguments,
 * preconditions), a rejected answer sent back with the reason a bounded number of times, and the
 * graph planner's next step taken when the model gives nothing usable, recorded as a fallback.
 */
export class LlmPlanner implements Planner {
  readonly name: 'llm' | 'hybrid';
  private readonly catalogue: string;
  private readonly log: Logger;
  private transportFailures = 0;
  /** Set once the endpoint is given up on (unreachable, or the budget spent): the graph decides from then on. */
  private disabled: ModelError | undefined;

  constructor(private readonly opts: LlmPlannerOptions) {
    this.name = opts.mode ?? 'llm';
    this.catalogue = renderCatalogue(opts.skills.list());
    this.log = opts.log ?? silentLogger();
  }

  async decide(input: PlannerInput): Promise<PlannerVerdict> {
    const { goal, observation: obs, history, signal } = input;
    const graph = goal.kind === 'text' ? undefined : this.opts.graph.plan(goal, obs, history);
    if (graph?.kind === 'done') return graph;
    if (this.disabled) return this.fallback(graph, this.disabled);
    const hybrid = this.name === 'hybrid';
    const options = hybrid && graph?.kind === 'next' ? this.options(graph, obs) : [];
    const output = decisionOutput(this.opts.skills.names(), hybrid);
    // Counted as the default response format sends it (src/llm/transport.ts); a tool call's wrapping is as long.
    const schema = JSON.stringify({ type: 'json_schema', json_schema: { ...output, strict: false } });
    const messages: ChatMessage[] = decideMessages({
      goal, observation: obs, history, catalogue: this.catalogue, options, hybrid, ...(this.opts.historyLimit ? { historyLimit: this.opts.historyLimit } : {}),
      ...(this.opts.chat ? { chat: this.opts.chat() } : {}), ...(this.opts.team ? { team: this.opts.team() } : {}),
    }, { budget: this.opts.promptBudget ?? PROMPT_BUDGET, size: (m) => promptTokens(m, schema) });
    const maxRetries = this.opts.maxAnswerRetries ?? 2;
    for (let round = 0; ; round++) {
      let text: string;
      try {
        text = (await this.opts.client.ask({ purpose: 'decide', messages, output, signal }, this.opts.usage)).text;
      } catch (err) {
        if (signal.aborted) return { kind: 'unplannable', reason: 'the run was stopped' };
        if (!(err instanceof ModelError)) throw err;
        if (err.code !== 'MODEL_BAD_ANSWER') return this.failed(graph, err);
        text = '';
      }
      this.transportFailures = 0;
      const checked = text ? this.interpret(text, goal, obs, options, graph) : { ok: false as const, reason: 'the server sent an unreadable answer' };
      if (checked.ok) return { kind: 'next', decision: checked.decision, ...(checked.plan ? { plan: checked.plan } : {}) };
      const retry = round < maxRetries;
      this.opts.usage.record({ event: 'model_reject', purpose: 'decide', reason: checked.reason, answer: text.slice(0, 400), retry });
      this.log.info({ reason: checked.reason, retry }, 'model answer rejected');
      if (!retry) return this.fallback(graph, new ModelError('MODEL_BAD_ANSWER', `no valid decision in ${round + 1} answers (last: ${checked.reason})`));
      messages.push({ role: 'assistant', content: text }, retryMessage(checked.reason, hybrid));
    }
  }

  /** A transport or budget error: fall back now, and stop asking when it looks permanent. */
  private failed(graph: PlannerVerdict | undefined, err: ModelError): PlannerVerdict {
    if (err.code === 'MODEL_BUDGET') this.disabled = err;
    else if (err.transport && ++this.transportFailures >= (this.opts.maxTransportFailures ?? 2)) {
      this.disabled = new ModelError(err.code, `${err.message}; the model is not asked again in this task`, err.details);
    }
    return this.fallback(graph, err);
  }

  private fallback(graph: PlannerVerdict | undefined, err: ModelError): PlannerVerdict {
    if (graph?.kind === 'next') {
      const { skill, args } = graph.decision;
      this.opts.usage.record({ event: 'model_fallback', reason: err.message, code: err.code, decision: { skill, args } });
      this.log.info({ code: err.code, skill }, `model gave no decision; graph planner's step taken: ${err.message}`);
      return { kind: 'next', decision: { ...graph.decision, reason: `graph fallback (${err.code}): ${graph.decision.reason ?? ''}`.trim() }, ...(graph.plan ? { plan: graph.plan } : {}) };
    }
    this.opts.usage.record({ event: 'model_fallback', reason: err.message, code: err.code });
    const why = graph?.kind === 'unplannable' ? `; the graph planner cannot plan it either: ${graph.reason}` : '';
    return { kind: 'unplannable', reason: `the chat model gave no decision (${err.message})${why}` };
  }

  private interpret(text: string, goal: Goal, obs: Observation, options: readonly Decision[], graph: PlannerVerdict | undefined): Checked & { plan?: Decision[] } {
    const parsed = parseAnswer(text, this.name === 'hybrid');
    if (!parsed.ok) return parsed;
    if (parsed.answer.kind === 'option') {
      const chosen = options[parsed.answer.option - 1];
      if (!chosen) return { ok: false, reason: options.length ? `option ${parsed.answer.option} is not in the list (1-${options.length})` : 'there are no options this turn: pick a skill' };
      const reason = parsed.answer.reason ?? chosen.reason;
      const plan = parsed.answer.option === 1 && graph?.kind === 'next' ? graph.plan : undefined;
      return { ok: true, decision: { ...chosen, ...(reason ? { reason } : {}) }, ...(plan ? { plan } : {}) };
    }
    const checked = checkDecision(parsed.answer.decision, { skills: this.opts.skills, knowledge: this.opts.knowledge, observation: obs });
    // Hybrid checks the choice against the graph when the graph could plan this goal in the first place.
    if (!checked.ok || this.name !== 'hybrid' || goal.kind === 'text' || graph?.kind !== 'next') return checked;
    return this.stillPlannable(checked.decision, goal, obs);
  }

  /** Hybrid: an off-plan choice is taken when the graph planner can still reach the goal after it. */
  private stillPlannable(decision: Decision, goal: Goal, obs: Observation): Checked {
    let simulated: Observation;
    try {
      simulated = this.opts.graph.simulate(obs, decision);
    } catch (err) {
      // The skill's data cannot be played forward (no effects to apply): nothing to check it against.
      this.log.debug({ err, skill: decision.skill }, 'cannot simulate the model\'s choice; taken unchecked');
      return { ok: true, decision };
    }
    const after = this.opts.graph.plan(goal, simulated);
    if (after.kind === 'unplannable') return { ok: false, reason: `after ${decision.skill} the goal could not be reached: ${after.reason}` };
    return { ok: true, decision };
  }

  /** The plan's first step, then later steps that could already run now. */
  private options(graph: Extract<PlannerVerdict, { kind: 'next' }>, obs: Observation): Decision[] {
    const out: Decision[] = [graph.decision];
    const seen = new Set([JSON.stringify([graph.decision.skill, graph.decision.args])]);
    for (const step of (graph.plan ?? []).slice(1)) {
      if (out.length >= (this.opts.maxOptions ?? 4)) break;
      const key = JSON.stringify([step.skill, step.args]);
      if (seen.has(key)) continue;
      seen.add(key);
      const c = checkDecision({ skill: step.skill, args: step.args }, { skills: this.opts.skills, knowledge: this.opts.knowledge, observation: obs });
      if (c.ok) out.push(step);
    }
    return out;
  }
}

export function createLlmPlanner(opts: LlmPlannerOptions): LlmPlanner {
  return new LlmPlanner(opts);
}
