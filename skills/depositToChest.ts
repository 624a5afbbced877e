import { z } from 'zod';
import { chestRoomFor, closeWindow, CONTAINERS, countInWindow, countItem, defineSkill, deposit, fmt, missingItems, openContainer, reachStation, SkillError } from '../src/actions/index.ts';

const params = z.object({
  item: z.string().min(1).describe('item to store, e.g. "cobblestone"'),
  count: z.number().int().min(1).optional().describe('how many; all of them when left out'),
});

export const depositToChest = defineSkill({
  name: 'depositToChest',
  summary: 'Put items from the inventory into a chest nearby.',
  params,
  example: { item: 'cobblestone', count: 16 },
  preconditions: ({ item, count }) => ({ consume: { [item]: count ?? 1 } }),
  effects: () => ({}),
  timeoutMs: 60_000,
  async run(ctx, { item, count }) {
    const { bot, knowledge: kb } = ctx;
    const id = kb.itemId(item);
    if (id === undefined) throw new SkillError('BAD_ARGS', `unknown item "${item}"`);
    const have = countItem(bot, item);
    const n = count ?? have;
    if (have === 0 || have < n) throw missingItems(item, Math.max(n, 1), have);
    const { block } = await reachStation(ctx, CONTAINERS, null);
    const chest = await openContainer(ctx, block);
    try {
      const room = chestRoomFor(chest, id, kb.stackSize(item));
      if (room < n) throw new SkillError('INVENTORY_FULL', `the ${block.name} at ${fmt(block.position)} has room for ${room} ${item}, not ${n}`);
      await deposit(ctx, chest, id, n);
      const left = countInWindow(chest, id);
      if (have - left < n) throw new SkillError('FAILED', `stored ${have - left} ${item} in the ${block.name}, expected ${n}`);
      return { item, deposited: n, inChest: chest.containerCount(id, null), at: { ...block.position } };
    } finally {
      await closeWindow(ctx, chest);
    }
  },
});
