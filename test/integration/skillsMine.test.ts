import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mineBlock } from '../../skills/mineBlock.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import type { MineResult } from '../../src/actions/mining/mine.ts';
import type { SkillOutcome } from '../../src/skills/types.ts';
import { counts, expectInventoriesMatch } from '../helpers/inventory.ts';
import { quit, testSandbox } from '../helpers/sandbox.ts';
import { clearRoom, standAt, Vec3 } from '../helpers/skillsGather.ts';
import { runOn, setBlocks, setSlots, skillBot } from '../helpers/skills.ts';

/** The result of a successful outcome (fails the test with the outcome's message otherwise). */
function resultOf(out: SkillOutcome): MineResult {
  if (!out.ok) throw new Error(`skill failed: ${out.code} ${out.message}`);
  return out.result as MineResult;
}

describe('mineBlock (sandbox seed 1, forest)', () => {
  let sb: Sandbox;
  let bot: Bot;
  let spawn: Vec3;
  // A room far above the terrain: within 32 blocks of it there is only what a test puts there.
  let room: Vec3;

  beforeAll(async () => {
    sb = await testSandbox({ seed: 1 });
    bot = await skillBot(sb, 'miner');
    spawn = bot.entity.position.floored();
    room = new Vec3(spawn.x, 200, spawn.z);
  });

  afterAll(async () => {
    quit(bot);
    await sb?.stop();
  });

  /** Empties the inventory but for `slots`, clears the room and puts the bot in its middle. */
  async function inRoom(slots: Record<number, string> = {}): Promise<void> {
    await clearRoom(sb, bot, room, 5, 'bedrock');
    await standAt(sb, bot, room);
    await setSlots(sb, bot, slots);
  }

  it('mines 3 oak logs by hand from the spawn in the forest', async () => {
    const out = await runOn(bot, mineBlock, { block: 'oak_log', count: 3 });
    const result = resultOf(out);
    expect(result.counted).toBeGreaterThanOrEqual(3);
    expect(result.gained.oak_log).toBe(result.counted);
    expect(counts(bot).oak_log).toBe(result.gained.oak_log);
    await expectInventoriesMatch(sb, bot);
  });

  it('mines a log of any wood for the group "log", counting it as #logs', async () => {
    const out = await runOn(bot, mineBlock, { block: 'log', count: 1 });
    const result = resultOf(out);
    const logs = Object.entries(result.gained).filter(([name]) => name.endsWith('_log'));
    expect(logs.reduce((n, [, c]) => n + c, 0)).toBe(result.counted);
    expect(result.counted).toBeGreaterThanOrEqual(1);
    expect(mineBlock.effects({ block: 'log', count: 1, radius: 32 }, createKnowledge(bot.version))).toEqual({ obtain: { '#logs': 1 } });
  });

  it('digs down to the stone under the soil for 3 cobblestone with a wooden pickaxe', async () => {
    await standAt(sb, bot, spawn);
    await setSlots(sb, bot, { 36: 'wooden_pickaxe' });
    const out = await runOn(bot, mineBlock, { block: 'stone', count: 3 });
    const result = resultOf(out);
    expect(result.gained.cobblestone).toBeGreaterThanOrEqual(3);
    expect(counts(bot).cobblestone).toBe(result.gained.cobblestone);
    expect(bot.inventory.slots[36]?.durabilityUsed).toBeGreaterThanOrEqual(3);
    await expectInventoriesMatch(sb, bot);
  });

  it('mines 3 stone placed next to the bot into 3 cobblestone', async () => {
    await inRoom({ 36: 'wooden_pickaxe' });
    const stones = [room.offset(2, 0, 0), room.offset(2, 1, 0), room.offset(-2, 0, 1)];
    await setBlocks(sb, bot, stones.map((p) => [p, 'stone'] as const));
    const out = await runOn(bot, mineBlock, { block: 'stone', count: 3 });
    const result = resultOf(out);
    expect(result).toMatchObject({ counted: 3, dug: 3, gained: { cobblestone: 3 } });
    for (const p of stones) expect(bot.blockAt(p)?.name).toBe('air');
    expect(counts(bot)).toEqual({ wooden_pickaxe: 1, cobblestone: 3 });
    await expectInventoriesMatch(sb, bot);
  });

  it('walks up to dead bushes out of reach and digs them for sticks (a plant has no shape a look-at goal can hit)', async () => {
    await inRoom({});
    const bushes = [room.offset(5, 0, 0), room.offset(-5, 0, 1), room.offset(1, 0, 5), room.offset(-1, 0, -5)];
    await setBlocks(sb, bot, bushes.map((p) => [p, 'dead_bush'] as const));
    const result = resultOf(await runOn(bot, mineBlock, { block: 'dead_bush', count: 1 }));
    expect(result.counted).toBeGreaterThanOrEqual(1);
    expect(counts(bot).stick).toBe(result.counted);
    expect(bushes.filter((p) => bot.blockAt(p)?.name === 'air').length).toBe(result.dug);
    await expectInventoriesMatch(sb, bot);
  });

  it('collects drops that come only by chance per block (gravel gives gravel or flint)', async () => {
    await inRoom({});
    const gravel = [-2, -1, 1, 2, 3].map((dx) => room.offset(dx, 0, 2));
    await setBlocks(sb, bot, gravel.map((p) => [p, 'gravel'] as const));
    const result = resultOf(await runOn(bot, mineBlock, { block: 'gravel', count: 2 }));
    expect(result.counted).toBeGreaterThanOrEqual(2);
    expect(counts(bot).gravel).toBe(result.counted);
    expect((counts(bot).gravel ?? 0) + (counts(bot).flint ?? 0)).toBe(result.dug);
    await expectInventoriesMatch(sb, bot);
  });

  it('fails NO_TOOL naming the pickaxe for iron ore by hand or with a wooden pickaxe', async () => {
    await inRoom();
    await setBlocks(sb, bot, [[room.offset(2, 0, 0), 'iron_ore']]);
    for (const slots of [{}, { 36: 'wooden_pickaxe' }] as Record<number, string>[]) {
      await setSlots(sb, bot, slots);
      const out = await runOn(bot, mineBlock, { block: 'iron_ore', count: 1 });
      expect(out).toMatchObject({
        ok: false,
        code: 'NO_TOOL',
        message: 'need stone_pickaxe or better to harvest iron_ore',
        missing: { block: 'iron_ore', tool: 'stone_pickaxe' },
      });
    }
    expect(bot.blockAt(room.offset(2, 0, 0))?.name).toBe('iron_ore');
  });

  it('mines iron ore with a stone pickaxe into raw iron', async () => {
    await inRoom({ 36: 'stone_pickaxe' });
    await setBlocks(sb, bot, [[room.offset(3, 0, -1), 'iron_ore']]);
    const out = await runOn(bot, mineBlock, { block: 'iron_ore', count: 1 });
    expect(resultOf(out)).toMatchObject({ counted: 1, gained: { raw_iron: 1 } });
    expect(counts(bot)).toEqual({ stone_pickaxe: 1, raw_iron: 1 });
    await expectInventoriesMatch(sb, bot);
  });

  it('fails NO_TARGET when no such block is within the radius', async () => {
    await inRoom({ 36: 'iron_pickaxe' });
    const out = await runOn(bot, mineBlock, { block: 'diamond_ore', count: 1 });
    expect(out).toMatchObject({ ok: false, code: 'NO_TARGET', message: 'no diamond_ore within 32 blocks', missing: { block: 'diamond_ore' } });
  });

  it('fails INVENTORY_FULL when the drop does not fit, and leaves the block', async () => {
    const slots: Record<number, string> = { 36: 'wooden_pickaxe' };
    for (let i = 9; i <= 44; i++) if (i !== 36) slots[i] = 'dirtx64';
    await inRoom(slots);
    await setBlocks(sb, bot, [[room.offset(2, 0, 0), 'stone']]);
    const out = await runOn(bot, mineBlock, { block: 'stone', count: 1 });
    expect(out).toMatchObject({ ok: false, code: 'INVENTORY_FULL', message: 'inventory full: no room for cobblestone', missing: { item: 'cobblestone' } });
    expect(bot.blockAt(room.offset(2, 0, 0))?.name).toBe('stone');
  });

  it('leaves a block next to water alone', async () => {
    await inRoom({ 36: 'wooden_pickaxe' });
    await setBlocks(sb, bot, [[room.offset(3, 0, 0), 'water'], [room.offset(2, 0, 0), 'stone']]);
    const out = await runOn(bot, mineBlock, { block: 'stone', count: 1 });
    expect(out).toMatchObject({ ok: false, code: 'NO_TARGET', message: 'no stone within 32 blocks (1 left alone: next to water)' });
    expect(bot.blockAt(room.offset(2, 0, 0))?.name).toBe('stone');
  });

  it('does not dig the block under its feet with air below it, but digs it from the side', async () => {
    await inRoom({ 36: 'wooden_pickaxe' });
    const under = room.offset(0, -1, 0);
    await setBlocks(sb, bot, [[under.offset(0, -2, 0), 'bedrock'], [under.offset(0, -1, 0), 'air'], [under, 'stone']]);
    let brokenFrom: Vec3 | undefined;
    const onUpdate = (_old: unknown, now: { name: string; position: Vec3 }) => {
      if (now.position.equals(under) && now.name === 'air') brokenFrom = bot.entity.position.floored();
    };
    bot.on('blockUpdate', onUpdate);
    try {
      const out = await runOn(bot, mineBlock, { block: 'stone', count: 1 });
      resultOf(out);
    } finally {
      bot.removeListener('blockUpdate', onUpdate);
    }
    expect(brokenFrom).toBeDefined();
    expect(brokenFrom!.equals(room)).toBe(false);
    expect(counts(bot).cobblestone).toBe(1);
  });

  it('does not stand under a block it digs when gravel sits on top of it', async () => {
    await inRoom({ 36: 'wooden_pickaxe' });
    const above = room.offset(0, 2, 0);
    await setBlocks(sb, bot, [[above, 'stone'], [above.offset(0, 1, 0), 'gravel']]);
    let brokenFrom: Vec3 | undefined;
    const onUpdate = (_old: unknown, now: { name: string; position: Vec3 }) => {
      if (now.position.equals(above) && now.name === 'air') brokenFrom = bot.entity.position.floored();
    };
    bot.on('blockUpdate', onUpdate);
    try {
      resultOf(await runOn(bot, mineBlock, { block: 'stone', count: 1 }));
    } finally {
      bot.removeListener('blockUpdate', onUpdate);
    }
    expect(brokenFrom).toBeDefined();
    expect(brokenFrom!.x === above.x && brokenFrom!.z === above.z).toBe(false);
  });
});
