import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import { Vec3 } from 'vec3';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { quit, testBot, testSandbox, waitFor } from '../helpers/sandbox.ts';

const SEED = 424242;

describe('generated world seen by a mineflayer bot (forest)', () => {
  let sb: Sandbox;
  let twin: Sandbox | undefined;
  let bot: Bot | undefined;
  beforeAll(async () => {
    sb = await testSandbox({ seed: SEED, preset: 'forest', viewDistance: 4 });
    bot = await testBot(sb);
  });
  afterAll(async () => {
    quit(bot);
    await sb.stop();
    await twin?.stop();
  });

  it('spawns on solid dry ground with free head space', async () => {
    const b = bot!;
    const spawn = sb.world.spawnPoint();
    // The server may still be settling the bot onto the ground after the first position packet.
    await waitFor(() => b.entity.onGround, 5000, 'the bot to stand on the ground');
    const feet = b.entity.position.floored();
    expect(feet).toEqual(spawn);
    const below = b.blockAt(feet.offset(0, -1, 0));
    expect(['grass_block', 'dirt', 'sand']).toContain(below?.name);
    expect(below?.boundingBox).toBe('block');
    expect(b.blockAt(feet)?.name).toBe('air');
    expect(b.blockAt(feet.offset(0, 1, 0))?.name).toBe('air');
  });

  it('sees logs, leaves, stone, water and sand within 48 blocks', () => {
    const b = bot!;
    const find = (...names: string[]) => b.findBlocks({
      matching: names.map((n) => b.registry.blocksByName[n]!.id),
      maxDistance: 48,
      count: 1,
    });
    expect(find('oak_log', 'birch_log')).toHaveLength(1);
    expect(find('oak_leaves', 'birch_leaves')).toHaveLength(1);
    expect(find('stone')).toHaveLength(1);
    expect(find('water')).toHaveLength(1);
    expect(find('sand')).toHaveLength(1);
  });

  it('builds the same blocks in a second sandbox with the same seed', async () => {
    const b = bot!;
    twin = await testSandbox({ seed: SEED, preset: 'forest', viewDistance: 4 });
    expect(twin.world.spawnPoint()).toEqual(sb.world.spawnPoint());
    const spawn = sb.world.spawnPoint();
    const chunks = new Map<string, ReturnType<Sandbox['world']['generateChunk']>>();
    let compared = 0;
    let differences = 0;
    for (let dz = -24; dz <= 24; dz++) {
      for (let dx = -24; dx <= 24; dx++) {
        const x = spawn.x + dx;
        const z = spawn.z + dz;
        const key = `${Math.floor(x / 16)},${Math.floor(z / 16)}`;
        let chunk = chunks.get(key);
        if (!chunk) chunks.set(key, (chunk = twin.world.generateChunk(Math.floor(x / 16), Math.floor(z / 16))));
        for (let y = spawn.y - 20; y <= spawn.y + 12; y++) {
          const seen = b.world.getBlockStateId(new Vec3(x, y, z));
          if (seen === undefined) continue;
          compared++;
          if (seen !== chunk.getBlockStateId(new Vec3(x & 15, y, z & 15))) differences++;
        }
      }
    }
    expect(compared).toBeGreaterThan(49 * 49 * 30);
    expect(differences).toBe(0);
  });
});
