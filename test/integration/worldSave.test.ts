import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bot } from 'mineflayer';
import { Vec3 } from 'vec3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSkillRegistry } from '../../skills/index.ts';
import { runTask } from '../../src/agent/run.ts';
import { connectBot } from '../../src/bot/connect.ts';
import { observe } from '../../src/bot/observe.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { vanillaOverworld } from '../../src/knowledge/vanillaOverworld.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { WorldSaveError } from '../../src/sandbox/worldSave/save.ts';
import { runBin } from '../helpers/cli.ts';
import { quit, testSandbox } from '../helpers/sandbox.ts';
import { addLightOnlySection, editChunk, fixtureSave, folderDigest } from '../helpers/worldSave.ts';

const require = createRequire(import.meta.url);
const kb = createKnowledge('1.20.1');
interface Column { getBlock(p: Vec3): { name: string } }
type AnvilCtor = new (dir: string) => { load(x: number, z: number): Promise<Column | null>; close(): Promise<unknown> };
const Anvil = (require('prismarine-provider-anvil') as { Anvil: (v: string) => AnvilCtor }).Anvil('1.20.1');
const FIXTURE_REGIONS = join(require.resolve('prismarine-provider-anvil/package.json'), '..', 'test', 'fixtures', '1.19.4');
const copiesLeft = () => readdirSync(tmpdir()).filter((f) => f.startsWith('skillcraft-world-')).length;

/** Block names of the column at world x,z from y0 to y1, as `at` tells them. */
function column(at: (p: Vec3) => string | undefined, x: number, z: number, y0 = -64, y1 = 140): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  for (let y = y0; y < y1; y++) out.push(at(new Vec3(x, y, z)));
  return out;
}

describe('serving a vanilla world save (the 1.19.4 region of prismarine-provider-anvil)', () => {
  const save = fixtureSave('1.19.4');
  let digest: string;
  let copiesBefore: number;
  let sb: Sandbox;
  let bot: Bot;

  beforeAll(async () => {
    const file = join(save.dir, 'region', 'r.0.0.mca');
    // As played vanilla and Paper worlds hold them: light-only sections in the spawn chunk, and a chunk
    // whose generation did not finish next to it.
    await editChunk(file, 6, 6, (tag) => { addLightOnlySection(tag, -5); addLightOnlySection(tag, 20); });
    await editChunk(file, 7, 6, (tag) => { tag.value.Status = { type: 'string', value: 'minecraft:features' }; });
    digest = folderDigest(save.dir);
    copiesBefore = copiesLeft();
    sb = await testSandbox({ world: { path: save.dir, spawn: { x: 96, z: 96 } } });
    bot = await connectBot({ host: sb.host, port: sb.port, username: 'settler', auth: 'offline', mcVersion: sb.options.version }, { log: silentLogger(), signal: AbortSignal.timeout(30_000) });
    await bot.waitForChunksToLoad();
  }, 60_000);
  afterAll(async () => { quit(bot); await sb?.stop(); save.remove(); });

  it('stands the bot on the ground at the spawn given, in the save\'s own biome, served by the version that reads it', () => {
    expect(sb.options.version).toBe('1.20.1');
    const p = bot.entity.position;
    expect([p.x, p.z]).toEqual([96.5, 96.5]);
    expect(bot.blockAt(p.offset(0, -1, 0))?.boundingBox).toBe('block');
    expect(observe(bot).biome).toBe('birch_forest');
  });

  it('serves the saved chunks block for block, the one with light-only sections too (the stock loader crashes on it)', async () => {
    const original = new Anvil(join(FIXTURE_REGIONS));
    const edited = new Anvil(join(save.dir, 'region'));
    try {
      await expect(edited.load(6, 6)).rejects.toThrow(/palette/);
      for (const [cx, cz] of [[6, 6], [6, 5], [5, 6]] as const) {
        const chunk = await original.load(cx, cz);
        const x = cx * 16 + 3;
        const z = cz * 16 + 11;
        expect(column((p) => bot.blockAt(p)?.name, x, z), `${cx},${cz}`).toEqual(column((p) => chunk!.getBlock(new Vec3(p.x & 15, p.y, p.z & 15)).name, x, z));
      }
    } finally {
      await Promise.all([original.close(), edited.close()]);
    }
  });

  it('leaves chunks not fully generated, and those beyond the save, to the generator', async () => {
    for (const [cx, cz] of [[7, 6], [-3, 6]] as const) {
      const made = sb.world.generateChunk(cx, cz) as unknown as Column;
      const served = await sb.server.overworld.getColumn(cx, cz) as Column;
      const x = cx * 16 + 5;
      const z = cz * 16 + 5;
      const local = (p: Vec3) => new Vec3(p.x & 15, p.y, p.z & 15);
      expect(column((p) => served.getBlock(local(p)).name, x, z), `${cx},${cz}`).toEqual(column((p) => made.getBlock(local(p)).name, x, z));
    }
    // The bot sees the same as the server where it has the chunk.
    expect(column((p) => bot.blockAt(p)?.name, 7 * 16 + 5, 6 * 16 + 5)).toEqual(column((p) => (sb.world.generateChunk(7, 6) as unknown as Column).getBlock(new Vec3(p.x & 15, p.y, p.z & 15)).name, 7 * 16 + 5, 6 * 16 + 5));
  });

  it('makes a stone pickaxe from nothing on this terrain, planning for vanilla', async () => {
    const skills = createSkillRegistry();
    const planner = createGraphPlanner({ skills, knowledge: kb, world: vanillaOverworld(kb) });
    const run = await runTask({ bot }, { kind: 'item', items: ['stone_pickaxe'], count: 1 }, {
      planner, skills, knowledge: kb, log: silentLogger(), signal: AbortSignal.timeout(150_000), limits: { maxSteps: 30 },
    });
    expect(run.summary.reason, run.summary.detail).toBe('done');
    expect(bot.inventory.items().some((i) => i.name === 'stone_pickaxe')).toBe(true);
  }, 160_000);

  it('never writes the save, and removes its copy when it stops', async () => {
    await sb.stop();
    expect(folderDigest(save.dir)).toBe(digest);
    expect(copiesLeft()).toBe(copiesBefore);
  });
});

describe('--save: the session written back into the save', () => {
  it('writes the changed region file back, the old one kept aside, and the save holds the change', async () => {
    const save = fixtureSave('1.19.4');
    try {
      const before = readdirSync(join(save.dir, 'region')).sort();
      const sb = await testSandbox({ world: { path: save.dir, spawn: { x: 96, z: 96 }, save: true } });
      const at = new Vec3(96, 120, 96);
      try {
        await sb.server.setBlock(sb.server.overworld, at, sb.server.registry.blocksByName.gold_block!.defaultState);
      } finally {
        await sb.stop();
      }
      // Only the save's own region files: none added for the terrain generated beyond it.
      expect(readdirSync(join(save.dir, 'region')).sort()).toEqual(before);
      const backups = readdirSync(save.dir).filter((f) => f.startsWith('skillcraft-backup-'));
      expect(backups).toHaveLength(1);
      expect(readdirSync(join(save.dir, backups[0]!, 'region'))).toEqual(['r.0.0.mca']);
      const now = new Anvil(join(save.dir, 'region'));
      const then = new Anvil(join(save.dir, backups[0]!, 'region'));
      try {
        expect((await now.load(6, 6))?.getBlock(new Vec3(0, 120, 0)).name).toBe('gold_block');
        expect((await then.load(6, 6))?.getBlock(new Vec3(0, 120, 0)).name).toBe('air');
      } finally {
        await Promise.all([now.close(), then.close()]);
      }
    } finally {
      save.remove();
    }
  }, 60_000);
});

describe('saves the sandbox cannot serve', () => {
  it('a save newer than the sandbox serves is refused in one line before anything starts', async () => {
    const save = fixtureSave('1.21.1');
    try {
      // As Minecraft 1.21.5 (data version 4325) would have written it.
      await editChunk(join(save.dir, 'region', 'r.0.0.mca'), 0, 0, (tag) => { tag.value.DataVersion = { type: 'int', value: 4325 }; });
      const err = await testSandbox({ world: { path: save.dir } }).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(WorldSaveError);
      expect((err as WorldSaveError).code).toBe('BAD_INPUT');
      expect((err as Error).message).toMatch(/written by Minecraft 1\.21\.5 \(data version 4325\): newer than the sandbox serves \(saves up to 1\.21\.4\)/);
      const cli = await runBin(['serve', '--port', '0', '--world', save.dir], { cwd: tmpdir(), env: { ...process.env, NO_COLOR: '1' }, timeoutMs: 30_000 });
      expect(cli.code).toBe(2);
      expect(cli.stderr.trim().split('\n')).toHaveLength(1);
      expect(cli.stderr).toMatch(/1\.21\.5/);
    } finally {
      save.remove();
    }
  });

  it('a folder that is no world save', async () => {
    await expect(testSandbox({ world: { path: tmpdir() } })).rejects.toThrow(/no region files/);
    await expect(testSandbox({ world: { path: join(tmpdir(), 'no-such-world') } })).rejects.toThrow(/no such folder/);
  });
});
