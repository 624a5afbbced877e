import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

/** Runs the CLI in-process with in-memory output; nothing here starts a server. */
async function cli(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env, cwd: '/nonexistent' };
  const code = await main(argv, { io, signal: new AbortController().signal });
  return { code, out: out.join('\n'), err: err.join('\n'), errLines: err.flatMap((l) => l.split('\n')) };
}

describe('cli: bad input is one stderr line and exit 2', () => {
  it.each([
    [['serve', '--port', 'abc'], 'config: port must be an integer 0-65535 (got "abc" from --port)'],
    [['serve', '--preset', 'moon'], 'config: preset must be one of forest, plains, extreme_hills, forest_hills, taiga, snowy, desert, savanna, jungle, flat (got "moon" from --preset)'],
    [['observe', '--radius', '0'], 'config: radius must be an integer 1-128 (got "0" from --radius)'],
    [['observe', '--bogus'], "error: unknown option '--bogus'"],
    [['serve', '--port'], "error: option '--port <n>' argument missing"],
    [['bogus'], "error: unknown command 'bogus'"],
    [['--log-level', 'loud', 'bench'], /^config: logLevel must be one of trace, .* \(got "loud" from --log-level\)$/],
    [['bench', 'no-such-bench'], /^unknown benchmark "no-such-bench"/],
    [['serve', '--save'], '--save needs --world (the save to write back into)'],
  ])('%j', async (argv, expected) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.errLines).toHaveLength(1);
    if (typeof expected === 'string') expect(r.err).toBe(expected);
    else expect(r.err).toMatch(expected);
    expect(r.out).toBe('');
  });

  it('reports a bad environment variable the same way', async () => {
    const r = await cli(['observe'], { SKILLCRAFT_PORT: 'x' });
    expect(r.code).toBe(2);
    expect(r.err).toBe('config: port must be an integer 0-65535 (got "x" from SKILLCRAFT_PORT)');
  });

  it('suggests the closest option on a typo', async () => {
    const r = await cli(['observe', '--jsn']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--json');
  });

  it('prints the help and exits 2 when no command is given', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Usage: skillcraft');
  });
});

describe('cli: help and version exit 0', () => {
  it.each([[[]], [['serve']], [['observe']], [['bench']], [['demo']]])('%j --help', async (cmd) => {
    const r = await cli([...cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Usage: skillcraft${cmd.length ? ` ${cmd[0]}` : ''}`);
    expect(r.err).toBe('');
  });

  it('documents every option of serve and observe', async () => {
    const serve = (await cli(['serve', '--help'])).out;
    for (const flag of ['--port', '--host', '--seed', '--preset', '--mc-version', 'forest_hills', '25565']) expect(serve).toContain(flag);
    const observe = (await cli(['observe', '--help'])).out;
    for (const flag of ['--host', '--port', '--username', '--radius', '--json']) expect(observe).toContain(flag);
  });

  it('--version prints the package version', async () => {
    const r = await cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('bench without a name lists the benchmarks', async () => {
    const r = await cli(['bench']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\S+ {2}\S/);
  });
});
