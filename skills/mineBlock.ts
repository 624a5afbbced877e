import { z } from 'zod';
import { BLOCK_GROUPS, defineSkill, isBlockGroup, mineBlocks, minePlan, type MineResult, NEARBY_RADIUS, perBlock, primaryDrop, producingBlocks, toolsFor } from '../src/actions/index.ts';

const params = z.object({
  block: z.string().min(1).describe(`a block (oak_log, iron_ore: its deepslate twin too) or a group: ${Object.keys(BLOCK_GROUPS).join(', ')} (#logs, #planks, #stone_tool_materials)`),
  count: z.number().int().min(1).max(256).describe('items wanted, not blocks'),
  item: z.string().min(1).optional().describe('count this drop instead (flint from gravel; leaves, with shears)'),
  radius: z.number().int().min(1).max(96).default(NEARBY_RADIUS).describe('search radius in blocks'),
});

export const mineBlock = defineSkill<typeof params, MineResult>({
  name: 'mineBlock',
  summary: 'Mine blocks nearby and collect their drops until `count` items were gained.',
  details:
    `\`block\` is a block name or a group (${Object.keys(BLOCK_GROUPS).join(', ')}). ` +
    'Holds what gives the counted drop: shears for leaves, grass, vines or cobwebs as themselves, never shears for seeds or saplings. ' +
    'Fails NO_TOOL (naming the tool) when nothing carried harvests it or gives that drop, NO_TARGET when none is within `radius`, ' +
    'INVENTORY_FULL when the drop does not fit. Never digs the block under its feet unless solid ground lies below it, never opens a block next to water or lava (seagrass, itself water, opens nothing), never stands under a falling block it undermines.',
  params,
  example: { block: 'iron_ore', count: 3, radius: 32 },
  preconditions(args, kb) {
    // What to hold depends on the drop counted: shears for leaves as leaves, a pickaxe for raw iron.
    const plan = minePlan(kb, args.block, args.item);
    const tools = toolsFor(kb, plan.blocks, plan.counted);
    return { ...(tools.length > 0 ? { equip: tools } : {}), facts: [`${args.block}_nearby`] };
  },
  effects(args, kb) {
    const plan = minePlan(kb, args.block, args.item);
    return { obtain: { [plan.label]: args.count } };
  },
  producers(target, count, kb) {
    return producingBlocks(kb, target).map((block) => {
      // A block that gives nothing to a hand or its harvest tool (vine, seagrass) is mined for `item` only.
      const own = isBlockGroup(block) || primaryDrop(kb, block) === target || (primaryDrop(kb, block) !== null && minePlan(kb, block).counted.includes(target));
      return { block, count, radius: NEARBY_RADIUS, ...(own ? {} : { item: target }) };
    });
  },
  // A stingy drop (an apple in 200 oak leaves) takes many blocks per item; a few seconds each.
  timeoutMs: (args, kb) => 30_000 + Math.max(args.count * 20_000, (args.item ? args.count / Math.max(perBlock(kb, args.block, args.item), 0.001) : 0) * 3000),
  run: (ctx, args) => mineBlocks(ctx, args),
});
