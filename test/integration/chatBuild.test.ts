// Owners' `!build <name>` with real bots: an agent Session takes the owner's chat, builds a tiny schematic
// from a temp schematics folder near itself (the items given by op command, so nothing is gathered) and says
// how it ended; the owner's own view of the world shows every block. A file with bedrock is refused naming
// it before anything is placed, a path is refused, and !stop stops a build that is still gathering.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_SKILLS, createSkillRegistry } from '../../skills/index.ts';
import type { RunEvent } from '../../src/agent/events.ts';
import { connectBot, disconnectBot } from '../../src/bot/connect.ts';
import { spongeBytes } from '../../src/build/examples.ts';
import type { Structure, StructureBlock } from '../../src/build/types.ts';
import { Session } from '../../src/control/session.ts';
import { startWatch, type Watch } from '../../src/control/watchRun.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { createLogger } from '../../src/log/logger.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { Vec3 } from '../helpers/items.ts';
import { quit, testBot, testSandbox, waitFor } from '../helpers/sandbox.ts';

const kb = createKnowledge('1.20.1');
const skills = createSkillRegistry();
const buildSkills = createSkillRegistry(BUILD_SKILLS);
const dir = mkdtempSync(path.join(tmpdir(), 'skillcraft-chatbuild-'));
const schematics = path.join(dir, 'schematics');
const traces = path.join(dir, 'runs');

const b = (x: number, y: number, z: number, name: string): StructureBlock => ({ x, y, z, name, props: {} });
/** Two dirt blocks with a plank on each: no block state to get wrong, placed in seconds. */
const TINY = [b(0, 0, 0, 'dirt'), b(1, 0, 0, 'dirt'), b(0, 1, 0, 'oak_planks'), b(1, 1, 0, 'oak_planks')];
function schem(name: string, blocks: StructureBlock[]): void {
  const size = { x: Math.max(...blocks.map((k) => k.x)) + 1, y: Math.max(...blocks.map((k) => k.y)) + 1, z: Math.max(...blocks.map((k) => k.z)) + 1 };
  const s: Structure = { name, size, blocks, format: 'sponge' };
  writeFileSync(path.join(schematics, `${name}.schem`), spongeBytes(s));
}

describe('!build from a second player', () => {
  let sb: Sandbox;
  let agent: Bot;
  let owner: Bot;
  let watch: Watch;
  let session: Session;
  /** What the owner's client saw the agent say, in order. */
  const heard: string[] = [];
  const events: RunEvent[] = [];

  beforeAll(async () => {
    mkdirSync(schematics);
    schem('tiny', TINY);
    schem('altar', [b(0, 0, 0, 'cobblestone'), b(1, 0, 0, 'bedrock')]);
    schem('wall', [0, 1, 2, 3, 4, 5].map((x) => b(x, 0, 0, 'dirt')));
    sb = await testSandbox({ seed: 7, preset: 'plains' });
    const logger = createLogger({ level: 'warn', format: 'json' });
    agent = await connectBot({ host: sb.host, port: sb.port, username: 'agent', auth: 'offline', mcVersion: '1.20.1' }, { log: logger, signal: AbortSignal.timeout(30_000) });
    owner = await testBot(sb, 'owner');
    owner.on('chat', (username, message) => { if (username === 'agent') heard.push(message); });
    watch = await startWatch({ logger }, agent, { view: false, owners: ['owner'], chatIntervalMs: 300, commandBurst: 8, commandRefillMs: 500 });
    session = new Session({
      world: { bot: agent }, skills, knowledge: kb, log: watch.logger, traceRoot: traces,
      planner: () => createGraphPlanner({ skills, knowledge: kb }),
      build: { folder: schematics, skills: buildSkills, planner: () => createGraphPlanner({ skills: buildSkills, knowledge: kb }) },
    });
    session.events.on(watch.sink);
    session.events.on((e) => events.push(e));
    watch.listen(session);
  }, 60_000);
  afterAll(async () => {
    await session?.close();
    await watch?.close();
    quit(owner);
    if (agent) await disconnectBot(agent);
    await sb?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Waits for the agent to say a line matching `re` after `from` lines were already heard. */
  async function said(re: RegExp, from: number, timeoutMs = 10_000): Promise<string> {
    await waitFor(() => heard.slice(from).some((l) => re.test(l)), timeoutMs, `the agent to say ${re}`);
    return heard.slice(from).find((l) => re.test(l))!;
  }
  const placedEvents = () => events.filter((e) => e.event === 'placed').length;
  const count = (item: string) => agent.inventory.items().filter((i) => i.name === item).reduce((n, i) => n + i.count, 0);

  it('!build with no name lists the schematics; a path is refused in one line', async () => {
    let before = heard.length;
    owner.chat('!build');
    expect(await said(/^schematics:/, before)).toBe('schematics: altar, tiny, wall — !build <name>');
    before = heard.length;
    owner.chat('!build ../tiny');
    expect(await said(/schematic name/, before)).toBe('"../tiny" is not a schematic name: a plain file name from the schematics folder, e.g. !build hut');
    expect(session.busy).toBe(false);
  });

  it('a schematic with bedrock is refused naming it, and nothing is placed', async () => {
    await sb.command('give agent cobblestone 1');
    await waitFor(() => count('cobblestone') === 1, 5000, 'the cobblestone to arrive');
    const before = heard.length;
    owner.chat('!build altar');
    expect(await said(/^cannot build/, before)).toMatch(/^cannot build altar in survival: bedrock ×1 \(.+\)$/);
    expect(session.busy).toBe(false);
    expect(placedEvents()).toBe(0);
    expect(count('cobblestone')).toBe(1);
    expect(heard.slice(before).some((l) => l.startsWith('on it'))).toBe(false);
    await sb.command('clear agent');
  });

  it('!build tiny builds it near the bot: the owner sees every block, and the last line says so', async () => {
    await sb.command('give agent dirt 2');
    await sb.command('give agent oak_planks 2');
    await waitFor(() => count('dirt') === 2 && count('oak_planks') === 2, 5000, 'the blocks to arrive');
    const before = heard.length;
    owner.chat('!build tiny');
    const onIt = await said(/^on it:|^can't|^cannot/, before);
    const m = /^on it: building tiny \(2×2×1, 4 blocks\) at (-?\d+),(-?\d+),(-?\d+)$/.exec(onIt);
    expect(m, onIt).not.toBeNull();
    const origin = new Vec3(Number(m![1]), Number(m![2]), Number(m![3]));
    expect(origin.distanceTo(agent.entity.position)).toBeLessThan(30);
    owner.chat('!status');
    expect(await said(/^building tiny|^idle/, before)).toMatch(/^building tiny: (surveying the site|\d \/ 4 placed, wrong: 0)|^idle; last built: tiny/);
    const last = await said(/^(not )?built:/, before, 90_000);
    expect(last).toMatch(/^built: tiny, 4 \/ 4 placed, wrong: 0 in [\d.]+ game s \(1 round\(s\), 0 gathering steps, 4 placed\)$/);
    await waitFor(() => !session.busy, 5000, 'the session to be idle');
    // The owner's own client, not the builder's, shows the structure.
    for (const k of TINY) {
      const at = origin.offset(k.x, k.y, k.z);
      await waitFor(() => owner.blockAt(at)?.name === k.name, 5000, `the owner to see ${k.name} at ${at.x},${at.y},${at.z}`);
    }
    expect(placedEvents()).toBe(4);
    expect(events.some((e) => e.event === 'build' && e.placed === 4 && e.total === 4)).toBe(true);
    expect(events.filter((e) => e.event === 'activity').map((e) => e.text)).toEqual(['building tiny', null]);
    const after = heard.length;
    owner.chat('!status');
    expect(await said(/^idle/, after)).toMatch(/^idle; last built: tiny, 4 \/ 4 placed/);
    expect(readdirSync(traces).length).toBeGreaterThan(0);
  }, 120_000);

  it('!stop stops a build that is gathering; the last line says it was not built', async () => {
    // Everything given went into tiny: the wall's dirt has to be dug.
    expect(count('dirt')).toBe(0);
    const before = heard.length;
    owner.chat('!build wall');
    expect(await said(/^on it:|^can't|^cannot/, before)).toMatch(/^on it: building wall \(6×1×1, 6 blocks\) at /);
    await waitFor(() => session.tracker.current?.running != null, 30_000, 'the gathering to start a step');
    owner.chat('!stop');
    expect(await said(/^stopped /, before)).toBe('stopped building wall');
    expect(await said(/^(not )?built: wall/, before)).toMatch(/^not built: wall, \d \/ 6 placed, wrong: 0 .* — /);
    expect(session.busy).toBe(false);
  }, 90_000);
});
