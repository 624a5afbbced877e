import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPlan4mcTask } from '../../src/bench/plan4mc/runOne.ts';
import { createLogger } from '../../src/log/logger.ts';
import { PLAN4MC_TASKS } from '../../src/tasks/plan4mc.ts';

const log = createLogger({ level: 'warn', format: 'json' });

describe('bench plan4mc: one task', () => {
  it('runs a task from its initial inventory, and the same seed reproduces the world and the plan', async () => {
    const task = PLAN4MC_TASKS.find((t) => t.name === 'craft_wooden_axe')!;
    const world = { preset: 'extreme_hills' as const, seed: 4 };
    const traceRoot = mkdtempSync(join(tmpdir(), 'p4one-'));
    const first = await runPlan4mcTask(task, world, { planner: 'graph', log, traceRoot });
    const second = await runPlan4mcTask(task, world, { planner: 'graph', log, traceRoot });
    expect(first.success, first.detail).toBe(true);
    expect(first.plan.length).toBeGreaterThan(2);
    expect(first.lowerBound).toBeGreaterThan(0);
    expect(first.ratio).toBeGreaterThanOrEqual(1);
    expect(second.plan).toEqual(first.plan);
    expect(first).toMatchObject({ preset: 'extreme_hills', seed: 4, noChangeMax: 0 });
    expect(existsSync(first.trace!)).toBe(true);
    rmSync(traceRoot, { recursive: true, force: true });
  }, 120_000);
});
