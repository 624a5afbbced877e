// The offline planner: Plan4MC-style backward search over the skill graph.
export { createGraphPlanner, GraphPlanner, isDone, type GraphPlannerOptions, type PlanEstimate } from './planner.ts';
