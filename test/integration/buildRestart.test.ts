// `skillcraft build` from an empty inventory while the server restarts mid-build: the server (a world save
// served with --save, 1.21.1) is stopped by its operator and started again; the builder reconnects,
// surveys the world, gathers what it lost and places only what is missing. The trace shows each block
// placed once, and a second bot checks every block of the structure, name and state.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Bot } from 'mineflayer';
import { Vec3 } from 'vec3';
import { afterAll, describe, expect, it } from 'vitest';
import { connectBot } from '../../src/bot/connect.ts';
import { spongeBytes } from '../../src/build/examples.ts';
import { survey } from '../../src/build/survey.ts';
import type { Structure, StructureBlock } from '../../src/build/types.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { BIN, CHILD_ENV as env, freePort, restartFixture, serveProcess, traceEvents } from '../helpers/faults.ts';
import { quit, waitFor } from '../helpers/sandbox.ts';
import { fixtureSave } from '../helpers/worldSave.ts';

const fixture = restartFixture();
const save = fixtureSave('1.21.1');
afterAll(async () => { await fixture.killAll(); save.remove(); });

const b = (x: number, y: number, z: number, name: string, props: Record<string, string> = {}): StructureBlock => ({ x, y, z, name, props });
/** A corner of wall three high, its two ends topped with upright logs: 18 blocks, 6 logs' worth from nothing. */
const blocks: StructureBlock[] = [];
for (const y of [0, 1, 2]) {
  const log = (x: number) => y === 2 && (x === 0 || x === 3);
  for (let x = 0; x < 4; x++) blocks.push(b(x, y, 0, log(x) ? 'oak_log' : 'oak_planks', log(x) ? { axis: 'y' } : {}));
  for (const z of [1, 2]) blocks.push(b(0, y, z, 'oak_planks'));
}
const structure: Structure = { name: 'corner', size: { x: 4, y: 3, z: 3 }, blocks, format: 'sponge' };

describe('a build and a server restart', () => {
  it('resumes after the restart and ends with every block right, none placed twice', async () => {
    const file = path.join(fixture.runs.dir, 'corner.schem');
    writeFileSync(file, spongeBytes(structure));
    const port = await freePort();
    // Spawn inside the save's region, so the site the builder picks is in chunks the save keeps.
    const server = serveProcess({ port, seed: 1, extra: ['--world', save.dir, '--save', '--spawn', '40,40'] });
    fixture.servers.push(server);
    await server.start();
    const child = spawn(process.execPath, [BIN, 'build', '--schematic', file, '--host', '127.0.0.1', '--port', String(port), '--username', 'builder', '--no-view', '--runs-dir', fixture.runs.dir, '--log-level', 'error'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    const exited = new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)));
    const killer = setTimeout(() => child.kill('SIGKILL'), 280_000);
    let checker: Bot | undefined;
    try {
      const placedSoFar = () => Math.max(0, ...[...out.matchAll(/^build: (\d+) \/ 18 placed/gm)].map((m) => Number(m[1])));
      await waitFor(() => placedSoFar() >= 2 || child.exitCode !== null, 200_000, 'the first blocks placed');
      expect(child.exitCode, `${out}\n${err.slice(-2000)}`).toBeNull();
      const before = placedSoFar();
      // The operator restarts the server: it stops as it should (the save written back) and starts again.
      await server.stop();
      await server.start();
      const code = await exited;
      expect(code, `${out}\n${err.slice(-2000)}`).toBe(0);
      const lines = out.split('\n');
      expect(lines.some((l) => l.startsWith('reconnected after')), out).toBe(true);
      const end = lines.find((l) => /^(built|not built): /.test(l));
      expect(end, out).toMatch(/^built: corner, 18 \/ 18 placed, wrong: 0 .*18 placed, 1 interruption/);
      expect(before).toBeLessThan(18);

      // The trace: every cell placed exactly once, over both connections.
      const trace = traceEvents(traceDirOf(fixture.runs.dir, out));
      const placed = trace.filter((e) => e.event === 'placed').map((e) => `${String(e.x)},${String(e.y)},${String(e.z)}`);
      expect(placed).toHaveLength(18);
      expect(new Set(placed).size).toBe(18);
      const summary = trace.find((e) => e.event === 'build_end')?.summary as { placedTwice: number; interruptions: number; success: boolean } | undefined;
      expect(summary).toMatchObject({ placedTwice: 0, interruptions: 1, success: true });
      const reconnectAt = trace.findIndex((e) => e.event === 'reconnected');
      expect(trace.slice(0, reconnectAt).filter((e) => e.event === 'placed').length).toBeGreaterThanOrEqual(before);

      // A second bot's view of the world: every block, name and state.
      const origin = originOf(out);
      checker = await connectBot({ host: '127.0.0.1', port, username: 'checker', auth: 'offline', mcVersion: '1.21.1' }, { log: silentLogger(), signal: AbortSignal.timeout(30_000) });
      await checker.waitForChunksToLoad();
      const seen = survey(structure, origin, (x, y, z) => {
        const k = checker!.blockAt(new Vec3(x, y, z));
        return k ? { name: k.name, props: k.getProperties() } : undefined;
      });
      expect({ right: seen.correct.length, wrong: seen.wrong, missing: seen.missing, unknown: seen.unknown.length }).toEqual({ right: 18, wrong: [], missing: [], unknown: 0 });
    } finally {
      clearTimeout(killer);
      quit(checker);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 300_000);
});

/** The build's position, as its first line says ("build: corner (4×3×3, 18 blocks) at x,y,z"). */
function originOf(out: string): Vec3 {
  const m = /^build: corner \(.*\) at (-?\d+),(-?\d+),(-?\d+)/m.exec(out);
  if (!m) throw new Error(`no build line in\n${out}`);
  return new Vec3(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The build's one trace folder, named at the end of its summary line ("…; trace DIR"). */
function traceDirOf(root: string, out: string): string {
  const m = /; trace (\S+)$/m.exec(out);
  if (m) return m[1]!;
  throw new Error(`no trace folder named in\n${out} (under ${root})`);
}
