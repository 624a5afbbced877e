// The dashboard's build: the panel's counts and the ghost's cells follow each survey of the structure,
// outlive the gathering round's own tasks and the end, and give way to another structure only.
import { describe, expect, it } from 'vitest';
import { terminalSink } from '../../src/agent/format.ts';
import { buildView, survey, type BuildView, type CellView } from '../../src/build/survey.ts';
import type { Structure, StructureBlock } from '../../src/build/types.ts';
import { MAX_GHOST_CELLS } from '../../src/viewer/buildState.ts';
import { DashboardState } from '../../src/viewer/state.ts';

const b = (x: number, y: number, z: number, name: string, props: Record<string, string> = {}): StructureBlock => ({ x, y, z, name, props });
/** A bench: a log lying east-west between two planks, a plank on top. */
const bench: Structure = {
  name: 'bench', size: { x: 3, y: 2, z: 1 }, format: 'sponge',
  blocks: [b(0, 0, 0, 'oak_planks'), b(1, 0, 0, 'oak_log', { axis: 'x' }), b(2, 0, 0, 'oak_planks'), b(1, 1, 0, 'oak_planks')],
};
const origin = { x: 100, y: 64, z: -20 };

/** The structure surveyed against a world holding `world` (key `x,y,z`), air elsewhere, as runBuild reports it. */
function surveyed(s: Structure, at: typeof origin, world: Record<string, CellView>): BuildView {
  return buildView(s, at, survey(s, at, (x, y, z) => world[`${x},${y},${z}`] ?? { name: 'air', props: {} }));
}
const cell = (name: string, props: Record<string, string> = {}): CellView => ({ name, props });

describe('the dashboard build', () => {
  it('shows the counts as the terminal does and every cell relative to the origin, the unfinished first', () => {
    const s = new DashboardState({ enabled: true, path: '/view/' });
    expect(s.snapshot().build).toBeNull();
    const view = surveyed(bench, origin, { '101,64,-20': cell('oak_log', { axis: 'x' }), '102,64,-20': cell('stone') });
    s.apply({ type: 'build', build: view });
    const build = s.snapshot().build!;
    expect(build).toMatchObject({ name: 'bench', origin: [100, 64, -20], size: [3, 2, 1], placed: 1, total: 4, wrong: 1, line: '1 / 4 placed, wrong: 1', cellsLeftOut: 0 });
    expect(build.cells).toEqual([[2, 0, 0, 'wrong'], [0, 0, 0, 'missing'], [1, 1, 0, 'missing'], [1, 0, 0, 'right']]);
    const printed: string[] = [];
    terminalSink((l) => printed.push(l))({ event: 'build', ...view });
    expect(printed).toEqual([`build: ${build.line}`]);
  });

  it('survives the gathering round and the end, redraws only on a change, and gives way to another structure', () => {
    const s = new DashboardState({ enabled: true, path: '/view/' });
    s.apply({ type: 'build', build: surveyed(bench, origin, {}) });
    const first = s.snapshot().build!;
    expect(first.line).toBe('0 / 4 placed, wrong: 0');
    // runBuild gathers the materials through runTask: its task, plan and steps leave the build alone.
    s.apply({ type: 'task', text: 'gather for bench', goal: '3 oak_planks, 1 oak_log' });
    s.apply({ type: 'plan', plan: [{ skill: 'mineBlock', args: { block: 'oak_log', count: 2 } }] });
    expect(s.snapshot().build).toEqual(first);
    // A survey that found nothing new keeps the revision: the page does not redraw the ghost.
    s.apply({ type: 'build', build: surveyed(bench, origin, {}) });
    expect(s.snapshot().build!.rev).toBe(first.rev);
    const placed = { '100,64,-20': cell('oak_planks'), '101,64,-20': cell('oak_log', { axis: 'x' }) };
    s.apply({ type: 'build', build: surveyed(bench, origin, placed) });
    const mid = s.snapshot().build!;
    expect(mid.rev).toBeGreaterThan(first.rev);
    expect(mid.line).toBe('2 / 4 placed, wrong: 0');
    const all = { ...placed, '102,64,-20': cell('oak_planks'), '101,65,-20': cell('oak_planks') };
    s.apply({ type: 'build', build: surveyed(bench, origin, all) });
    s.apply({ type: 'end', summary: { goal: '3 oak_planks, 1 oak_log', success: true, reason: 'goal_met', steps: 3, failures: 0, failuresRecovered: 0, wallSeconds: 20 } });
    const done = s.snapshot().build!;
    expect(done.line).toBe('4 / 4 placed, wrong: 0');
    expect(done.cells.map((c) => c[3])).toEqual(['right', 'right', 'right', 'right']);
    // A new task after the build (the agent's next) keeps the finished result in view.
    s.apply({ type: 'task', text: 'stone pickaxe', goal: '1 stone_pickaxe' });
    expect(s.snapshot().build).toEqual(done);
    // The same structure elsewhere is another build.
    s.apply({ type: 'build', build: surveyed(bench, { x: 0, y: 70, z: 0 }, {}) });
    const next = s.snapshot().build!;
    expect(next).toMatchObject({ origin: [0, 70, 0], placed: 0, line: '0 / 4 placed, wrong: 0' });
    expect(next.rev).toBeGreaterThan(done.rev);
  });

  it('says which cells are not loaded, and keeps a huge structure\'s snapshot bounded, the unfinished cells kept', () => {
    const s = new DashboardState({ enabled: true, path: '/view/' });
    const partial = buildView(bench, origin, survey(bench, origin, (x) => (x === 100 ? undefined : cell('air'))));
    s.apply({ type: 'build', build: partial });
    expect(s.snapshot().build!.line).toBe('0 / 4 placed, wrong: 0, not loaded: 1');

    // 40×8×40 = 12 800 blocks, the lower half placed.
    const blocks: StructureBlock[] = [];
    for (let y = 0; y < 8; y++) for (let x = 0; x < 40; x++) for (let z = 0; z < 40; z++) blocks.push(b(x, y, z, 'stone'));
    const big: Structure = { name: 'keep', size: { x: 40, y: 8, z: 40 }, format: 'sponge', blocks };
    const view = buildView(big, origin, survey(big, origin, (_x, y) => cell(y < origin.y + 4 ? 'stone' : 'air')));
    s.apply({ type: 'build', build: view });
    const build = s.snapshot().build!;
    expect(build).toMatchObject({ placed: 6400, total: 12_800, cellsLeftOut: 12_800 - MAX_GHOST_CELLS });
    expect(build.cells).toHaveLength(MAX_GHOST_CELLS);
    expect(build.cells.every((c) => c[3] === 'missing')).toBe(true);
    // The lowest missing layer first: what the bot places next.
    expect(build.cells[0]).toEqual([0, 4, 0, 'missing']);
    expect(JSON.stringify(build).length).toBeLessThan(MAX_GHOST_CELLS * 24);
    // A cottage's few hundred cells are a few kilobytes a snapshot.
    s.apply({ type: 'build', build: buildView({ ...big, blocks: blocks.slice(0, 300) }, origin, survey({ ...big, blocks: blocks.slice(0, 300) }, origin, () => cell('air'))) });
    expect(JSON.stringify(s.snapshot().build).length).toBeLessThan(6000);
  });
});
