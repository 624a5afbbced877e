import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observationSchema } from '../../src/bot/observation.ts';
import { freePort } from '../helpers/faults.ts';

const BIN = fileURLToPath(new URL('../../bin/skillcraft.js', import.meta.url));
const ADDRESS_LINE = /^Skillcraft sandbox listening on (127\.0\.0\.1):(\d+) \(seed (-?\d+), preset (\w+), ([\d.]+)\)$/;

// A clean environment and an empty working directory: no SKILLCRAFT_* variable or config file of the
// developer's can change what the CLI does here.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SKILLCRAFT_') && !k.startsWith('OPENAI_')));
let cwd: string;
beforeAll(() => { cwd = mkdtempSync(path.join(tmpdir(), 'skillcraft-cli-')); });
afterAll(() => { rmSync(cwd, { recursive: true, force: true }); });

interface Result { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

function start(args: string[]): { child: ChildProcess; done: Promise<Result>; stdout: () => string } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const done = new Promise<Result>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done, stdout: () => stdout };
}

/** Runs the CLI to completion; kills it and fails after `timeoutMs`. */
async function run(args: string[], timeoutMs = 30_000): Promise<Result> {
  const { child, done } = start(args);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    const result = await done;
    if (result.signal === 'SIGKILL') throw new Error(`skillcraft ${args.join(' ')} did not finish within ${timeoutMs} ms`);
    return result;
  } finally {
    clearTimeout(timer);
  }
}

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.length > 0);
}


describe('skillcraft serve + observe as child processes', () => {
  let serve: ReturnType<typeof start>;
  let port = 0;
  afterAll(() => { if (serve.child.exitCode === null) serve.child.kill('SIGKILL'); });

  it('serve --port 0 prints one address line', async () => {
    serve = start(['serve', '--port', '0', '--seed', '42', '--preset', 'forest']);
    const deadline = Date.now() + 30_000;
    while (!serve.stdout().includes('\n')) {
      if (Date.now() > deadline || serve.child.exitCode !== null) throw new Error(`serve printed no address line: ${serve.stdout()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const [line, ...rest] = lines(serve.stdout());
    expect(rest).toEqual([]);
    const m = ADDRESS_LINE.exec(line!);
    expect(m, line).not.toBeNull();
    expect(m!.slice(3)).toEqual(['42', 'forest', '1.20.1']);
    port = Number(m![2]);
    expect(port).toBeGreaterThan(0);
  });

  it('observe --json prints one observation that parses with the schema', async () => {
    const r = await run(['observe', '--json', '--port', String(port), '--username', 'cliobs']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out).toHaveLength(1);
    const obs = observationSchema.parse(JSON.parse(out[0]!));
    expect(obs.blocks.length).toBeGreaterThan(0);
    expect(obs.radius).toBe(32);
  });

  it('observe without --json prints the compact text', async () => {
    const r = await run(['observe', '--port', String(port), '--radius', '8']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Position -?\d/);
    expect(r.stdout).toContain('Blocks within 8');
  });

  it('SIGINT stops serve cleanly with exit 0', async () => {
    serve.child.kill('SIGINT');
    const timer = setTimeout(() => serve.child.kill('SIGKILL'), 10_000);
    const r = await serve.done;
    clearTimeout(timer);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
  });
});

describe('skillcraft failures: one stderr line, exit 2', () => {
  it('an unreachable server', async () => {
    const port = await freePort();
    const r = await run(['observe', '--port', String(port)]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([`cannot reach 127.0.0.1:${port}: connection refused`]);
    expect(r.stdout).toBe('');
  });

  it.each([
    [['serve', '--port', 'abc'], /^config: port must be an integer 0-65535 \(got "abc" from --port\)$/],
    [['serve', '--preset', 'moon'], /^config: preset must be one of .*\(got "moon" from --preset\)$/],
    [['observe', '--bogus'], /^error: unknown option '--bogus'/],
  ])('bad flag %j', async (args, expected) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    const errLines = lines(r.stderr);
    expect(errLines).toHaveLength(1);
    expect(errLines[0]).toMatch(expected);
  });

  it('a server older than 1.20.1: one line and exit 2, before the bot joins', async () => {
    const old = start(['serve', '--port', '0', '--mc-version', '1.19.4']);
    try {
      const deadline = Date.now() + 30_000;
      while (!old.stdout().includes('\n')) {
        if (Date.now() > deadline || old.child.exitCode !== null) throw new Error(`serve printed no address line: ${old.stdout()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const port = ADDRESS_LINE.exec(lines(old.stdout())[0]!)![2]!;
      const r = await run(['run', '--task', 'stone pickaxe', '--host', '127.0.0.1', '--port', port, '--no-view']);
      expect(r.code).toBe(2);
      expect(lines(r.stderr)).toEqual([`cannot join 127.0.0.1:${port}: server version 1.19.4 is older than 1.20.1, the oldest Skillcraft's agent plays`]);
    } finally {
      old.child.kill('SIGKILL');
    }
  });

  it('a port already in use', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      const r = await run(['serve', '--port', String(port)]);
      expect(r.code).toBe(2);
      expect(lines(r.stderr)).toEqual([`cannot listen on 127.0.0.1:${port}: address already in use`]);
    } finally {
      server.close();
    }
  });
});

describe('skillcraft help and demo', () => {
  it('--help exits 0 for the program and every command', async () => {
    const results = await Promise.all([[], ['serve'], ['observe'], ['bench'], ['demo'], ['run'], ['plan'], ['skills']].map((cmd) => run([...cmd, '--help'])));
    for (const r of results) {
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Usage: skillcraft');
      expect(r.stderr).toBe('');
    }
  });

  it('demo starts a sandbox, prints its address and the dashboard\'s, runs the task step by step and exits 0', async () => {
    // Warnings of the sandbox's own are not the demo's output; errors would still show.
    const r = await run(['demo', '--seed', '7', '--task', 'wooden pickaxe', '--log-level', 'error']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out[0]).toMatch(ADDRESS_LINE);
    expect(out[1]).toMatch(/^dashboard: http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(out[2]).toBe('task: wooden pickaxe → {"kind":"item","items":["wooden_pickaxe"],"count":1}');
    expect(out.filter((l) => /^step +\d+ /.test(l)).length).toBeGreaterThanOrEqual(4);
    expect(out[out.length - 1]).toMatch(/^done: 1 wooden_pickaxe — \d+ steps/);
  });
});
