import { craftItem } from './craftItem.ts';
import { depositToChest } from './depositToChest.ts';
import { digToLevel } from './digToLevel.ts';
import { explore } from './explore.ts';
import { goTo } from './goTo.ts';
import { collectDrops } from './collectDrops.ts';
import { eat } from './eat.ts';
import { equip } from './equip.ts';
import { killMob } from './killMob.ts';
import { milkCow } from './milkCow.ts';
import { collectEggs } from './collectEggs.ts';
import { mineBlock } from './mineBlock.ts';
import { placeBlock } from './placeBlock.ts';
import { placeCraftingTable } from './placeCraftingTable.ts';
import { placeFurnace } from './placeFurnace.ts';
import { shearSheep } from './shearSheep.ts';
import { harvestHoney } from './harvestHoney.ts';
import { weatherCopper } from './weatherCopper.ts';
import { smeltItem } from './smeltItem.ts';
import { withdrawFromChest } from './withdrawFromChest.ts';
import { useItemOnBlock } from './useItemOnBlock.ts';
import { hardenConcrete } from './hardenConcrete.ts';
import { fish } from './fish.ts';
import { bucketFish } from './bucketFish.ts';
import { giveItems } from './giveItems.ts';
import { useItem } from './useItem.ts';
import { buildStructure } from './buildStructure.ts';
import { type AnySkill, SkillRegistry } from '../src/actions/index.ts';

/** Every skill the planner may pick, listed explicitly (no folder scanning, no generated code). */
export const SKILLS: readonly AnySkill[] = [
  explore, goTo, digToLevel, mineBlock, collectDrops, equip, eat, craftItem, placeBlock, placeCraftingTable, placeFurnace, smeltItem, depositToChest, withdrawFromChest,
  killMob, shearSheep, milkCow, collectEggs, harvestHoney, weatherCopper,
  fish, bucketFish,
  useItemOnBlock, hardenConcrete, useItem,
];

/** A team's skills on top: the hand-over between members (src/team). */
export const TEAM_SKILLS: readonly AnySkill[] = [...SKILLS, giveItems];

/** What a team member's chat model is offered: not the hand-over, which the coordinator runs (src/team/handover.ts). */
export const MEMBER_MODEL_SKILLS: readonly AnySkill[] = SKILLS;

/** A build's skills on top: placing a structure (src/agent/build.ts gathers its materials with the rest). */
export const BUILD_SKILLS: readonly AnySkill[] = [...SKILLS, buildStructure];

export function createSkillRegistry(skills: readonly AnySkill[] = SKILLS): SkillRegistry {
  return new SkillRegistry(skills);
}
