import { Writable } from 'node:stream';
import type { DestinationStream } from 'pino';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { loadConfig } from '../../src/config/index.ts';
import { main } from '../../src/cli/main.ts';

const SECRET = 'sk-test-9f8e7d6c5b4a';

/** An in-memory stream (a real Writable: pino-pretty listens to its events). */
function memory(): Writable & DestinationStream & { text(): string; records(): Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) { chunks.push(chunk.toString()); done(); },
  });
  return Object.assign(stream, {
    text: () => chunks.join(''),
    records: () => chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>),
  });
}

describe('logger', () => {
  it('writes JSON records with the component of a child logger', () => {
    const out = memory();
    createLogger({ level: 'info', destination: out }).child({ component: 'bot' }).info({ x: 1 }, 'hello');
    expect(out.records()).toEqual([expect.objectContaining({ level: 30, component: 'bot', x: 1, msg: 'hello' })]);
  });

  it('redacts the API key of a logged config, in JSON and in pretty output', () => {
    const config = loadConfig({ env: { OPENAI_API_KEY: SECRET }, cwd: '/nonexistent' });
    expect(config.model.apiKey).toBe(SECRET);
    for (const format of ['json', 'pretty'] as const) {
      const out = memory();
      const log = createLogger({ level: 'debug', format, destination: out });
      log.debug({ config }, 'configuration');
      log.info({ apiKey: SECRET, request: { headers: { authorization: `Bearer ${SECRET}` } } }, 'call');
      expect(out.text()).toContain('[redacted]');
      expect(out.text()).not.toContain(SECRET);
    }
  });

  it('the CLI logs its configuration at debug level without the key', async () => {
    const out = memory();
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), env: { OPENAI_API_KEY: SECRET }, cwd: '/nonexistent', logDestination: out };
    const code = await main(['--verbose', '--log-format', 'json', 'bench'], { io, signal: new AbortController().signal });
    expect(code).toBe(0);
    const record = out.records().find((r) => r.msg === 'configuration');
    expect(record).toMatchObject({ component: 'cli', config: { model: { apiKey: '[redacted]' } } });
    expect(out.text() + lines.join('\n')).not.toContain(SECRET);
  });

  it('drops records below the level', () => {
    const out = memory();
    const log = createLogger({ level: 'warn', destination: out });
    log.info('quiet');
    log.warn('loud');
    expect(out.records().map((r) => r.msg)).toEqual(['loud']);
  });
});
