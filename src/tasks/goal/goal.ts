import { z } from 'zod';

/**
 * What a task asks for. An item goal is met when the inventory holds `count` of any of `items`
 * (one id, or a group such as any log); an items goal when it holds every one of `counts`; a placed
 * goal when the block is within reach of the bot.
 */
export const goalSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('item'), items: z.array(z.string()).min(1), count: z.number().int().min(1), label: z.string().optional() }),
  z.object({ kind: z.literal('placed'), block: z.string(), label: z.string().optional() }),
  // Every item in its count at once: a structure's bill of materials (src/build).
  z.object({ kind: z.literal('items'), counts: z.record(z.string(), z.number().int().min(1)), label: z.string().optional() }),
  z.object({ kind: z.literal('text'), text: z.string().min(1) }),
]);
export type Goal = z.infer<typeof goalSchema>;

export function describeGoal(g: Goal): string {
  if (g.kind === 'item') return `${g.count} ${g.label ?? (g.items.length === 1 ? g.items[0] : `of ${g.items.join('/')}`)}`;
  if (g.kind === 'placed') return g.label ?? `${g.block} placed nearby`;
  if (g.kind === 'items') return g.label ?? Object.entries(g.counts).map(([item, n]) => `${n} ${item}`).join(', ');
  return g.text;
}
