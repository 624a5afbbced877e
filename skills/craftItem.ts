import type { Recipe } from 'prismarine-recipe';
import type { Window } from 'prismarine-windows';
import { z } from 'zod';
import { alternativeVias, candidateShapes, chooseShape, click, closeWindow, concreteRecipe, countInWindow, countItem, craftConsumption, CRAFTING_TABLE_NEARBY, type CraftShape, defineSkill, inventoryCounts, isGroup, type Knowledge, openBlockWindow, reachStation, shapeVia, type SkillContext, SkillError, stowCursor, throwIfAborted, windowCall } from '../src/actions/index.ts';

/** Rounds of crafting that may go wrong (the server's grid not what we built) before the skill gives up. */
const MAX_RETRIES = 3;

const params = z.object({
  item: z.string().min(1).describe('item to craft, e.g. "stick", or a group such as "#planks" for any planks the inventory can make'),
  count: z.number().int().min(1).max(576).default(1).describe('items wanted (not crafts): 8 sticks are 2 crafts'),
  // The planner's choice among an item's recipes (white_dye via lily_of_the_valley); the craft itself
  // takes whichever recipe the inventory makes. Undescribed: a chat model has no use for it, and every
  // prompt carries the catalogue.
  via: z.string().min(1).optional(),
});

export const craftItem = defineSkill({
  name: 'craftItem',
  summary: 'Craft an item from the inventory (2x2 grid, or a crafting table nearby or carried).',
  details: 'The planner counts the primary recipe (or the one using `via`), with group names for tag ingredients (`#planks`).',
  params,
  example: { item: 'wooden_pickaxe', count: 1 },
  preconditions({ item, count, via }, kb) {
    const c = craftConsumption(kb, item, count, via);
    if (!c) return {};
    return { consume: c.consume, ...(c.requiresTable ? { facts: [CRAFTING_TABLE_NEARBY] } : {}) };
  },
  effects({ item, count, via }, kb) {
    const c = craftConsumption(kb, item, count, via);
    const made = shapeVia(kb, item, via)?.item ?? item;
    return c ? { obtain: { [isGroup(item) ? item : made]: c.made } } : {};
  },
  producers(target, count, kb) {
    const shape = shapeVia(kb, target);
    // Items only made from their own product (iron_ingot ← iron_block) are obtained otherwise.
    if (!shape || shape.cyclic) return [];
    return [{ item: target, count }, ...alternativeVias(kb, target).map((via) => ({ item: target, count, via }))];
  },
  timeoutMs: ({ count }) => 60_000 + count * 1000,
  async run(ctx, { item, count }) {
    const { bot, knowledge: kb } = ctx;
    if (!isGroup(item) && !kb.isItem(item)) throw new SkillError('BAD_ARGS', `unknown item "${item}"`);
    if (candidateShapes(kb, item).length === 0) throw new SkillError('BAD_ARGS', `${item} has no crafting recipe`);
    const { shape, crafts } = chooseShape(kb, item, count, inventoryCounts(bot));
    const table = shape.requiresTable ? await reachStation(ctx, ['crafting_table'], 'crafting_table') : null;
    // A window left open (a chest, a stray table) would take the 2x2 grid's clicks.
    if (!table && bot.currentWindow) await closeWindow(ctx, bot.currentWindow);
    const before = countItem(bot, shape.item);
    const window = table ? await openBlockWindow(ctx, table.block, ['minecraft:crafting']) : bot.inventory;
    try {
      await windowCall(ctx, `crafting ${crafts * shape.outCount} ${shape.item}`, () => craftAll(ctx, window, shape, crafts));
    } finally {
      if (table) await closeWindow(ctx, window);
    }
    const made = countItem(bot, shape.item) - before;
    const want = crafts * shape.outCount;
    if (made < want) throw new SkillError('FAILED', `crafted ${crafts} times but gained ${made} ${shape.item}, expected ${want}`);
    return {
      item: shape.item,
      crafted: made,
      ...(table ? { table: { x: table.block.position.x, y: table.block.position.y, z: table.block.position.z, placed: table.placed } } : {}),
    };
  },
});

/** The server's grid or result was not what the clicks built: the round is redone from the window as it is. */
class CraftMismatch extends SkillError {
  constructor(message: string) { super('FAILED', message); }
}

/**
 * Crafts until the window's inventory part holds `crafts` crafts more of the shape's item, round
 * by round, each round chosen from the window as the server last sent it (counts, plank kinds).
 */
async function craftAll(ctx: SkillContext, window: Window, shape: CraftShape, crafts: number): Promise<void> {
  const { knowledge: kb, log } = ctx;
  const w = window === ctx.bot.inventory ? 2 : 3;
  const start = countInWindow(window, shape.resultId);
  const done = () => Math.floor((countInWindow(window, shape.resultId) - start) / shape.outCount);
  let failures = 0;
  while (done() < crafts) {
    throwIfAborted(ctx.signal);
    const before = done();
    const { recipe, times } = concreteRecipe(kb, shape, crafts - before, countsIn(kb, window));
    try {
      await craftRound(ctx, window, w, recipe, times);
      if (done() === before) throw new CraftMismatch(`a craft of ${shape.item} gave nothing`);
    } catch (err) {
      if (!(err instanceof CraftMismatch) || ++failures > MAX_RETRIES) throw err;
      log.warn({ err: err.message, failures }, 'craft went wrong; redoing it from the window as the server shows it');
    }
  }
  // Leftovers the recipe leaves in the grid (buckets) go back to the inventory.
  await clearGrid(ctx, window, w);
}

/** Item counts by name in the inventory part of `window` (bot.inventory lags while a table is open). */
function countsIn(kb: Knowledge, window: Window): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = window.inventoryStart; i < window.inventoryEnd; i++) {
    const it = window.slots[i];
    const name = it ? kb.itemName(it.type) : undefined;
    if (it && name) out.set(name, (out.get(name) ?? 0) + it.count);
  }
  return out;
}

/** Grid slots (1-based, row-major in a `w`-wide grid) and the item id each one gets. */
function cellsOf(recipe: Recipe, w: number): { slot: number; id: number }[] {
  if (recipe.inShape) {
    return recipe.inShape.flatMap((row, y) => row.flatMap((cell, x) => (cell.id < 0 ? [] : [{ slot: 1 + x + w * y, id: cell.id }])));
  }
  return recipe.ingredients.map((ing, i) => ({ slot: 1 + i, id: ing.id }));
}

/** Empties the cursor and the grid into the inventory part. */
async function clearGrid(ctx: SkillContext, window: Window, w: number): Promise<void> {
  await stowCursor(ctx, window);
  for (let slot = 1; slot <= w * w; slot++) {
    if (!window.slots[slot]) continue;
    await click(ctx, window, slot, 0, 1);
    if (window.slots[slot]) throw new SkillError('INVENTORY_FULL', `no room for the ${window.slots[slot]!.name} in the crafting grid`);
  }
}

/**
 * One round: `n` of each ingredient in its cell (one right-click each, from a stack on the cursor),
 * the result checked as the server computed it, then one shift-click that crafts all `n` into the
 * inventory. `n` is at most `times`, a stack, and what the inventory has room for.
 */
async function craftRound(ctx: SkillContext, window: Window, w: number, recipe: Recipe, times: number): Promise<void> {
  const { bot } = ctx;
  const name = (id: number) => bot.registry.items[id]?.name ?? String(id);
  await clearGrid(ctx, window, w);
  const cells = cellsOf(recipe, w);
  const out = recipe.result;
  const room = roomFor(window, out.id, bot.registry.items[out.id]?.stackSize ?? 64);
  const n = Math.min(times, ...cells.map((c) => bot.registry.items[c.id]?.stackSize ?? 64), Math.floor(room / out.count));
  if (n < 1) throw new SkillError('INVENTORY_FULL', `no room in the inventory for ${out.count} ${name(out.id)}`);
  for (const { slot, id } of cells) {
    for (let guard = 0; (window.slots[slot]?.count ?? 0) < n; guard++) {
      if (guard > 2 * n + 8) throw new CraftMismatch(`the server did not take ${name(id)} into grid slot ${slot}`);
      const cur = window.selectedItem;
      if (cur?.type === id) {
        // All of the cursor when that is no more than the cell still needs, else one item.
        await click(ctx, window, slot, cur.count <= n - (window.slots[slot]?.count ?? 0) ? 0 : 1, 0);
        continue;
      }
      if (cur) await stowCursor(ctx, window);
      const src = firstOf(window, id);
      // The round was sized from the window's counts: items gone now went where the server put them.
      if (src === null) throw new CraftMismatch(`no ${name(id)} left to put in grid slot ${slot}`);
      await click(ctx, window, src, 0, 0);
    }
    if (window.slots[slot]?.type !== id) throw new CraftMismatch(`grid slot ${slot} holds ${window.slots[slot]?.name ?? 'nothing'}, not ${name(id)}`);
  }
  await stowCursor(ctx, window);
  const result = window.slots[0];
  if (result?.type !== out.id || result.count !== out.count) {
    throw new CraftMismatch(`the server's grid made ${result ? `${result.count} ${result.name}` : 'nothing'} instead of ${out.count} ${name(out.id)}`);
  }
  await click(ctx, window, 0, 0, 1);
}

function firstOf(window: Window, id: number): number | null {
  for (let i = window.inventoryStart; i < window.inventoryEnd; i++) if (window.slots[i]?.type === id) return i;
  return null;
}

/** How many of an item the inventory part of `window` can still take. */
function roomFor(window: Window, id: number, stackSize: number): number {
  let room = 0;
  for (let i = window.inventoryStart; i < window.inventoryEnd; i++) {
    const it = window.slots[i];
    if (!it) room += stackSize;
    else if (it.type === id) room += Math.max(0, stackSize - it.count);
  }
  return room;
}
