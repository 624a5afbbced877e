import { runBin, type BinResult } from '../helpers/cli.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

// No SKILLCRAFT_* variable or config file of the developer's can change what the CLI does here.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SKILLCRAFT_')));
let cwd: string;
beforeAll(() => { cwd = mkdtempSync(path.join(tmpdir(), 'skillcraft-plan-')); });
afterAll(() => { rmSync(cwd, { recursive: true, force: true }); });

/** The CLI in this process with in-memory output (no server is involved either way). */
async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env: {}, cwd };
  const code = await main(argv, { io, signal: new AbortController().signal });
  return { code, out, err };
}

/** The real executable, for exit codes as a shell sees them. */
function run(args: string[], timeoutMs = 30_000): Promise<BinResult> {
  return runBin(args, { cwd, env, timeoutMs });
}

describe('skillcraft plan', () => {
  it('--vanilla plans for a server\'s overworld: what the sandbox model refuses, on the version asked for', async () => {
    const sandbox = await cli(['plan', '--task', 'cactus']);
    expect(sandbox.code).toBe(1);
    const vanilla = await cli(['plan', '--task', 'cactus', '--vanilla', '--mc-version', '1.21.4']);
    expect(vanilla.err).toEqual([]);
    expect(vanilla.code).toBe(0);
    expect(vanilla.out.join('\n')).toMatch(/mineBlock\(block=cactus/);
  });

  it('prints a numbered plan with reasons and exits 0', async () => {
    const r = await cli(['plan', '--task', 'craft a wooden pickaxe']);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('task: craft a wooden pickaxe → 1 wooden_pickaxe');
    expect(r.out[1]).toBe('plan (7 steps):');
    expect(r.out[2]).toBe('  1. explore(target=oak_log kind=block maxDistance=160)  — oak_log_nearby for mineBlock oak_log');
    expect(r.out[3]).toBe('  2. mineBlock(block=oak_log count=3 radius=32)  — 3 oak_log for craftItem oak_planks');
    expect(r.out[8]).toBe('  7. craftItem(item=wooden_pickaxe count=1)  — 1 wooden_pickaxe for goal 1 wooden_pickaxe');
    expect(r.out).toHaveLength(9);
  });

  it('starts from the given inventory and prints JSON', async () => {
    const r = await cli(['plan', '--task', 'iron_ingot:2', '--inventory', 'stone_pickaxe, oak planks:8', '--json']);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    const doc = JSON.parse(r.out[0]!) as { kind: string; goal: unknown; inventory: unknown; plan: { skill: string; args: Record<string, unknown> }[] };
    expect(doc.kind).toBe('plan');
    expect(doc.goal).toEqual({ kind: 'item', items: ['iron_ingot'], count: 2 });
    expect(doc.inventory).toEqual({ stone_pickaxe: 1, oak_planks: 8 });
    expect(doc.plan.some((d) => d.skill === 'digToLevel' && d.args.y === 16)).toBe(true);
    expect(doc.plan.some((d) => d.skill === 'mineBlock' && d.args.block === 'oak_log')).toBe(false);
    expect(doc.plan.at(-1)).toMatchObject({ skill: 'smeltItem', args: { item: 'iron_ingot', count: 2 } });
  });

  it('says when there is nothing to do', async () => {
    const r = await cli(['plan', '--task', '3 sticks', '--inventory', 'stick:5']);
    expect(r.code).toBe(0);
    expect(r.out).toEqual(['task: 3 sticks → 3 stick', 'nothing to do: the inventory already holds it']);
  });

  it('exits 1 with one line naming what is missing', async () => {
    const nether = await cli(['plan', '--task', 'blaze powder']);
    expect(nether).toMatchObject({ code: 1, out: [], err: ['cannot plan 1 blaze_powder: needs blaze_rod, which this world does not have (nether)'] });
    // Mob tasks plan with the mob skills (killMob finds the cow first).
    const mob = await cli(['plan', '--task', 'harvest beef', '--inventory', 'diamond_sword']);
    expect(mob.code).toBe(0);
    expect(mob.out.join('\n')).toMatch(/explore.*cow[\s\S]*killMob/);
    const json = await cli(['plan', '--task', 'emerald', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out[0]!)).toMatchObject({ kind: 'unplannable', missing: 'emerald_ore' });
  });

  it('exits 2 with one line on bad input', async () => {
    const cases: [string[], string][] = [
      [['plan', '--task', 'iron_ingt'], 'unknown item "iron_ingt"; did you mean iron_ingot?'],
      [['plan', '--task', 'pickaxe'], '"pickaxe" is ambiguous: which one? wooden_pickaxe, stone_pickaxe, golden_pickaxe, iron_pickaxe, diamond_pickaxe or netherite_pickaxe'],
      [['plan', '--task', 'stick', '--inventory', 'stone_pickax'], 'unknown item "stone_pickax"; did you mean stone_pickaxe?'],
      [['plan', '--task', 'stick', '--inventory', 'wool:3'], 'inventory: "wool" is any of several items (wool (any colour)); name one'],
      [['plan', '--task', 'stick', '--inventory', 'stick:0'], 'inventory: count must be 1-2304 (got "stick:0")'],
      [['plan'], "error: required option '--task <goal>' not specified"],
    ];
    for (const [argv, line] of cases) {
      const r = await cli(argv);
      expect({ argv, code: r.code, err: r.err }).toEqual({ argv, code: 2, err: [line] });
      expect(r.out).toEqual([]);
    }
    const text = await cli(['plan', '--task', 'build a house with a garden']);
    expect(text.code).toBe(2);
    expect(text.err[0]).toMatch(/^"build a house with a garden": this task needs a chat model \(--planner llm\)/);
  });

  it('gives the same exit codes as a process', async () => {
    const [ok, unplannable, bad] = await Promise.all([
      run(['plan', '--task', 'stick']),
      run(['plan', '--task', 'blaze rod']),
      run(['plan', '--task', 'iron_ingt']),
    ]);
    expect(ok).toMatchObject({ code: 0, stderr: '' });
    expect(ok.stdout.split('\n')[1]).toBe('plan (4 steps):');
    expect(unplannable).toMatchObject({ code: 1, stdout: '', stderr: 'cannot plan 1 blaze_rod: needs blaze_rod, which this world does not have (nether)\n' });
    expect(bad).toMatchObject({ code: 2, stdout: '', stderr: 'unknown item "iron_ingt"; did you mean iron_ingot?\n' });
  });
});
