import { z } from 'zod';
import { BLOCK_GROUPS, defineSkill, isBlockGroup, mineBlocks, minePlan, type MineResult, NEARBY_RADIUS, primaryDrop, producingBlocks, resolveBlocks, toolsFor } from '../src/actions/index.ts';

const params = z.object({
  block: z.string().min(1).describe(`a block name (oak_log, stone, iron_ore) or a group: ${Object.keys(BLOCK_GROUPS).join(', ')} (or their tags #logs, #planks, #stone_tool_materials); an ore also matches its deepslate twin`),
  count: z.number().int().min(1).max(256).describe('items to obtain (not blocks): 3 cobblestone means 3 stone blocks'),
  item: z.string().min(1).optional().describe('count this drop instead of the main one (flint from gravel)'),
  radius: z.number().int().min(1).max(96).default(NEARBY_RADIUS).describe('search radius in blocks'),
});

export const mineBlock = defineSkill<typeof params, MineResult>({
  name: 'mineBlock',
  summary: 'Mine blocks nearby and collect their drops until `count` items were gained.',
  details:
    `\`block\` is a block name or a group (${Object.keys(BLOCK_GROUPS).join(', ')}). ` +
    'Fails NO_TOOL (naming the tool) when nothing carried harvests it, NO_TARGET when none is within `radius`, ' +
    'INVENTORY_FULL when the drop does not fit. Never digs the block under its feet unless solid ground lies below it, never opens a block next to water or lava, never stands under a falling block it undermines.',
  params,
  example: { block: 'iron_ore', count: 3, radius: 32 },
  preconditions(args, kb) {
    const tools = toolsFor(kb, resolveBlocks(kb, args.block));
    return { ...(tools.length > 0 ? { equip: tools } : {}), facts: [`${args.block}_nearby`] };
  },
  effects(args, kb) {
    const plan = minePlan(kb, args.block, args.item);
    return { obtain: { [plan.label]: args.count } };
  },
  producers(target, count, kb) {
    return producingBlocks(kb, target).map((block) => {
      const own = isBlockGroup(block) || primaryDrop(kb, block) === target || minePlan(kb, block).counted.includes(target);
      return { block, count, radius: NEARBY_RADIUS, ...(own ? {} : { item: target }) };
    });
  },
  timeoutMs: (args) => 30_000 + args.count * 20_000,
  run: (ctx, args) => mineBlocks(ctx, args),
});
