import { z } from 'zod';
import { defineSkill, FURNACE_NEARBY, placeStationNearby } from '../src/actions/index.ts';


export const placeFurnace = defineSkill({
  name: 'placeFurnace',
  summary: 'Place a furnace from the inventory next to the bot (none when one is near).',
  params: z.object({}),
  example: {},
  preconditions: () => ({ consume: { furnace: 1 } }),
  effects: () => ({ facts: [FURNACE_NEARBY] }),
  producers: (target) => (target === FURNACE_NEARBY ? [{}] : []),
  timeoutMs: 20_000,
  run: (ctx) => placeStationNearby(ctx, 'furnace'),
});
