import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Bot } from 'mineflayer';
import mineflayer from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quit, waitFor } from '../helpers/sandbox.ts';
import { startBin, type BinProcess } from '../helpers/cli.ts';

const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SKILLCRAFT_') && !k.startsWith('OPENAI_')));
let cwd: string;
beforeAll(() => { cwd = mkdtempSync(path.join(tmpdir(), 'skillcraft-agent-')); });
afterAll(() => { rmSync(cwd, { recursive: true, force: true }); });

type Proc = BinProcess;
const start = (args: string[]): Proc => startBin(args, { cwd, env });

describe('skillcraft agent', () => {
  it('needs an owner: one line on stderr, exit 2', async () => {
    const p = start(['agent', '--no-view']);
    const timer = setTimeout(() => p.child.kill('SIGKILL'), 20_000);
    const code = await p.done.finally(() => clearTimeout(timer));
    expect(code).toBe(2);
    expect(p.err().trim()).toBe('--owner <name> is required: the player whose chat commands the bot obeys');
  });

  it('prints the sandbox and dashboard addresses, answers its owner in chat, and stops on SIGINT', async () => {
    const p = start(['agent', '--owner', 'boss', '--seed', '2']);
    let owner: Bot | undefined;
    const timer = setTimeout(() => p.child.kill('SIGKILL'), 60_000);
    try {
      await waitFor(() => /takes chat commands from boss/.test(p.out()) || p.child.exitCode !== null, 30_000, 'the agent to be ready');
      const lines = p.out().trim().split('\n');
      expect(lines[0]).toMatch(/^Skillcraft sandbox listening on 127\.0\.0\.1:\d+ \(seed 2, preset forest, 1\.20\.1\)$/);
      expect(lines[1]).toMatch(/^dashboard: http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(lines[2]).toBe('skillcraft takes chat commands from boss: !task <goal>, !build <name>, !stop, !status, !plan, !come, !follow, !inventory');
      const port = Number(/:(\d+) \(seed/.exec(lines[0]!)![1]);
      const page = await fetch(/^dashboard: (\S+)$/.exec(lines[1]!)![1]!);
      expect(page.status).toBe(200);

      owner = mineflayer.createBot({ host: '127.0.0.1', port, username: 'boss', version: '1.20.1', auth: 'offline', hideErrors: true });
      const heard: string[] = [];
      owner.on('chat', (u, m) => { if (u === 'skillcraft') heard.push(m); });
      await once(owner, 'spawn', { signal: AbortSignal.timeout(15_000) });
      owner.chat('!status');
      await waitFor(() => heard.some((l) => l.startsWith('idle; health')), 10_000, 'the status reply');
      owner.chat('!task place a diamond');
      await waitFor(() => heard.some((l) => l.startsWith("can't do")), 10_000, 'the refusal');
      expect(heard.find((l) => l.startsWith("can't do"))).toMatch(/^can't do "place a diamond": /);
    } finally {
      quit(owner);
      p.child.kill('SIGINT');
    }
    const code = await p.done.finally(() => clearTimeout(timer));
    expect(code).toBe(0);
    expect(p.err()).toBe('');
  });
});
