import type { Bot, Furnace } from 'mineflayer';
import type { Item } from 'prismarine-item';
import { z } from 'zod';
import { closeWindow, cookTicks, countInWindow, countItem, defineSkill, fmt, FUEL_GROUP, fuelRank, FURNACE_NEARBY, inventoryCounts, type Knowledge, LAG_FACTOR, lagAwareDeadline, missingItems, openFurnace, putFuel, putInput, reachStation, type SkillContext, SkillError, sleep, smeltRecipeFor, smeltRecipesMaking, takeOutput, takeSlot } from '../src/actions/index.ts';

const TICK_MS = 50;
/** Vanilla cook time of one item in a furnace. */
const COOK_MS = cookTicks('furnace') * TICK_MS;

// Convention: `item` is what to MAKE (iron_ingot), like craftItem; what goes in is chosen from the inventory.
const params = z.object({
  item: z.string().min(1).describe('what to make, e.g. "iron_ingot" (not the raw_iron that goes in)'),
  count: z.number().int().min(1).max(64).default(1),
}).superRefine((a, ctx) => {
  if (smeltRecipesMaking(a.item).length > 0) return;
  const r = smeltRecipeFor(a.item);
  ctx.addIssue({
    code: 'custom', path: ['item'],
    message: r ? `${a.item} is what goes in; name what to make: "${r.output}"` : `${a.item} is not made in a furnace`,
  });
});

export const smeltItem = defineSkill({
  name: 'smeltItem',
  summary: 'Smelt in a furnace to make `item`, with fuel from the inventory.',
  details: 'Input: the first recipe input the inventory has enough of (raw_iron before iron_ore). Fuel: one kind, coal or charcoal first, then planks, logs, sticks.',
  params,
  example: { item: 'iron_ingot', count: 3 },
  preconditions: ({ item, count }) => {
    const input = smeltRecipesMaking(item)[0]?.input;
    return { consume: { ...(input ? { [input]: count } : {}), [FUEL_GROUP]: count }, facts: [FURNACE_NEARBY] };
  },
  effects: ({ item, count }) => ({ obtain: { [item]: count } }),
  producers: (target, count) => (smeltRecipesMaking(target).length > 0 ? [{ item: target, count: Math.min(count, 64) }] : []),
  // Within a team's furnace claim (20 min, src/bot/claims.ts), so that no mate opens it mid-smelt.
  timeoutMs: ({ count }) => Math.min(60_000 + Math.ceil(count * COOK_MS * 1.25 + 5000) * LAG_FACTOR, 19 * 60_000),
  async run(ctx, { item, count }) {
    const { bot, knowledge: kb } = ctx;
    const input = chooseInput(bot, item, count);
    const fuel = chooseFuel(bot, kb, input, count);
    const { block } = await reachStation(ctx, ['furnace'], 'furnace');
    const furnace = await openFurnace(ctx, block);
    try {
      // Leftovers from earlier use would block our input or fuel, or be counted as our output.
      if (slot(furnace, 2)) await takeOutput(ctx, furnace);
      if (slot(furnace, 0)) await takeSlot(ctx, furnace, 0);
      if (slot(furnace, 1) && slot(furnace, 1)?.name !== fuel.item) await takeSlot(ctx, furnace, 1);
      const outputId = kb.itemId(item)!;
      const before = countInWindow(furnace, outputId);
      await putInput(ctx, furnace, kb.itemId(input)!, count);
      await putFuel(ctx, furnace, kb.itemId(fuel.item)!, fuel.count);
      await waitForOutput(ctx, furnace, count, `${count} ${item} from the furnace at ${fmt(block.position)}`);
      await takeOutput(ctx, furnace);
      const made = countInWindow(furnace, outputId) - before;
      if (made < count) throw new SkillError('FAILED', `the furnace made ${made} ${item}, expected ${count}`);
      return { item, smelted: made, input, fuel };
    } finally {
      await closeWindow(ctx, furnace);
    }
  },
});

/** A furnace slot (0 input, 1 fuel, 2 output); mineflayer's typings claim these are never empty. */
function slot(furnace: Furnace, i: 0 | 1 | 2): Item | null {
  return furnace.slots[i] ?? null;
}

function chooseInput(bot: Bot, item: string, count: number): string {
  const inputs = smeltRecipesMaking(item).filter((r) => r.kinds.includes('furnace')).map((r) => r.input);
  const have = inputs.map((i) => ({ input: i, n: countItem(bot, i) }));
  const enough = have.find((h) => h.n >= count);
  if (enough) return enough.input;
  const most = have.reduce((a, b) => (b.n > a.n ? b : a), { input: inputs[0] ?? item, n: 0 });
  throw missingItems(most.input, count, most.n);
}

/** One fuel kind that lasts for `count` items, best kind first; MISSING_ITEMS `#fuel` otherwise. */
export function chooseFuel(bot: Bot, kb: Knowledge, input: string, count: number): { item: string; count: number } {
  const ticks = count * cookTicks('furnace');
  const kinds = [...inventoryCounts(bot)].filter(([name]) => fuelRank(name) >= 0 && name !== input)
    .sort((a, b) => fuelRank(a[0]) - fuelRank(b[0]) || b[1] - a[1]);
  let bestSmelts = 0;
  for (const [name, have] of kinds) {
    const per = kb.fuelTicks(name);
    const need = Math.ceil(ticks / per);
    if (have >= need) return { item: name, count: need };
    bestSmelts = Math.max(bestSmelts, Math.floor((have * per) / cookTicks('furnace')));
  }
  const message = kinds.length === 0
    ? `need fuel to smelt ${count} ${input}: no coal, charcoal, planks, logs or sticks in the inventory`
    : `need fuel to smelt ${count} ${input}, have enough of one kind for ${bestSmelts}`;
  throw new SkillError('MISSING_ITEMS', message, { item: FUEL_GROUP, need: count, have: bestSmelts });
}

/**
 * Waits until the output slot holds `count` items: bounded by the vanilla cook time of `count`
 * items (a faster furnace finishes early), and cut short when the furnace goes out with input left.
 * A server that lags cooks in its own ticks, slower than the clock: the bound is then counted in game
 * ticks too (lagAwareDeadline), or a busy server's smelt would fail half done.
 */
async function waitForOutput(ctx: SkillContext, furnace: Furnace, count: number, what: string): Promise<void> {
  const timeoutMs = Math.ceil(count * COOK_MS * 1.25) + 5000;
  const startAge = Number(ctx.bot.time.age);
  const overdue = lagAwareDeadline(timeoutMs, () => Number(ctx.bot.time.age));
  let outSince: number | null = null;
  for (;;) {
    if ((slot(furnace, 2)?.count ?? 0) >= count) return;
    const burning = (furnace.fuel ?? 0) > 0;
    const starved = slot(furnace, 0) && !slot(furnace, 1) && !burning;
    outSince = starved ? (outSince ?? Date.now()) : null;
    // The burn properties lag a tick or two behind the slots: only a furnace out for a while is out.
    if (outSince !== null && Date.now() - outSince > 2000) {
      throw new SkillError('FAILED', `the furnace went out with ${slot(furnace, 0)?.count ?? 0} items left to smelt`);
    }
    if (overdue()) throw new SkillError('TIMEOUT', `no ${what} within ${timeoutMs} ms (${Math.round((Number(ctx.bot.time.age) - startAge) / 20)} game s)`);
    await sleep(100, ctx.signal);
  }
}
