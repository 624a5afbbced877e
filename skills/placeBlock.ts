import { Vec3 } from 'vec3';
import { z } from 'zod';
import { defineSkill, placeItemAt, placeNearby, SkillError } from '../src/actions/index.ts';

const params = z.object({
  item: z.string().min(1).describe('block item to place from the inventory, e.g. "cobblestone"'),
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  z: z.number().int().optional(),
}).refine((a) => [a.x, a.y, a.z].every((v) => v === undefined) || [a.x, a.y, a.z].every((v) => v !== undefined), {
  message: 'give all of x, y and z, or none for a free spot next to the bot',
});

export const placeBlock = defineSkill({
  name: 'placeBlock',
  summary: 'Place a block from the inventory at x,y,z, or next to the bot when no position is given.',
  params,
  example: { item: 'cobblestone' },
  preconditions: ({ item }) => ({ consume: { [item]: 1 } }),
  effects: () => ({}),
  timeoutMs: 30_000,
  async run(ctx, { item, x, y, z }) {
    if (!ctx.knowledge.isBlock(item) || !ctx.knowledge.isItem(item)) throw new SkillError('BAD_ARGS', `${item} is not a block that can be placed`);
    const block = x !== undefined && y !== undefined && z !== undefined
      ? await placeItemAt(ctx, item, new Vec3(x, y, z))
      : await placeNearby(ctx, item);
    const p = block.position;
    return { block: block.name, x: p.x, y: p.y, z: p.z };
  },
});
