import { z } from 'zod';
import { CRAFTING_TABLE_NEARBY, defineSkill, placeStationNearby } from '../src/actions/index.ts';


export const placeCraftingTable = defineSkill({
  name: 'placeCraftingTable',
  summary: 'Place a crafting table from the inventory next to the bot (none when one is near).',
  params: z.object({}),
  example: {},
  preconditions: () => ({ consume: { crafting_table: 1 } }),
  effects: () => ({ facts: [CRAFTING_TABLE_NEARBY] }),
  producers: (target) => (target === CRAFTING_TABLE_NEARBY ? [{}] : []),
  timeoutMs: 20_000,
  run: (ctx) => placeStationNearby(ctx, 'crafting_table'),
});
