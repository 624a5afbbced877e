// The chat-model planner (llm) and the hybrid of it with the graph planner.
export { createLlmPlanner, LlmPlanner, type LlmPlannerOptions } from './planner.ts';
export { checkDecision, type Checked } from './check.ts';
export { renderCatalogue } from './catalogue.ts';
