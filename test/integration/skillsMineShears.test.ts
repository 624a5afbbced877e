import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mineBlock } from '../../skills/mineBlock.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import type { MineResult } from '../../src/actions/mining/mine.ts';
import type { SkillOutcome } from '../../src/skills/types.ts';
import { counts, expectInventoriesMatch } from '../helpers/inventory.ts';
import { serverPlayer } from '../helpers/items.ts';
import { quit, testSandbox } from '../helpers/sandbox.ts';
import { clearRoom, standAt, Vec3 } from '../helpers/skillsGather.ts';
import { runOn, setBlocks, setSlots, skillBot } from '../helpers/skills.ts';

function resultOf(out: SkillOutcome): MineResult {
  if (!out.ok) throw new Error(`skill failed: ${out.code} ${out.message}`);
  return out.result as MineResult;
}

// Short grass is `grass` before 1.20.3 and `short_grass` from it: the sandbox and the skill use the version's name.
describe.each([['1.20.1', 'grass'], ['1.21.4', 'short_grass']] as const)('mineBlock with shears on %s', (version, grass) => {
  let sb: Sandbox;
  let bot: Bot;
  let room: Vec3;

  beforeAll(async () => {
    sb = await testSandbox({ seed: 5, preset: 'flat', version });
    bot = await skillBot(sb, 'shearer');
    room = bot.entity.position.floored().offset(0, 60, 0);
  });

  afterAll(async () => {
    quit(bot);
    await sb?.stop();
  });

  async function inRoom(slots: Record<number, string>, blocks: readonly (readonly [Vec3, string])[]): Promise<void> {
    await clearRoom(sb, bot, room, 5, 'bedrock');
    await standAt(sb, bot, room);
    await setSlots(sb, bot, slots);
    await setBlocks(sb, bot, blocks);
  }

  it(`shears oak leaves and ${grass} into the blocks themselves, never saplings or seeds`, async () => {
    const leaves = [room.offset(2, 0, 0), room.offset(2, 1, 0), room.offset(-2, 0, 1)];
    const grasses = [room.offset(0, 0, 2), room.offset(1, 0, -2)];
    await inRoom({ 40: 'shears' }, [...leaves.map((p) => [p, 'oak_leaves'] as const), ...grasses.map((p) => [p, grass] as const)]);
    const got = resultOf(await runOn(bot, mineBlock, { block: 'oak_leaves', count: 3, item: 'oak_leaves' }));
    expect(got).toMatchObject({ counted: 3, dug: 3, gained: { oak_leaves: 3 } });
    const short = resultOf(await runOn(bot, mineBlock, { block: grass, count: 2, item: grass }));
    expect(short).toMatchObject({ counted: 2, dug: 2, gained: { [grass]: 2 } });
    for (const p of [...leaves, ...grasses]) expect(bot.blockAt(p)?.name).toBe('air');
    expect(counts(bot)).toEqual({ shears: 1, oak_leaves: 3, [grass]: 2 });
    // One use per block, as vanilla's shears. The server's stack: 1.20.5+ clients read damage from item
    // components, which the sandbox does not send.
    expect(serverPlayer(sb, bot).inventory.slots[40]?.durabilityUsed).toBe(5);
    await expectInventoriesMatch(sb, bot);
  });

  it('puts held shears away for a drop they would spoil (sticks from dead bushes)', async () => {
    const bushes = [room.offset(2, 0, 0), room.offset(-2, 0, 1), room.offset(1, 0, 2), room.offset(-1, 0, -2)];
    await inRoom({ 36: 'shears' }, bushes.map((p) => [p, 'dead_bush'] as const));
    bot.setQuickBarSlot(0);
    const result = resultOf(await runOn(bot, mineBlock, { block: 'dead_bush', count: 1 }));
    expect(result.counted).toBeGreaterThanOrEqual(1);
    expect(counts(bot)).toEqual({ shears: 1, stick: result.counted });
    expect(serverPlayer(sb, bot).inventory.slots[36]?.durabilityUsed ?? 0).toBe(0);
    await expectInventoriesMatch(sb, bot);
  });

  it('takes a cobweb whole with shears and as string with a sword', async () => {
    await inRoom({ 36: 'iron_sword', 37: 'shears' }, [[room.offset(2, 0, 0), 'cobweb'], [room.offset(-2, 0, 0), 'cobweb']]);
    resultOf(await runOn(bot, mineBlock, { block: 'cobweb', count: 1, item: 'cobweb' }));
    resultOf(await runOn(bot, mineBlock, { block: 'cobweb', count: 1 }));
    expect(counts(bot)).toEqual({ iron_sword: 1, shears: 1, cobweb: 1, string: 1 });
    await expectInventoriesMatch(sb, bot);
  });

  it('shears seagrass standing in water, which opens nothing a fluid could come through', async () => {
    const weed = room.offset(2, 0, 0);
    const water = [room.offset(3, 0, 0), room.offset(2, 0, 1), room.offset(2, 0, -1), room.offset(2, 1, 0)];
    await inRoom({ 36: 'shears' }, [[weed, 'seagrass'], ...water.map((p) => [p, 'water'] as const)]);
    const result = resultOf(await runOn(bot, mineBlock, { block: 'seagrass', count: 1, item: 'seagrass' }));
    expect(result).toMatchObject({ counted: 1, dug: 1, gained: { seagrass: 1 } });
    await expectInventoriesMatch(sb, bot);
  });

  it('fails NO_TOOL naming shears for oak leaves as leaves without shears, and leaves them be', async () => {
    const leaf = room.offset(2, 0, 0);
    await inRoom({ 36: 'iron_sword' }, [[leaf, 'oak_leaves']]);
    const out = await runOn(bot, mineBlock, { block: 'oak_leaves', count: 1, item: 'oak_leaves' });
    expect(out).toMatchObject({
      ok: false,
      code: 'NO_TOOL',
      message: 'need shears to get oak_leaves from oak_leaves',
      missing: { block: 'oak_leaves', tool: 'shears' },
    });
    expect(bot.blockAt(leaf)?.name).toBe('oak_leaves');
  });
});
