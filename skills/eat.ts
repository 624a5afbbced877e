import { z } from 'zod';
import { countItem, defineSkill, findItem, type FoodInfo, MAX_FOOD, missingItems, pickFood, SkillError, untilAborted, waitUntil } from '../src/actions/index.ts';

const params = z.object({
  item: z.string().min(1).optional().describe('the food to eat; default: the carried food that fills the bar best'),
});

export interface EatResult {
  item: string;
  /** Food level before and after. */
  before: number;
  food: number;
}

/** How long the server may take to confirm a bite: vanilla eats in 1.6 s. */
const EAT_TIMEOUT_MS = 5000;

export const eat = defineSkill<typeof params, EatResult>({
  name: 'eat',
  summary: 'Eat one food (the best fit for the hunger bar, or `item`) and wait for the food level to rise.',
  details: 'Harmful foods and golden apples are only eaten when named. Fails FAILED "not hungry" at full food, MISSING_ITEMS without food.',
  params,
  example: { item: 'cooked_beef' },
  preconditions: (args) => (args.item ? { consume: { [args.item]: 1 } } : {}),
  effects: () => ({ facts: ['fed'] }),
  producers: (target) => (target === 'fed' ? [{}] : []),
  timeoutMs: 15_000,
  async run(ctx, args) {
    const { bot, signal } = ctx;
    const foods = bot.registry.foodsByName;
    if (args.item !== undefined && !foods[args.item]) {
      throw new SkillError('BAD_ARGS', `${args.item} is not a food`, { item: args.item });
    }
    const before = bot.food;
    if (before >= MAX_FOOD) throw new SkillError('FAILED', `not hungry: food is ${before}/${MAX_FOOD}`);
    let name: string;
    if (args.item !== undefined) {
      if (countItem(bot, args.item) === 0) throw missingItems(args.item, 1, 0);
      name = args.item;
    } else {
      const carried: FoodInfo[] = [];
      for (const it of bot.inventory.items()) {
        const f = foods[it.name];
        if (f && !carried.some((c) => c.name === f.name)) carried.push(f);
      }
      const choice = pickFood(carried, before);
      if (!choice) throw new SkillError('MISSING_ITEMS', 'no food in the inventory (harmful foods and golden apples are only eaten by name)', { item: 'food', need: 1, have: 0 });
      name = choice.name;
    }
    const item = findItem(bot, name);
    if (!item) throw missingItems(name, 1, 0);
    await untilAborted(bot.equip(item, 'hand'), signal);
    try {
      await untilAborted(bot.consume(), signal);
    } catch (err) {
      if (signal.aborted) throw err;
      // mineflayer gives up after 2.5 s without the server's "eating finished" status.
      throw new SkillError('FAILED', `eating ${name} was not confirmed by the server: ${err instanceof Error ? err.message : String(err)}`, undefined, { cause: err });
    }
    await waitUntil(() => bot.food > before, { signal, timeoutMs: EAT_TIMEOUT_MS, what: `the food level to rise after eating ${name}` }).catch((err: unknown) => {
      if (signal.aborted || !(err instanceof SkillError) || err.code !== 'TIMEOUT') throw err;
      throw new SkillError('FAILED', `ate ${name} but the food level stayed at ${bot.food}`, undefined, { cause: err });
    });
    return { item: name, before, food: bot.food };
  },
});
