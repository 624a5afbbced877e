import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONFIG_FILE, ConfigError, loadConfig } from '../../src/config/index.ts';

let dir: string;
beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'skillcraft-config-')); });
afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

function writeFile(content: unknown, name = CONFIG_FILE): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** The one-line message of the ConfigError `fn` throws. */
function rejection(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    const message = (err as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig: sources and precedence', () => {
  it('gives the documented defaults with no flags, environment or file', () => {
    const c = loadConfig({ env: {}, cwd: dir });
    expect(c.connection).toEqual({ host: '127.0.0.1', port: 25565, username: 'skillcraft', auth: 'offline', mcVersion: 'auto' });
    expect(c.sandbox).toEqual({ seed: 1, preset: 'forest', mcVersion: '1.20.1', viewDistance: 6, smeltSpeed: 1, gameMode: 'survival' });
    expect(c.observe.radius).toBe(32);
    expect(c.log).toEqual({ level: 'warn', verbose: false });
    expect(c.model).toEqual({ temperature: 0, timeoutMs: 60_000 });
  });

  it('flag beats environment beats file', () => {
    writeFile({ connection: { port: 1111, host: 'file-host', username: 'fileuser' }, sandbox: { preset: 'plains' } });
    const env = { SKILLCRAFT_PORT: '2222', SKILLCRAFT_HOST: 'env-host' };
    const c = loadConfig({ env, cwd: dir, flags: { port: '3333' } });
    expect(c.connection.port).toBe(3333);
    expect(c.connection.host).toBe('env-host');
    expect(c.connection.username).toBe('fileuser');
    expect(c.sandbox.preset).toBe('plains');
    expect(loadConfig({ env, cwd: dir }).connection.port).toBe(2222);
    expect(loadConfig({ env: {}, cwd: dir }).connection.port).toBe(1111);
  });

  it('reads SKILLCRAFT_* and the OpenAI variables, SKILLCRAFT_* first', () => {
    const c = loadConfig({
      cwd: dir,
      env: {
        SKILLCRAFT_USERNAME: 'alex', SKILLCRAFT_SEED: '42', SKILLCRAFT_PRESET: 'extreme_hills', SKILLCRAFT_LOG_LEVEL: 'info',
        SKILLCRAFT_MODEL: 'qwen2.5', OPENAI_API_KEY: 'sk-open', OPENAI_BASE_URL: 'http://localhost:11434/v1', SKILLCRAFT_API_KEY: 'sk-ours',
      },
    });
    expect(c.connection.username).toBe('alex');
    expect(c.sandbox).toMatchObject({ seed: 42, preset: 'extreme_hills' });
    expect(c.log.level).toBe('info');
    expect(c.model).toMatchObject({ model: 'qwen2.5', apiKey: 'sk-ours', baseUrl: 'http://localhost:11434/v1' });
  });

  it('treats an empty environment variable as unset', () => {
    writeFile({ connection: { port: 4444 } });
    expect(loadConfig({ env: { SKILLCRAFT_PORT: '' }, cwd: dir }).connection.port).toBe(4444);
  });

  it('uses --config PATH instead of the default file', () => {
    writeFile({ connection: { port: 1111 } });
    const other = writeFile({ connection: { port: 5555 } }, 'other.json');
    expect(loadConfig({ env: {}, cwd: dir, configPath: other }).connection.port).toBe(5555);
  });

  it('turns a text seed into the same integer every time, and keeps integer seeds', () => {
    const a = loadConfig({ env: {}, cwd: dir, flags: { seed: 'hello world' } }).sandbox.seed;
    expect(Number.isInteger(a)).toBe(true);
    expect(loadConfig({ env: {}, cwd: dir, flags: { seed: 'hello world' } }).sandbox.seed).toBe(a);
    expect(loadConfig({ env: {}, cwd: dir, flags: { seed: '-7' } }).sandbox.seed).toBe(-7);
  });

  it('--verbose lowers the log level to debug unless a level was given', () => {
    expect(loadConfig({ env: {}, cwd: dir, flags: { verbose: true } }).log.level).toBe('debug');
    expect(loadConfig({ env: { SKILLCRAFT_LOG_LEVEL: 'error' }, cwd: dir, flags: { verbose: true } }).log.level).toBe('error');
  });

  it('returns a deeply frozen object', () => {
    const c = loadConfig({ env: {}, cwd: dir });
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.connection)).toBe(true);
    expect(() => { (c.connection as { port: number }).port = 1; }).toThrow(TypeError);
  });

  it('accepts a Microsoft account name only with auth microsoft', () => {
    const flags = { username: 'someone@example.com' };
    expect(rejection(() => loadConfig({ env: {}, cwd: dir, flags }))).toContain('config: username must be 1-16 letters');
    expect(loadConfig({ env: {}, cwd: dir, flags: { ...flags, auth: 'microsoft' } }).connection.username).toBe('someone@example.com');
  });
});

describe('loadConfig: rejections name the field, the reason and the source', () => {
  it('a bad number from the environment', () => {
    expect(rejection(() => loadConfig({ env: { SKILLCRAFT_PORT: 'abc' }, cwd: dir })))
      .toBe('config: port must be an integer 0-65535 (got "abc" from SKILLCRAFT_PORT)');
  });

  it('an out-of-range number from a flag, quoted as typed', () => {
    expect(rejection(() => loadConfig({ env: {}, cwd: dir, flags: { port: '70000' } })))
      .toBe('config: port must be an integer 0-65535 (got "70000" from --port)');
  });

  it('a wrongly typed value in the file', () => {
    writeFile({ observe: { radius: 'far' } });
    expect(rejection(() => loadConfig({ env: {}, cwd: dir })))
      .toBe(`config: radius must be an integer 1-128 (got "far" from ${CONFIG_FILE})`);
  });

  it('a bad enum value', () => {
    expect(rejection(() => loadConfig({ env: {}, cwd: dir, flags: { preset: 'moon' } })))
      .toBe('config: preset must be one of forest, plains, extreme_hills, forest_hills, taiga, snowy, desert, savanna, jungle, flat (got "moon" from --preset)');
    expect(rejection(() => loadConfig({ env: { SKILLCRAFT_LOG_LEVEL: 'loud' }, cwd: dir })))
      .toMatch(/^config: logLevel must be one of trace, .* \(got "loud" from SKILLCRAFT_LOG_LEVEL\)$/);
    expect(rejection(() => loadConfig({ env: {}, cwd: dir, flags: { 'sandbox.mcVersion': '1.8.8' } })))
      .toMatch(/^config: sandbox\.mcVersion must be one of 1\.20\.1, .* \(got "1\.8\.8" from --mc-version\)$/);
  });

  it('a bad URL and a bad boolean', () => {
    expect(rejection(() => loadConfig({ env: { OPENAI_BASE_URL: 'ftp://example.com' }, cwd: dir })))
      .toBe('config: baseUrl must be an http(s) URL (got "ftp://example.com" from OPENAI_BASE_URL)');
    expect(rejection(() => loadConfig({ env: { SKILLCRAFT_VERBOSE: 'maybe' }, cwd: dir })))
      .toBe('config: verbose must be true or false (got "maybe" from SKILLCRAFT_VERBOSE)');
  });

  it('malformed JSON: one line with the file name and the parse error', () => {
    writeFile('{ "connection": { "port": 25565, } }');
    const message = rejection(() => loadConfig({ env: {}, cwd: dir }));
    expect(message).toMatch(new RegExp(`^config: cannot parse ${CONFIG_FILE.replace('.', '\\.')}: .+`));
    expect(message).toMatch(/JSON|token|property/i);
  });

  it('unknown keys, at the top and inside a section', () => {
    writeFile({ conection: {} });
    expect(rejection(() => loadConfig({ env: {}, cwd: dir }))).toBe(`config: unknown key "conection" in ${CONFIG_FILE}`);
    writeFile({ connection: { prot: 1 } });
    expect(rejection(() => loadConfig({ env: {}, cwd: dir }))).toBe(`config: unknown key "connection.prot" in ${CONFIG_FILE}`);
  });

  it('a file that is not an object, a section that is not an object, a missing --config file', () => {
    writeFile('[1, 2]');
    expect(rejection(() => loadConfig({ env: {}, cwd: dir }))).toBe(`config: ${CONFIG_FILE} must hold a JSON object`);
    writeFile({ sandbox: 3 });
    expect(rejection(() => loadConfig({ env: {}, cwd: dir }))).toBe(`config: "sandbox" in ${CONFIG_FILE} must be an object`);
    expect(rejection(() => loadConfig({ env: {}, cwd: dir, configPath: 'missing.json' }))).toBe('config: cannot read missing.json: no such file');
  });

  it('never echoes a secret back', () => {
    writeFile({ model: { apiKey: 12345678 } });
    const message = rejection(() => loadConfig({ env: {}, cwd: dir }));
    expect(message).toBe(`config: apiKey must be a non-empty string (got [redacted] from ${CONFIG_FILE})`);
    expect(message).not.toContain('12345678');
  });
});
