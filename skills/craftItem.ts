import { z } from 'zod';
import { craftRecipe } from '../src/skills/craftGrid.ts';
import { defineSkill } from '../src/skills/define.ts';
import { SkillError } from '../src/skills/errors.ts';
import { isGroup } from '../src/skills/groups.ts';
import { countItem, inventoryCounts } from '../src/skills/inventory.ts';
import { candidateShapes, chooseShape, concreteRecipe, craftConsumption, primaryShape } from '../src/skills/recipes.ts';
import { CRAFTING_TABLE_NEARBY, reachStation } from '../src/skills/stations.ts';
import { throwIfAborted } from '../src/skills/wait.ts';


const params = z.object({
  item: z.string().min(1).describe('item to craft, e.g. "stick", or a group such as "#planks" for any planks the inventory can make'),
  count: z.number().int().min(1).max(576).default(1).describe('items wanted (not crafts): 8 sticks are 2 crafts'),
});

/**
 * Crafts in the inventory's 2x2 grid when the recipe fits, else at a crafting table: one within
 * reach, a known one within 32 blocks, or one placed from the inventory.
 *
 * Conditions use the primary recipe (see src/skills/recipes.ts) with group names for tag
 * ingredients (src/skills/groups.ts): wooden_pickaxe consumes `{ '#planks': 3, stick: 2 }`.
 */
export const craftItem = defineSkill({
  name: 'craftItem',
  description: 'Craft an item from ingredients in the inventory (2x2 grid, or a crafting table nearby or placed from the inventory).',
  params,
  example: { item: 'wooden_pickaxe', count: 1 },
  preconditions({ item, count }, kb) {
    const c = craftConsumption(kb, item, count);
    if (!c) return {};
    return { consume: c.consume, ...(c.requiresTable ? { facts: [CRAFTING_TABLE_NEARBY] } : {}) };
  },
  effects({ item, count }, kb) {
    const c = craftConsumption(kb, item, count);
    const made = primaryShape(kb, item)?.item ?? item;
    return c ? { obtain: { [isGroup(item) ? item : made]: c.made } } : {};
  },
  producers(target, count, kb) {
    const shape = primaryShape(kb, target);
    // Items only made from their own product (iron_ingot ← iron_block) are obtained otherwise.
    if (!shape || shape.cyclic) return [];
    return [{ item: target, count }];
  },
  timeoutMs: ({ count }) => 60_000 + count * 1000,
  async run(ctx, { item, count }) {
    const { bot, knowledge: kb } = ctx;
    if (!isGroup(item) && !kb.isItem(item)) throw new SkillError('BAD_ARGS', `unknown item "${item}"`);
    if (candidateShapes(kb, item).length === 0) throw new SkillError('BAD_ARGS', `${item} has no crafting recipe`);
    const { shape, crafts } = chooseShape(kb, item, count, inventoryCounts(bot));
    const table = shape.requiresTable ? await reachStation(ctx, ['crafting_table'], 'crafting_table') : null;
    const before = countItem(bot, shape.item);
    let done = 0;
    while (done < crafts) {
      throwIfAborted(ctx.signal);
      // Recounted each round: a batch may use up one plank kind and the next round another.
      const { recipe, times } = concreteRecipe(kb, shape, crafts - done, inventoryCounts(bot));
      await craftRecipe(ctx, recipe, times, table?.block ?? null);
      done += times;
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
