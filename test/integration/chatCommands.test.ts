import { Writable } from 'node:stream';
import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSkillRegistry } from '../../skills/index.ts';
import { connectBot, disconnectBot } from '../../src/bot/connect.ts';
import { Session } from '../../src/control/session.ts';
import { startWatch, type Watch } from '../../src/control/watchRun.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { createLogger } from '../../src/log/logger.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { quit, testBot, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { openGroundNear } from '../helpers/world.ts';

const kb = createKnowledge('1.20.1');
const skills = createSkillRegistry();

describe('chat commands from a second player', () => {
  let sb: Sandbox;
  let agent: Bot;
  let owner: Bot;
  let stranger: Bot;
  let watch: Watch;
  let session: Session;
  /** What the owner's client saw the agent say, in order. */
  const heard: string[] = [];
  const records: { msg?: string; from?: string }[] = [];

  beforeAll(async () => {
    sb = await testSandbox({ seed: 3 });
    const logs = new Writable({
      write(chunk: Buffer, _enc, cb) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) records.push(JSON.parse(line) as { msg?: string });
        cb();
      },
    });
    const logger = createLogger({ level: 'info', format: 'json', destination: logs });
    agent = await connectBot({ host: sb.host, port: sb.port, username: 'agent', auth: 'offline', mcVersion: '1.20.1' }, { log: logger, signal: AbortSignal.timeout(30_000) });
    owner = await testBot(sb, 'owner');
    stranger = await testBot(sb, 'stranger');
    owner.on('chat', (username, message) => { if (username === 'agent') heard.push(message); });
    watch = await startWatch({ logger }, agent, { view: false, owners: ['owner'], chatIntervalMs: 300, commandBurst: 4, commandRefillMs: 1000 });
    session = new Session({
      world: { bot: agent }, skills, knowledge: kb, log: watch.logger, planner: () => createGraphPlanner({ skills, knowledge: kb }),
    });
    session.events.on(watch.sink);
    watch.listen(session);
  });
  afterAll(async () => {
    await session?.close();
    await watch?.close();
    quit(owner);
    quit(stranger);
    if (agent) await disconnectBot(agent);
    await sb?.stop();
  });

  /** Waits for the agent to say a line matching `re` after `from` lines were already heard. */
  async function said(re: RegExp, from: number, timeoutMs = 10_000): Promise<string> {
    await waitFor(() => heard.slice(from).some((l) => re.test(l)), timeoutMs, `the agent to say ${re}`);
    return heard.slice(from).find((l) => re.test(l))!;
  }

  it('a stranger\'s !task does nothing: no run, no reply, logged with the name', async () => {
    const before = heard.length;
    stranger.chat('!task crafting table');
    await waitFor(() => records.some((r) => r.msg === 'ignored !task from stranger, who is not an owner' && r.from === 'stranger'), 5000, 'the ignored command to be logged');
    // The owner's !status is answered after the stranger's line was handled: chat reaches the agent in order.
    owner.chat('!status');
    expect(await said(/^idle; health/, before)).toMatch(/^idle; health \d+\/20, food \d+\/20$/);
    expect(session.busy).toBe(false);
    expect(session.lastSummary).toBeUndefined();
    expect(heard.slice(before)).toHaveLength(1);
    expect(watch.dashboard).toBeUndefined();
  });

  it('!inventory answers with what the bot carries', async () => {
    await sb.command('give agent oak_log 2');
    await waitFor(() => agent.inventory.items().some((i) => i.name === 'oak_log'), 5000, 'the logs to arrive');
    const before = heard.length;
    owner.chat('!inventory');
    expect(await said(/^inventory:/, before)).toBe('inventory: 2 oak_log');
  });

  it('the owner\'s !task starts a run that completes, with plan and progress in chat', async () => {
    const before = heard.length;
    owner.chat('!task crafting table');
    expect(await said(/^on it:/, before)).toBe('on it: 1 crafting_table');
    await waitFor(() => session.lastSummary !== undefined, 60_000, 'the task to end');
    expect(session.lastSummary).toMatchObject({ success: true, reason: 'done' });
    expect(await said(/^done: 1 crafting_table/, before)).toMatch(/^done: 1 crafting_table in [\d.]+ s, \d+ steps/);
    const lines = heard.slice(before);
    expect(lines.some((l) => l.startsWith('task: 1 crafting_table') || l.startsWith('plan (') || l.startsWith('step 1:'))).toBe(true);
    expect(agent.inventory.items().some((i) => i.name === 'crafting_table')).toBe(true);
  });

  it('!stop stops a longer task within a few seconds', async () => {
    await sb.command('clear agent');
    const before = heard.length;
    owner.chat('!task stone pickaxe');
    await said(/^on it: 1 stone_pickaxe/, before);
    await waitFor(() => session.tracker.current?.running !== null && session.tracker.current !== null, 15_000, 'the first step to start');
    const t0 = Date.now();
    owner.chat('!stop');
    expect(await said(/^stopped /, before)).toBe('stopped task 1 stone_pickaxe');
    await waitFor(() => !session.busy, 5000, 'the session to be idle');
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(session.lastSummary).toMatchObject({ goal: '1 stone_pickaxe', success: false, reason: 'aborted' });
    expect(agent.pathfinder.isMoving()).toBe(false);
  });

  it('!come walks the bot to the owner', async () => {
    const spot = openGroundNear(agent, 7, 10);
    await sb.command(`tp owner ${spot.x} ${spot.y} ${spot.z}`);
    await waitFor(() => owner.entity.position.distanceTo(spot.offset(0.5, 0, 0.5)) < 1.5, 5000, 'the owner to arrive');
    await waitFor(() => (agent.players.owner?.entity?.position.distanceTo(spot.offset(0.5, 0, 0.5)) ?? 99) < 1.5, 5000, 'the agent to see the owner there');
    const start = agent.entity.position.distanceTo(owner.entity.position);
    expect(start).toBeGreaterThan(5);
    const before = heard.length;
    owner.chat('!come');
    expect(await said(/^coming|^I can't/, before)).toBe('coming, owner');
    expect(await said(/^here, owner$/, before, 30_000)).toBe('here, owner');
    expect(agent.entity.position.distanceTo(owner.entity.position)).toBeLessThan(3.5);
  });

  it('!follow keeps after the owner until !stop', async () => {
    const before = heard.length;
    owner.chat('!follow');
    expect(await said(/^following you|^I can't/, before)).toBe('following you, owner (!stop to stop)');
    const spot = openGroundNear(agent, 7, 10);
    await sb.command(`tp owner ${spot.x} ${spot.y} ${spot.z}`);
    await waitFor(() => owner.entity.position.distanceTo(spot.offset(0.5, 0, 0.5)) < 1.5, 5000, 'the owner to arrive');
    await waitFor(() => agent.entity.position.distanceTo(owner.entity.position) < 3.5, 20_000, 'the agent to catch up');
    owner.chat('!stop');
    expect(await said(/^stopped /, before)).toBe('stopped following owner');
    await waitFor(() => !session.busy, 5000, 'the session to be idle');
    expect(agent.pathfinder.goal).toBeNull();
  });

  it('an owner who floods commands is told once to slow down, and !stop still passes', async () => {
    await waitFor(() => watch.reporter.pending === 0, 5000, 'chat to be quiet');
    const before = heard.length;
    const sentBefore = watch.reporter.sent;
    for (let i = 0; i < 8; i++) owner.chat('!plan');
    owner.chat('!stop');
    await said(/^nothing to stop$/, before);
    await waitFor(() => watch.reporter.pending === 0 && heard.length - before === watch.reporter.sent - sentBefore, 10_000, 'every reply to arrive');
    const lines = heard.slice(before);
    expect(lines.filter((l) => l === 'owner: too many commands, wait a moment')).toHaveLength(1);
    const answered = lines.filter((l) => l === 'no task, no plan').length;
    expect(answered).toBeGreaterThanOrEqual(1);
    expect(answered).toBeLessThanOrEqual(5);
    expect(records.some((r) => r.msg === 'owner sends commands too fast; ignoring')).toBe(true);
  });
});

