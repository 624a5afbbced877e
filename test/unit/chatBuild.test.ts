// Owners' `!build <name>` before anything joins a world: the command read from chat, the names a schematics
// folder offers, every refusal as the one line the owner reads, and the folder's setting (flag > env > file).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Bot } from 'mineflayer';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtLine } from '../../src/agent/buildJob.ts';
import { spongeBytes } from '../../src/build/examples.ts';
import type { StructureBlock } from '../../src/build/types.ts';
import { CONFIG_FILE, DEFAULT_SCHEMATICS, loadConfig } from '../../src/config/index.ts';
import { ChatCommands, NO_BUILD } from '../../src/control/chat/commands.ts';
import { ChatReporter } from '../../src/control/chat/reporter.ts';
import { findSchematic, notPlainName, pickSchematic, schematicNames } from '../../src/control/chat/schematics.ts';
import { helpLine, parseCommand } from '../../src/control/commands.ts';
import { Session, type Controllable } from '../../src/control/session.ts';
import { TeamSession } from '../../src/control/teamSession.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { createSkillRegistry, BUILD_SKILLS } from '../../skills/index.ts';

const log = pino({ level: 'silent' });
let dir: string;
const b = (x: number, name: string): StructureBlock => ({ x, y: 0, z: 0, name, props: {} });
function schem(file: string, blocks: StructureBlock[]): void {
  writeFileSync(path.join(dir, file), spongeBytes({ name: path.parse(file).name, size: { x: blocks.length, y: 1, z: 1 }, blocks, format: 'sponge' }));
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'skillcraft-chatbuild-'));
  schem('tiny.schem', [b(0, 'dirt'), b(1, 'dirt')]);
  schem('altar.schem', [b(0, 'cobblestone'), b(1, 'bedrock')]);
  schem('same.schem', [b(0, 'dirt')]);
  writeFileSync(path.join(dir, 'same.nbt'), 'not read: .schem comes first');
  writeFileSync(path.join(dir, 'Tower.litematic'), '');
  writeFileSync(path.join(dir, 'notes.txt'), 'not a structure');
  writeFileSync(path.join(dir, '.hidden.schem'), '');
  mkdirSync(path.join(dir, 'sub.schem'));
});
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

describe('!build in chat', () => {
  it('parses with and without a name, and !help lists it', () => {
    expect(parseCommand('!build hut')).toEqual({ kind: 'command', name: 'build', arg: 'hut' });
    expect(parseCommand('  !BUILD   my hut ')).toEqual({ kind: 'command', name: 'build', arg: 'my hut' });
    expect(parseCommand('!build')).toEqual({ kind: 'command', name: 'build', arg: '' });
    expect(helpLine()).toContain('!build');
  });

  it('takes plain names only', () => {
    for (const bad of ['../x', '..', 'a/b', 'a\\b', '/etc/passwd', 'C:x', '.hidden', 'a..b', 'x\u0007']) {
      expect(notPlainName(bad), bad).toBe(`"${bad}" is not a schematic name: a plain file name from the schematics folder, e.g. !build hut`);
    }
    for (const good of ['hut', 'hut.schem', 'my hut', 'Tower_2', 'château']) expect(notPlainName(good), good).toBeUndefined();
  });

  it('names the structure files of a listing, and picks the file a name means', () => {
    const files = ['tiny.schem', 'same.nbt', 'same.schem', 'Tower.litematic', 'notes.txt', '.hidden.schem', 'old.SCHEMATIC'];
    expect(schematicNames(files)).toEqual(['old', 'same', 'tiny', 'Tower']);
    expect(pickSchematic(files, 'tiny')).toBe('tiny.schem');
    expect(pickSchematic(files, 'tiny.schem')).toBe('tiny.schem');
    expect(pickSchematic(files, 'same')).toBe('same.schem');
    expect(pickSchematic(files, 'same.nbt')).toBe('same.nbt');
    expect(pickSchematic(files, 'tower')).toBe('Tower.litematic');
    expect(pickSchematic(files, 'old')).toBe('old.SCHEMATIC');
    expect(pickSchematic(files, 'notes')).toBeUndefined();
    expect(pickSchematic(files, 'hidden')).toBeUndefined();
    expect(pickSchematic(files, 'tin')).toBeUndefined();
  });

  it('looks names up in a folder: the file, the names on offer, a folder that is not there', async () => {
    expect(await findSchematic(dir, 'tiny')).toEqual({ ok: true, name: 'tiny', file: path.join(dir, 'tiny.schem') });
    const offer = 'schematics: altar, same, tiny, Tower — !build <name>';
    expect(await findSchematic(dir, '')).toEqual({ ok: false, message: offer });
    expect(await findSchematic(dir, 'sub')).toEqual({ ok: false, message: `no schematic "sub"; ${offer}` });
    expect(await findSchematic(dir, '../tiny')).toMatchObject({ ok: false, message: expect.stringMatching(/^"\.\.\/tiny" is not a schematic name/) as unknown });
    const empty = path.join(dir, 'sub.schem');
    expect(await findSchematic(empty, 'x')).toEqual({ ok: false, message: `no schematics (.schem, .schematic, .nbt, .litematic) in ${empty}` });
    expect(await findSchematic(path.join(dir, 'gone'), '')).toEqual({ ok: false, message: `cannot read the schematics folder ${path.join(dir, 'gone')}: no such folder` });
  });

  it('the shipped examples are the default folder, found from the package, not the working directory', async () => {
    expect(DEFAULT_SCHEMATICS).toBe(path.resolve(import.meta.dirname, '../../examples/schematics'));
    const r = await findSchematic(DEFAULT_SCHEMATICS, '');
    expect(r.ok ? '' : r.message).toBe('schematics: bridge, farm, house, hut, tower — !build <name>');
  });

  it('the folder setting: --schematics > SKILLCRAFT_SCHEMATICS > the config file > the default', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'skillcraft-chatbuild-config-'));
    try {
      expect(loadConfig({ env: {}, cwd }).build.schematics).toBe(DEFAULT_SCHEMATICS);
      writeFileSync(path.join(cwd, CONFIG_FILE), JSON.stringify({ build: { schematics: 'from-file' } }));
      expect(loadConfig({ env: {}, cwd }).build.schematics).toBe('from-file');
      expect(loadConfig({ env: { SKILLCRAFT_SCHEMATICS: 'from-env' }, cwd }).build.schematics).toBe('from-env');
      expect(loadConfig({ env: { SKILLCRAFT_SCHEMATICS: 'from-env' }, cwd, flags: { schematics: 'from-flag' } }).build.schematics).toBe('from-flag');
      expect(() => loadConfig({ env: {}, cwd, flags: { schematics: ' ' } })).toThrow('config: schematics must be the path of a folder of structure files (got " " from --schematics)');
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});

describe("the owner's reply lines", () => {
  /** Owner `boss` says `text` to a bot obeying `control`; resolves with what the bot answered. */
  async function ask(control: Controllable, text: string): Promise<string[]> {
    const said: string[] = [];
    const reporter = new ChatReporter({ say: (t) => said.push(t), minIntervalMs: 0 });
    const commands = new ChatCommands({ bot: { username: 'agent' } as Bot, control, reporter, owners: ['boss'], log });
    await commands.receive('boss', text);
    return said;
  }
  const kb = createKnowledge('1.20.1');
  const skills = createSkillRegistry(BUILD_SKILLS);
  // Every refusal comes before the bot is looked at: none of these sessions has one.
  const noBot = { get bot(): Bot { throw new Error('a refusal must not need the bot'); } };

  it('a session lists, refuses a path, an unknown name and a block survival cannot give, naming it', async () => {
    const session = new Session({
      world: noBot, skills, knowledge: kb, log, planner: () => { throw new Error('no planning for a refusal'); },
      build: { folder: dir, skills, planner: () => { throw new Error('no planning for a refusal'); } },
    });
    expect(await ask(session, '!build')).toEqual(['schematics: altar, same, tiny, Tower — !build <name>']);
    expect(await ask(session, '!build ../x')).toEqual(['"../x" is not a schematic name: a plain file name from the schematics folder, e.g. !build hut']);
    expect(await ask(session, '!build castle')).toEqual(['no schematic "castle"; schematics: altar, same, tiny, Tower — !build <name>']);
    const [refusal, ...more] = await ask(session, '!build altar');
    expect(refusal).toMatch(/^cannot build altar in survival: bedrock ×1 \(.+\)$/);
    expect(more).toEqual([]);
    expect(session.busy).toBe(false);
  });

  it('a session without a folder, a one-job run and a team each say why in one line', async () => {
    const bare = new Session({ world: noBot, skills, knowledge: kb, log, planner: () => { throw new Error('unused'); } });
    expect(await ask(bare, '!build tiny')).toEqual(['this bot has no schematics folder to build from']);
    const oneJob: Controllable = {
      startTask: () => Promise.resolve({ ok: false, message: 'one job' }), come: () => Promise.resolve({ ok: false, message: 'one job' }),
      follow: () => Promise.resolve({ ok: false, message: 'one job' }), stop: () => Promise.resolve(null), statusLine: () => 'idle', planLine: () => 'no plan',
    };
    expect(await ask(oneJob, '!build tiny')).toEqual([NO_BUILD]);
    const team = Object.create(TeamSession.prototype) as TeamSession;
    expect(await ask(team, '!build tiny')).toEqual(['a team does not build yet: !build needs one bot (skillcraft agent without --bots)']);
  });

  it('the last line of a build, in chat and on the terminal', () => {
    const s = { success: true, progress: '5 / 5 placed, wrong: 0', rounds: 1, placed: 5, placedTwice: 0, interruptions: 0, gameSeconds: 12.5, gatherSteps: 0, traceDir: 'runs/x' };
    expect(builtLine('tiny', s)).toBe('built: tiny, 5 / 5 placed, wrong: 0 in 12.5 game s (1 round(s), 0 gathering steps, 5 placed)');
    expect(builtLine('tiny', s, { trace: true })).toBe('built: tiny, 5 / 5 placed, wrong: 0 in 12.5 game s (1 round(s), 0 gathering steps, 5 placed); trace runs/x');
    expect(builtLine('tiny', { ...s, success: false, progress: '2 / 5 placed, wrong: 0', placed: 2, interruptions: 1, detail: 'stopped' }))
      .toBe('not built: tiny, 2 / 5 placed, wrong: 0 in 12.5 game s (1 round(s), 0 gathering steps, 2 placed, 1 interruption(s)) — stopped');
  });
});
