// Crafting through window clicks, each craft bounded by windowCall. mineflayer's `bot.craft` is not
// used: an abandoned `bot.craft` keeps its crafting-table window in plugin state and, when its
// internal 20 s wait expires, closes whatever table window a later craft has open.
import type { Bot } from 'mineflayer';
import type { Block } from 'prismarine-block';
import type { Recipe } from 'prismarine-recipe';
import type { Window } from 'prismarine-windows';
import { SkillError } from './errors.ts';
import type { SkillContext } from './types.ts';
import { closeWindow, openBlockWindow, syncWindow, windowCall, type Guard } from './windows.ts';

/** Crafts `recipe` `times` times: in the 2x2 grid, or at `table` (its window is closed afterwards). */
export async function craftRecipe(ctx: SkillContext, recipe: Recipe, times: number, table: Block | null): Promise<void> {
  const { bot } = ctx;
  const name = bot.registry.items[recipe.result.id]?.name ?? String(recipe.result.id);
  if (!table) {
    if (recipe.requiresTable) throw new SkillError('FAILED', `${name} needs a crafting table`);
    for (let i = 0; i < times; i++) {
      await windowCall(ctx, `crafting ${name} in the inventory grid`, (g) => craftOnce(bot, bot.inventory, 2, recipe, g));
    }
    await syncWindow(ctx, bot.inventory);
    return;
  }
  const window = await openBlockWindow(ctx, table, ['minecraft:crafting']);
  try {
    for (let i = 0; i < times; i++) {
      await windowCall(ctx, `crafting ${name} at the crafting table`, (g) => craftOnce(bot, window, 3, recipe, g));
    }
    await syncWindow(ctx, window);
  } finally {
    await closeWindow(ctx, window);
  }
}

/** Grid slots (1-based, row-major in a `w`-wide grid) and the item id each one gets. */
function cellsOf(recipe: Recipe, w: number): { slot: number; id: number }[] {
  if (recipe.inShape) {
    return recipe.inShape.flatMap((row, y) => row.flatMap((cell, x) => (cell.id < 0 ? [] : [{ slot: 1 + x + w * y, id: cell.id }])));
  }
  return recipe.ingredients.map((ing, i) => ({ slot: 1 + i, id: ing.id }));
}

/**
 * One craft, as a player does it: pick up a stack, right-click one item into each cell, put the
 * rest back, take the result and put it away. mineflayer's clickWindow waits for the server's
 * result slot after each click in the grid; the guard stops the clicks once the call is abandoned.
 */
async function craftOnce(bot: Bot, window: Window, w: number, recipe: Recipe, guard: Guard): Promise<void> {
  let source: number | null = null;
  const putBack = async () => {
    guard.check();
    await bot.putSelectedItemRange(window.inventoryStart, window.inventoryEnd, window, source);
  };
  for (const { slot, id } of cellsOf(recipe, w)) {
    guard.check();
    if (window.selectedItem?.type !== id) {
      if (window.selectedItem) await putBack();
      const src = window.findInventoryItem(id, null, false);
      if (!src) throw new SkillError('FAILED', `no ${bot.registry.items[id]?.name ?? id} left to put in the grid`);
      source = src.slot;
      guard.check();
      await bot.clickWindow(src.slot, 0, 0);
    }
    guard.check();
    await bot.clickWindow(slot, 1, 0);
  }
  if (window.selectedItem) await putBack();
  guard.check();
  const result = window.slots[0];
  if (result?.type !== recipe.result.id) {
    const want = bot.registry.items[recipe.result.id]?.name ?? String(recipe.result.id);
    throw new SkillError('FAILED', `the server's grid made ${result ? result.name : 'nothing'} instead of ${want}`);
  }
  await bot.clickWindow(0, 0, 0);
  guard.check();
  await bot.putSelectedItemRange(window.inventoryStart, window.inventoryEnd, window, null);
}
