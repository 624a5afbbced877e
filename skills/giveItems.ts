import { z } from 'zod';
import { defineSkill, giveItems as give } from '../src/actions/index.ts';

const params = z.object({
  to: z.string().min(1).describe('the player (a team mate) to give the items to'),
  items: z.record(z.string().min(1), z.number().int().min(1)).describe('item → count, e.g. {"iron_ingot": 3}'),
});

// A team's hand-over (src/team): only team runs register it, so a single bot's catalogue stays as it was.
export const giveItems = defineSkill({
  name: 'giveItems',
  summary: 'Walk up to a team mate and throw items at their feet for them to pick up.',
  details: 'Fails MISSING_ITEMS when the items are not carried, NO_TARGET when the player is not in sight. ' +
    'Ok once the items left the inventory; `collected` says whether the receiver was seen picking every stack up.',
  params,
  example: { to: 'Skillcraft1', items: { iron_ingot: 3 } },
  preconditions: ({ items }) => ({ consume: items }),
  effects: () => ({}),
  timeoutMs: 60_000,
  run: (ctx, { to, items }) => give(ctx, to, items),
});
