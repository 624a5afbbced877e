import { z } from 'zod';
import { closeWindow, CONTAINERS, countInWindow, defineSkill, fmt, openContainer, reachStation, roomFor, SkillError, withdraw } from '../src/actions/index.ts';

const params = z.object({
  item: z.string().min(1).describe('item to take, e.g. "iron_ingot"'),
  count: z.number().int().min(1).describe('how many to take'),
});

export const withdrawFromChest = defineSkill({
  name: 'withdrawFromChest',
  summary: 'Take items from a chest nearby into the inventory.',
  params,
  example: { item: 'cobblestone', count: 16 },
  preconditions: () => ({}),
  effects: ({ item, count }) => ({ obtain: { [item]: count } }),
  timeoutMs: 60_000,
  async run(ctx, { item, count }) {
    const { bot, knowledge: kb } = ctx;
    const id = kb.itemId(item);
    if (id === undefined) throw new SkillError('BAD_ARGS', `unknown item "${item}"`);
    const { block } = await reachStation(ctx, CONTAINERS, null);
    const chest = await openContainer(ctx, block);
    try {
      const inChest = chest.containerCount(id, null);
      if (inChest < count) {
        throw new SkillError('MISSING_ITEMS', `the ${block.name} at ${fmt(block.position)} holds ${inChest} ${item}, need ${count}`, { item, need: count, have: inChest });
      }
      const room = roomFor(bot, item, kb);
      if (room < count) throw new SkillError('INVENTORY_FULL', `room for ${room} ${item} in the inventory, not ${count}`);
      const before = countInWindow(chest, id);
      await withdraw(ctx, chest, id, count);
      const got = countInWindow(chest, id) - before;
      if (got < count) throw new SkillError('FAILED', `took ${got} ${item} from the ${block.name}, expected ${count}`);
      return { item, withdrawn: got, leftInChest: chest.containerCount(id, null), at: { ...block.position } };
    } finally {
      await closeWindow(ctx, chest);
    }
  },
});
