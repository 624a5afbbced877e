// `skillcraft agent --bots 2`, the real executable on its embedded sandbox: an owner (a second mineflayer client)
// drives the team in chat. Only the first member answers; a task is shared by the team; !stop stops every member;
// a member kicked while idle comes back; Ctrl+C ends it all with exit 0.
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Bot } from 'mineflayer';
import mineflayer from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHILD_ENV as env } from '../helpers/faults.ts';
import { quit, waitFor } from '../helpers/sandbox.ts';
import { startBin, type BinProcess } from '../helpers/cli.ts';

const SEED = '20261206';
const NAMES = ['skillcraft1', 'skillcraft2'];
let cwd: string;
beforeAll(() => { cwd = mkdtempSync(path.join(tmpdir(), 'skillcraft-agent-team-')); });
afterAll(() => { rmSync(cwd, { recursive: true, force: true }); });

type Proc = BinProcess;
const start = (args: string[]): Proc => startBin(args, { cwd, env });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('skillcraft agent --bots', () => {
  it('refuses a bad --bots with one line and exit 2, before joining anything', async () => {
    const p = start(['agent', '--owner', 'boss', '--bots', '9', '--no-view']);
    const timer = setTimeout(() => p.child.kill('SIGKILL'), 20_000);
    const code = await p.done.finally(() => clearTimeout(timer));
    expect(code).toBe(2);
    expect(p.err().trim()).toBe('--bots must be a whole number from 1 to 8 (got "9")');
    expect(p.out()).toBe('');
  });

  describe('a team of two driven by its owner in chat', () => {
    let p: Proc;
    let owner: Bot;
    let killer: NodeJS.Timeout;
    let dashboard: string;
    /** What each member said in chat. */
    const heard: Record<string, string[]> = { skillcraft1: [], skillcraft2: [] };
    const said = (prefix: string) => heard.skillcraft1!.find((l) => l.startsWith(prefix));
    const ask = async (command: string, prefix: string, timeoutMs = 10_000): Promise<string> => {
      const before = heard.skillcraft1!.length;
      owner.chat(command);
      await waitFor(() => heard.skillcraft1!.slice(before).some((l) => l.startsWith(prefix)), timeoutMs, `a reply to ${command} starting "${prefix}"`);
      return heard.skillcraft1!.slice(before).find((l) => l.startsWith(prefix))!;
    };
    const outLines = () => p.out().split('\n').filter(Boolean);

    beforeAll(async () => {
      p = start(['agent', '--bots', '2', '--owner', 'boss', '--seed', SEED, '--quiet-chat', '--runs-dir', path.join(cwd, 'runs'), '--log-level', 'error']);
      killer = setTimeout(() => p.child.kill('SIGKILL'), 280_000);
      await waitFor(() => /take chat commands from boss/.test(p.out()) || p.child.exitCode !== null, 60_000, 'the team to be ready');
      const lines = outLines();
      expect(lines[0]).toMatch(new RegExp(`^Skillcraft sandbox listening on 127\\.0\\.0\\.1:\\d+ \\(seed ${SEED}, preset forest, 1\\.20\\.1\\)$`));
      expect(lines[1]).toMatch(/^dashboard: http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(lines[2]).toBe('skillcraft1, skillcraft2 take chat commands from boss (skillcraft1 answers): !task <goal>, !stop, !status, !plan, !come, !follow, !inventory');
      dashboard = /^dashboard: (\S+)$/.exec(lines[1]!)![1]!;
      const port = Number(/:(\d+) \(seed/.exec(lines[0]!)![1]);
      owner = mineflayer.createBot({ host: '127.0.0.1', port, username: 'boss', version: '1.20.1', auth: 'offline', hideErrors: true });
      owner.on('chat', (u, m) => { heard[u]?.push(m); });
      await once(owner, 'spawn', { signal: AbortSignal.timeout(15_000) });
    }, 90_000);

    afterAll(async () => {
      quit(owner);
      if (p.child.exitCode === null) p.child.kill('SIGINT');
      await p.done.finally(() => clearTimeout(killer));
    }, 30_000);

    it('!status names both members while idle; the dashboard has a row for each', async () => {
      expect(await ask('!status', 'idle')).toMatch(/^idle: skillcraft1, skillcraft2; health \d+\/20, food \d+\/20$/);
      const state = await (await fetch(new URL('state', dashboard))).json() as { team: { members: { name: string }[] } | null };
      expect(state.team?.members.map((m) => m.name)).toEqual(NAMES);
    });

    it('!come brings both members to the owner; !follow has both follow until !stop', async () => {
      expect(await ask('!come', 'coming')).toBe('coming, boss');
      await waitFor(() => heard.skillcraft1!.some((l) => l.includes('here, boss') || l.includes("can't")), 60_000, 'the walk to end');
      expect(said('here, boss')).toBe('here, boss');
      for (const n of NAMES) expect(owner.players[n]?.entity?.position.distanceTo(owner.entity.position) ?? Infinity, n).toBeLessThan(5);
      expect(await ask('!follow', 'following')).toBe('following you, boss (!stop to stop)');
      expect(await ask('!status', 'following')).toMatch(/^following boss: skillcraft1 following; skillcraft2 following; health/);
      expect(await ask('!stop', 'stopped')).toBe('stopped following boss');
      expect(await ask('!status', 'idle')).toMatch(/^idle: skillcraft1, skillcraft2; health/);
    }, 90_000);

    it('!task 6 oak_log: the team does it, says done once, and the first member holds the logs', async () => {
      expect(await ask('!task 6 oak_log', 'on it')).toBe('on it: 6 oak_log');
      // One team task at a time.
      expect(await ask('!task 1 dirt', "can't do")).toBe(`can't do "1 dirt": busy with team task 6 oak_log; !stop it first`);
      const status = await ask('!status', 'team task');
      expect(status).toMatch(/^team task 6 oak_log \(\d+\.\d s[,)]/);
      for (const n of NAMES) expect(status).toContain(n);
      await waitFor(() => heard.skillcraft1!.some((l) => /^(done|not done): 6 oak_log/.test(l)), 150_000, 'the team task to end');
      expect(said('done: 6 oak_log'), `${heard.skillcraft1!.join('\n')}\n${p.out()}`).toMatch(/^done: 6 oak_log in [\d.]+ s by 2 bots, \d+ hand-overs$/);
      // The first member's part of the reply, whether !inventory lists one member or every member.
      const inventory = (await ask('!inventory', 'inventory:')).split(';')[0]!;
      expect(Number(/(\d+) oak_log/.exec(inventory)?.[1] ?? 0), inventory).toBeGreaterThanOrEqual(6);
      expect(await ask('!status', 'idle')).toMatch(/^idle: skillcraft1, skillcraft2; last team task 6 oak_log: done in [\d.]+ s by 2 bots/);
      const state = await (await fetch(new URL('state', dashboard))).json() as { team: { end: { success: boolean } | null } };
      expect(state.team.end?.success).toBe(true);
    }, 180_000);

    it('!stop during a longer task stops both members: every run ends, nobody moves or runs a skill after', async () => {
      const from = p.out().length;
      const since = () => p.out().slice(from).split('\n').filter(Boolean);
      expect(await ask('!task 16 oak_log', 'on it')).toBe('on it: 16 oak_log');
      // Both at work on their shares (a member's run starts with its `task:` line).
      await waitFor(() => NAMES.every((n) => since().some((l) => l.startsWith(`[${n}]`) && l.includes(' task: '))), 60_000, 'both members to start their shares');
      await sleep(3000);
      const reply = await ask('!stop', 'stopped', 60_000);
      expect(reply).toBe('stopped team task 16 oak_log');
      // Every run that started has ended by the time the stop is answered.
      const lines = since();
      for (const n of NAMES) {
        const runs = lines.filter((l) => l.startsWith(`[${n}]`) && l.includes(' task: ')).length;
        const ends = lines.filter((l) => new RegExp(`^\\[${n}\\]\\s+(done|not done): `).test(l)).length;
        expect(ends, lines.join('\n')).toBe(runs);
      }
      const at = NAMES.map((n) => owner.players[n]?.entity?.position.clone());
      const printed = p.out().length;
      await sleep(4000);
      // Nothing runs any more: no step is printed, no member walks (the owner sees them both).
      expect(p.out().slice(printed)).not.toMatch(/\] step \d+/);
      NAMES.forEach((n, i) => {
        const now = owner.players[n]?.entity?.position;
        if (at[i] && now) expect(Math.hypot(now.x - at[i].x, now.z - at[i].z), n).toBeLessThan(0.5);
      });
      expect(await ask('!status', 'idle')).toMatch(/^idle: skillcraft1, skillcraft2; last team task 16 oak_log: not done/);
      expect(await ask('!plan', 'no task')).toBe('no task, no plan');
    }, 120_000);

    it('a member kicked while idle reconnects, and the first member still answers after its own kick', async () => {
      owner.chat('/kick skillcraft2 idle test');
      await waitFor(() => /^\[skillcraft2\] reconnected$/m.test(p.out()), 60_000, 'skillcraft2 to reconnect');
      expect(p.out()).toMatch(/^\[skillcraft2\] connection lost while idle; reconnecting$/m);
      owner.chat('/kick skillcraft1 idle test');
      await waitFor(() => /^\[skillcraft1\] reconnected$/m.test(p.out()), 60_000, 'skillcraft1 to reconnect');
      expect(await ask('!status', 'idle')).toMatch(/^idle: skillcraft1, skillcraft2/);
    }, 150_000);

    it('answers from the first member only, and Ctrl+C stops everything with exit 0', async () => {
      expect(heard.skillcraft2).toEqual([]);
      p.child.kill('SIGINT');
      const code = await p.done;
      expect(code).toBe(0);
      expect(p.err()).toBe('');
    }, 30_000);
  });
});
