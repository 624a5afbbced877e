import type { EquipmentDestination } from 'mineflayer';
import { z } from 'zod';
import { armourSlot, countItem, defineSkill, findItem, missingItems, SkillError, untilAborted, waitUntil } from '../src/actions/index.ts';

const DESTINATIONS = ['hand', 'off-hand', 'head', 'torso', 'legs', 'feet'] as const;

const params = z.object({
  item: z.string().min(1).describe('the item to equip'),
  destination: z.enum(DESTINATIONS).optional().describe('default: hand, or armour its slot'),
});

export interface EquipResult {
  item: string;
  destination: EquipmentDestination;
}

export const equip = defineSkill<typeof params, EquipResult>({
  name: 'equip',
  summary: 'Equip an item from the inventory.',
  details: 'Fails MISSING_ITEMS when it is not carried.',
  params,
  example: { item: 'stone_pickaxe' },
  preconditions: (args) => ({ require: { [args.item]: 1 } }),
  effects: (args) => ({ facts: [`${args.item}_equipped`] }),
  producers: (target) => (target.endsWith('_equipped') ? [{ item: target.slice(0, -'_equipped'.length) }] : []),
  timeoutMs: 10_000,
  async run(ctx, args) {
    const { bot, signal } = ctx;
    if (!bot.registry.itemsByName[args.item]) throw new SkillError('BAD_ARGS', `unknown item "${args.item}"`, { item: args.item });
    const worn = armourSlot(args.item);
    const destination: EquipmentDestination = args.destination ?? worn ?? 'hand';
    if (destination !== 'hand' && destination !== 'off-hand' && destination !== worn) {
      throw new SkillError('BAD_ARGS', `${args.item} cannot be worn on the ${destination}${worn ? ` (it goes on the ${worn})` : ''}`, { item: args.item });
    }
    const slot = bot.getEquipmentDestSlot(destination);
    if (bot.inventory.slots[slot]?.name === args.item) return { item: args.item, destination };
    const item = findItem(bot, args.item);
    if (!item || countItem(bot, args.item) === 0) throw missingItems(args.item, 1, 0);
    try {
      await untilAborted(bot.equip(item, destination), signal);
    } catch (err) {
      if (signal.aborted) throw err;
      throw new SkillError('FAILED', `could not equip ${args.item} to the ${destination}: ${err instanceof Error ? err.message : String(err)}`, undefined, { cause: err });
    }
    // The click is answered by the server; the slot tells whether it took.
    await waitUntil(() => bot.inventory.slots[bot.getEquipmentDestSlot(destination)]?.name === args.item, { signal, timeoutMs: 3000, what: `${args.item} in the ${destination} slot` });
    return { item: args.item, destination };
  },
});
