// `skillcraft build` as a user runs it: bad input gets one line and exit 2 before anything joins; a small
// structure is built from an empty inventory (logs gathered, planks crafted, every block placed and checked).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spongeBytes } from '../../src/build/examples.ts';
import type { StructureBlock } from '../../src/build/types.ts';
import { runBin } from '../helpers/cli.ts';

const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SKILLCRAFT_') && !k.startsWith('OPENAI_')));
let cwd: string;
const block = (x: number, y: number, z: number, name: string, props: Record<string, string> = {}): StructureBlock => ({ x, y, z, name, props });
function schem(name: string, blocks: StructureBlock[]): string {
  const file = path.join(cwd, `${name}.schem`);
  writeFileSync(file, spongeBytes({ name, size: { x: 3, y: 2, z: 1 }, blocks, format: 'sponge' }));
  return file;
}

beforeAll(() => { cwd = mkdtempSync(path.join(tmpdir(), 'skillcraft-build-cli-')); });
afterAll(() => { rmSync(cwd, { recursive: true, force: true }); });

const lines = (t: string) => t.split('\n').filter((l) => l.length > 0);

describe('skillcraft build', () => {
  it('refuses bad input with one line and exit 2, before joining anything', async () => {
    const bedrock = schem('altar', [block(0, 0, 0, 'cobblestone'), block(1, 0, 0, 'bedrock'), block(2, 0, 0, 'command_block', { conditional: 'false', facing: 'up' })]);
    const cases: [string[], RegExp][] = [
      [['--schematic', path.join(cwd, 'nothing.schem')], /^cannot read structure .*nothing\.schem: /],
      [['--schematic', bedrock, '--rotate', '45'], /^--rotate must be 0, 90, 180 or 270 \(got "45"\)$/],
      [['--schematic', bedrock, '--at', '1,2'], /^--at must be three whole numbers x,y,z \(got "1,2"\)$/],
      [['--schematic', bedrock], /^cannot build altar in survival: bedrock ×1 \(.*\), command_block ×1 \(.*\)$/],
    ];
    for (const [args, expected] of cases) {
      const r = await runBin(['build', ...args], { cwd, env, timeoutMs: 30_000 });
      expect(r.code, args.join(' ')).toBe(2);
      expect(lines(r.stderr)).toHaveLength(1);
      expect(lines(r.stderr)[0]).toMatch(expected);
      expect(r.stdout).toBe('');
    }
  }, 120_000);

  it('builds a small structure from an empty inventory and checks every block', async () => {
    const bench = schem('bench', [block(0, 0, 0, 'oak_planks'), block(1, 0, 0, 'oak_log', { axis: 'x' }), block(2, 0, 0, 'oak_planks'), block(1, 1, 0, 'oak_planks')]);
    const r = await runBin(['build', '--schematic', bench, '--seed', '5', '--no-view', '--runs-dir', path.join(cwd, 'runs')], { cwd, env, timeoutMs: 240_000 });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^materials: 1 oak_log, 3 oak_planks$/m);
    expect(r.stdout).toMatch(/^built: bench, 4 \/ 4 placed, wrong: 0 in [\d.]+ game s/m);
  }, 300_000);
});
