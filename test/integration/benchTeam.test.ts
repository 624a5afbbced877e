// The CI slice of `bench team`: two split-inventory tasks (a 3-bot and a 2-bot one) on one seed, end to
// end through a worker process as the benchmark runs them, then the figures and the report from the
// results, and the two checks read again from the team traces themselves.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTeamPool } from '../../src/bench/team/pool.ts';
import { allMet, splitOverall } from '../../src/bench/team/report.ts';
import { crashResult, type TeamJob, type TeamRunResult } from '../../src/bench/team/run.ts';
import { selectTasks } from '../../src/bench/team/tasks.ts';
import { writeTeamReport } from '../../src/bench/team/write.ts';
import { dugTwice, handoverBalance, readTeamTrace } from '../../src/team/traceCheck.ts';

const dir = mkdtempSync(join(tmpdir(), 'benchteam-'));
const world = { preset: 'forest' as const, seed: 1735092500 };

describe('bench team (CI slice)', () => {
  it('makes the goal from inventories spread over the team: every ingredient handed over, nothing dug twice or lost', async () => {
    const jobs: TeamJob[] = selectTasks('stone pickaxe,torches').map((task) => ({ kind: 'split', task, world, traceRoot: join(dir, 'runs') }));
    const results: TeamRunResult[] = [];
    await runTeamPool(jobs, 1, (job, reply) => { results.push('result' in reply ? reply.result : crashResult(job, reply.error)); }, AbortSignal.timeout(280_000));
    expect(results.map((r) => r.task)).toEqual(['stone pickaxe', 'torches']);
    for (const r of results) expect(r.success, `${r.task}: ${r.reason} ${r.detail ?? ''}`).toBe(true);
    const [pickaxe, torches] = results as [TeamRunResult, TeamRunResult];
    // One hand-over from each member holding an ingredient: B's cobblestone and C's sticks; B's coal.
    expect(pickaxe).toMatchObject({ bots: 3, handovers: 2, handoversFailed: 0, dugTwice: 0, itemsLost: 0, itemsGained: 0 });
    expect(torches).toMatchObject({ bots: 2, handovers: 1, handoversFailed: 0, dugTwice: 0, itemsLost: 0, itemsGained: 0 });
    expect(pickaxe.methods.drop + pickaxe.methods.chest).toBe(2);
    // The checks again, straight from the traces the runs wrote.
    for (const r of results) {
      const events = await readTeamTrace(r.trace!);
      expect(dugTwice(events), r.task).toEqual([]);
      const balance = handoverBalance(events);
      expect(balance.unbalanced, r.task).toEqual([]);
      expect(balance.count, r.task).toBe(r.handovers);
      expect(events.filter((e) => e.event === 'handover').map((e) => e.event === 'handover' && e.to)).toEqual(Array(r.handovers).fill('bench1'));
      expect(events.at(-1)?.event, r.task).toBe('team_end');
    }
    expect(balance(results[0]!)).toEqual({ cobblestone: 3, stick: 2 });
    expect(splitOverall(results)).toMatchObject({ runs: 2, ok: 2, rate: 1, met: { rate: true, dugTwice: true, itemsLost: true } });
    expect(allMet(results)).toBe(true);
    writeTeamReport(dir, results, { startedAt: new Date().toISOString(), wallSeconds: 1, jobs: 1, repeat: 'split --seed-list forest:1735092500' });
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toMatch(/\| stone pickaxe \| 3 \| 1\/1 \| [\d.]+ \| 2\.0 \| \d \/ \d \| 0 \| 0 \| 0 \|/);
    expect(md).toContain('## Failures and findings\n\nNone.');
  }, 300_000);
});

/** What reached the assembler over the run's hand-overs, read from its trace. */
function balance(r: TeamRunResult): Record<string, number> {
  const lines = readFileSync(r.trace!, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { event: string; in?: Record<string, number> });
  const got: Record<string, number> = {};
  for (const e of lines) if (e.event === 'handover') for (const [k, n] of Object.entries(e.in ?? {})) got[k] = (got[k] ?? 0) + n;
  return got;
}
