import { describe, expect, it } from 'vitest';
import { runPlan4mcTask } from '../../src/bench/plan4mc/runOne.ts';
import { createLogger } from '../../src/log/logger.ts';
import { PLAN4MC_TASKS } from '../../src/tasks/plan4mc.ts';

const log = createLogger({ level: 'warn', format: 'json' });

describe('bench plan4mc: one task', () => {
  it('runs a task from its initial inventory, and the same seed reproduces the world and the plan', async () => {
    const task = PLAN4MC_TASKS.find((t) => t.name === 'craft_wooden_axe')!;
    const first = await runPlan4mcTask(task, 4, { planner: 'graph', log });
    const second = await runPlan4mcTask(task, 4, { planner: 'graph', log });
    expect(first.success, first.detail).toBe(true);
    expect(first.plan.length).toBeGreaterThan(2);
    expect(first.lowerBound).toBeGreaterThan(0);
    expect(first.ratio).toBeGreaterThanOrEqual(1);
    expect(second.plan).toEqual(first.plan);
  }, 120_000);
});
