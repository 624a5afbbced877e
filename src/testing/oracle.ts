import type { Observation } from '../bot/observation.ts';
import type { GraphPlanner } from '../planner/graph/planner.ts';
import type { Goal } from '../tasks/goal/goal.ts';
import type { ScriptedReply } from './scriptedServer.ts';

export interface OracleOptions {
  graph: GraphPlanner;
  goal: () => Goal;
  /** The bot's observation now (the planner saw the same one a moment ago). */
  observe: () => Observation;
  /** Answer hybrid prompts with `{"option":1}` instead of the decision itself. */
  option?: boolean;
}

/**
 * A scripted model that answers decisions with the graph planner's next step, computed in process from
 * the live observation: a stand-in that plays well, for tests and the prompt benchmark (what they
 * measure is the protocol, the validation and the prompt, not the model).
 */
export function graphOracle(opts: OracleOptions): () => ScriptedReply {
  return () => {
    const verdict = opts.graph.plan(opts.goal(), opts.observe());
    if (verdict.kind !== 'next') return { content: `I cannot pick a step: ${verdict.kind === 'unplannable' ? verdict.reason : 'the task is done'}` };
    if (opts.option) return { json: { option: 1, reason: 'the plan' } };
    const { skill, args, reason } = verdict.decision;
    return { json: { skill, args, reason: reason ?? 'next step of the plan' } };
  };
}
