import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useItemOnBlock, type UseResult } from '../../skills/useItemOnBlock.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import type { SkillOutcome } from '../../src/skills/types.ts';
import { counts, expectInventoriesMatch } from '../helpers/inventory.ts';
import { serverPlayer } from '../helpers/items.ts';
import { quit, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { resetRoom, roomAt, Vec3, type InteractRoom } from '../helpers/skillsInteract.ts';
import { runOn, skillBot } from '../helpers/skills.ts';

function resultOf(out: SkillOutcome): UseResult {
  if (!out.ok) throw new Error(`skill failed: ${out.code} ${out.message}`);
  return out.result as UseResult;
}

interface ComponentItem { componentMap?: Map<string, { data: unknown }> }

// 1.21.4 differs where it matters here: use_item carries the look, the reach is 4.5 from the eyes, a
// potion names its potion in a data component, and pale oak is a wood.
describe('using items on blocks (sandbox 1.21.4, seed 9)', () => {
  let sb: Sandbox;
  let bot: Bot;
  let room: InteractRoom;

  beforeAll(async () => {
    sb = await testSandbox({ seed: 9, preset: 'plains', version: '1.21.4' });
    bot = await skillBot(sb, 'cooper');
    const spawn = bot.entity.position.floored();
    room = roomAt(new Vec3(spawn.x, 200, spawn.z));
  });

  afterAll(async () => {
    quit(bot);
    await sb?.stop();
  });

  it('useItemOnBlock strips a pale oak log and mines it', async () => {
    await resetRoom(sb, bot, room, { 36: 'stone_axe' });
    await sb.server.setBlock(sb.server.overworld, room.log, sb.server.registry.blocksByName.pale_oak_log!.defaultState);
    await waitFor(() => bot.blockAt(room.log)?.name === 'pale_oak_log', 3000, 'the pale oak log');
    const result = resultOf(await runOn(bot, useItemOnBlock, { block: 'pale_oak_log', use: 'axe' }));
    expect(result.gained).toEqual({ stripped_pale_oak_log: 1 });
    // Server-side: the sandbox keeps wear in the NBT, which 1.20.5+ slots (components) do not carry to clients.
    expect(serverPlayer(sb, bot).inventory.slots[36]?.durabilityUsed).toBe(2);
    await expectInventoriesMatch(sb, bot);
  });

  it('an empty bucket fills from the pool along the look the use_item packet carries', async () => {
    await resetRoom(sb, bot, room, { 36: 'bucket' });
    const result = resultOf(await runOn(bot, useItemOnBlock, { block: 'water', use: 'bucket' }));
    expect(result.gained).toEqual({ water_bucket: 1 });
    expect(counts(bot)).toEqual({ water_bucket: 1 });
    await expectInventoriesMatch(sb, bot);
  });

  it('a glass bottle fills with water: a potion whose potion_contents component is the water potion', async () => {
    await resetRoom(sb, bot, room, { 36: 'glass_bottle' });
    const result = resultOf(await runOn(bot, useItemOnBlock, { block: 'water', use: 'glass_bottle' }));
    expect(result.gained).toEqual({ potion: 1 });
    const potion = bot.inventory.slots[36] as (typeof bot.inventory.slots)[number] & ComponentItem;
    expect(potion?.name).toBe('potion');
    expect(potion?.componentMap?.get('potion_contents')?.data).toMatchObject({ potionId: 0 });
    await expectInventoriesMatch(sb, bot);
  });

  it('fails NO_TARGET when no water is near', async () => {
    await resetRoom(sb, bot, room, { 36: 'bucket' }, false);
    const out = await runOn(bot, useItemOnBlock, { block: 'water', use: 'bucket' });
    expect(out).toMatchObject({ ok: false, code: 'NO_TARGET', message: 'no water source open to the air within 32 blocks' });
  });
});
