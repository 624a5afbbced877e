import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot, Furnace } from 'mineflayer';
import type { Block } from 'prismarine-block';
import type { Vec3 } from 'vec3';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { quit, testBot, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { counts, expectInventoriesMatch } from '../helpers/inventory.ts';
import { flatFloor, placeOnFloor } from '../helpers/world.ts';
import { clearInventory, collectDrops, holdsExactly, expectWindowMatchesStore, give, itemId, serverStoreSlots } from '../helpers/windows.ts';

describe('furnaces through the window protocol (smeltSpeed 20)', () => {
  let sb: Sandbox;
  let bot: Bot;
  let base: Vec3;
  let furnacePos: Vec3;
  let smokerPos: Vec3;
  const block = (pos: Vec3): Block => {
    const b = bot.blockAt(pos);
    if (!b) throw new Error(`no block at ${pos.toString()}`);
    return b;
  };
  const clientLit = (pos: Vec3) => block(pos).getProperties().lit;
  const serverLit = async (pos: Vec3) => (await sb.server.overworld.getBlock(pos)).getProperties().lit;
  const id = (name: string) => itemId(bot, name);

  /** Waits for the output slot to hold `n` items, then shift-clicks them out (mineflayer's takeOutput). */
  async function takeOutput(furnace: Furnace, name: string, n: number): Promise<void> {
    await waitFor(() => furnace.outputItem()?.name === name && furnace.outputItem().count >= n, 15_000, `${n} ${name} in the output`);
    await furnace.takeOutput();
  }

  beforeAll(async () => {
    sb = await testSandbox({ seed: 11, preset: 'plains', smeltSpeed: 20 });
    bot = await testBot(sb, 'smelter');
    base = await flatFloor(sb, bot, 5);
    furnacePos = base.offset(2, 0, 0);
    smokerPos = base.offset(-2, 0, 0);
    await give(sb, bot, 'furnace', 1);
    await give(sb, bot, 'smoker', 1);
    await placeOnFloor(bot, 'furnace', furnacePos);
    await placeOnFloor(bot, 'smoker', smokerPos);
    await expectInventoriesMatch(sb, bot);
  });
  afterAll(async () => { quit(bot); await sb.stop(); });

  it('smelts raw iron with coal; fuel and progress move; the block is lit while burning', async () => {
    await give(sb, bot, 'raw_iron', 3);
    await give(sb, bot, 'coal', 1);
    expect(clientLit(furnacePos)).toBe(false);
    const furnace = await bot.openFurnace(block(furnacePos));
    const fuel: number[] = [];
    const progress: number[] = [];
    furnace.on('update', () => { fuel.push(furnace.fuel); progress.push(furnace.progress); });
    await furnace.putFuel(id('coal'), null, 1);
    await furnace.putInput(id('raw_iron'), null, 3);
    await waitFor(() => clientLit(furnacePos) === true, 3000, 'the furnace to light');
    expect(await serverLit(furnacePos)).toBe(true);
    await takeOutput(furnace, 'iron_ingot', 3);
    await expectWindowMatchesStore(sb, furnace, furnacePos);
    await furnace.close();
    await expectInventoriesMatch(sb, bot);
    expect(counts(bot)).toEqual({ iron_ingot: 3 });

    // Fuel burns down from full; progress climbs within each item, several distinct values each.
    const burning = fuel.filter((f) => f > 0 && f <= 1);
    expect(new Set(burning).size).toBeGreaterThanOrEqual(3);
    expect(burning.at(-1)!).toBeLessThan(burning[0]!);
    const cooking = progress.filter((p) => p > 0 && p < 1);
    expect(new Set(cooking).size).toBeGreaterThanOrEqual(3);
    // One coal burns 1600 ticks (80 server ticks at this speed): the furnace keeps burning, then goes out.
    expect(clientLit(furnacePos)).toBe(true);
    await waitFor(() => clientLit(furnacePos) === false, 10_000, 'the furnace to go out');
    expect(await serverLit(furnacePos)).toBe(false);
  });

  it('cooks beef with planks as fuel', async () => {
    await give(sb, bot, 'beef', 2);
    await give(sb, bot, 'oak_planks', 2);
    const furnace = await bot.openFurnace(block(furnacePos));
    await furnace.putInput(id('beef'), null, 2);
    await furnace.putFuel(id('oak_planks'), null, 2);
    // 2 × 200 cook ticks need both planks (300 ticks each).
    await takeOutput(furnace, 'cooked_beef', 2);
    await expectWindowMatchesStore(sb, furnace, furnacePos);
    expect(furnace.fuelItem()).toBeNull();
    await furnace.close();
    await expectInventoriesMatch(sb, bot);
    expect(counts(bot)).toEqual({ iron_ingot: 3, cooked_beef: 2 });
    await waitFor(() => clientLit(furnacePos) === false, 5000, 'the furnace to go out');
  });

  it('makes charcoal from an oak log, then glass from sand with that charcoal', async () => {
    await give(sb, bot, 'oak_log', 1);
    await give(sb, bot, 'oak_planks', 1);
    await give(sb, bot, 'sand', 2);
    const furnace = await bot.openFurnace(block(furnacePos));
    await furnace.putInput(id('oak_log'), null, 1);
    await furnace.putFuel(id('oak_planks'), null, 1);
    await takeOutput(furnace, 'charcoal', 1);
    await expectWindowMatchesStore(sb, furnace, furnacePos);
    await furnace.putFuel(id('charcoal'), null, 1);
    await furnace.putInput(id('sand'), null, 2);
    await takeOutput(furnace, 'glass', 2);
    await expectWindowMatchesStore(sb, furnace, furnacePos);
    await furnace.close();
    await expectInventoriesMatch(sb, bot);
    expect(counts(bot)).toEqual({ iron_ingot: 3, cooked_beef: 2, glass: 2 });
    // The rest of the charcoal burns on with nothing to cook; later tests want a cold furnace.
    await waitFor(() => clientLit(furnacePos) === false, 8000, 'the furnace to go out');
  });

  it('a smoker cooks beef and a shift-click sends raw iron elsewhere', async () => {
    await clearInventory(sb, bot);
    await give(sb, bot, 'raw_iron', 1);
    await give(sb, bot, 'beef', 1);
    await give(sb, bot, 'coal', 1);
    const smoker = await bot.openFurnace(block(smokerPos));
    expect(smoker.type).toBe('minecraft:smoker');
    const slotOf = (name: string) => smoker.findInventoryItem(id(name), null, false)!.slot;
    const ironFrom = slotOf('raw_iron');
    await bot.clickWindow(ironFrom, 0, 1);
    // Not smokable and not fuel: vanilla moves it between the hotbar and the main inventory.
    await expectWindowMatchesStore(sb, smoker, smokerPos);
    expect(smoker.inputItem()).toBeNull();
    const ironTo = slotOf('raw_iron');
    expect(ironTo).not.toBe(ironFrom);
    expect(ironFrom >= smoker.hotbarStart).not.toBe(ironTo >= smoker.hotbarStart);
    await bot.clickWindow(slotOf('beef'), 0, 1);
    await bot.clickWindow(slotOf('coal'), 0, 1);
    await expectWindowMatchesStore(sb, smoker, smokerPos);
    expect(smoker.inputItem()?.name).toBe('beef');
    await waitFor(() => smoker.fuelItem() === null, 3000, 'the coal to start burning');
    await takeOutput(smoker, 'cooked_beef', 1);
    await expectWindowMatchesStore(sb, smoker, smokerPos);
    await smoker.close();
    await expectInventoriesMatch(sb, bot);
    expect(counts(bot)).toEqual({ raw_iron: 1, cooked_beef: 1 });
  });

  it('breaking a loaded furnace with a pickaxe drops its contents and itself; the bot picks them up', async () => {
    await clearInventory(sb, bot);
    await give(sb, bot, 'raw_iron', 1);
    await give(sb, bot, 'oak_planks', 1);
    await give(sb, bot, 'dirt', 3);
    await give(sb, bot, 'coal', 2);
    await give(sb, bot, 'iron_pickaxe', 1);
    const furnace = await bot.openFurnace(block(furnacePos));
    await furnace.putInput(id('raw_iron'), null, 1);
    await furnace.putFuel(id('oak_planks'), null, 1);
    await waitFor(() => furnace.outputItem()?.name === 'iron_ingot', 5000, 'an iron ingot');
    // Dirt does not cook, so the coal stays in the fuel slot and all three slots stay filled.
    await furnace.putInput(id('dirt'), null, 3);
    await furnace.putFuel(id('coal'), null, 2);
    await expectWindowMatchesStore(sb, furnace, furnacePos);
    expect(serverStoreSlots(sb, furnacePos)).toEqual(['dirtx3', 'coalx2', 'iron_ingotx1']);
    await furnace.close();
    await expectInventoriesMatch(sb, bot);
    expect(counts(bot)).toEqual({ iron_pickaxe: 1 });

    await bot.equip(id('iron_pickaxe'), 'hand');
    await bot.dig(block(furnacePos));
    await waitFor(() => bot.blockAt(furnacePos)?.name === 'air', 3000, 'the furnace to be gone');
    await waitFor(() => serverStoreSlots(sb, furnacePos) === undefined, 3000, 'the store to be emptied');
    const expected = { iron_pickaxe: 1, furnace: 1, dirt: 3, coal: 2, iron_ingot: 1 };
    await collectDrops(bot, () => holdsExactly(bot, expected));
    await expectInventoriesMatch(sb, bot);
    expect(counts(bot)).toEqual(expected);
  });
});
