// The bot-facing half of the staircase: what the client knows of a block, and digging one safely.
import type { Bot } from 'mineflayer';
import type { Block } from 'prismarine-block';
import { Vec3 } from 'vec3';
import { SkillError } from '../../base/errors.ts';
import type { Cell, DigCheck, Lookup, P } from './stairs.ts';
import type { SkillContext } from '../../skills/types.ts';
import { sleep, throwIfAborted, untilAborted } from '../../base/wait.ts';
import { claimsOf, isClaimedByOther, releaseClaim, tryClaim, tryClaimAll } from '../../bot/claims.ts';

const LIQUIDS = new Set(['water', 'lava', 'flowing_water', 'flowing_lava', 'bubble_column', 'kelp', 'kelp_plant', 'seagrass', 'tall_seagrass']);
const GRAVITY = new Set(['sand', 'red_sand', 'gravel', 'suspicious_sand', 'suspicious_gravel', 'anvil', 'chipped_anvil', 'damaged_anvil', 'dragon_egg', 'pointed_dripstone', 'scaffolding']);
/** A block that takes longer than this to dig with the best tool at hand is treated as needing a better one. */
const MAX_DIG_MS = 8000;
/** Sand or gravel sliding into a cleared block is dug again this many times at most. */
const MAX_REFILLS = 12;

export const PICKAXES = ['netherite_pickaxe', 'diamond_pickaxe', 'iron_pickaxe', 'stone_pickaxe', 'golden_pickaxe', 'wooden_pickaxe'] as const;

export function cellOf(block: Block): Cell {
  const waterlogged = (block.getProperties() as Record<string, unknown>).waterlogged === true;
  const liquid = LIQUIDS.has(block.name) || waterlogged;
  return {
    name: block.name,
    liquid,
    empty: !liquid && block.boundingBox === 'empty',
    solid: !liquid && block.boundingBox === 'block',
    gravity: GRAVITY.has(block.name) || block.name.endsWith('_concrete_powder'),
  };
}

/**
 * The client's view of the world as a stair-planning lookup (null where no column is loaded); blocks a
 * team mate claimed are marked so that the plan goes another way (read at each call: claims change).
 */
export function lookupFor(bot: Bot): Lookup {
  const probe = new Vec3(0, 0, 0);
  const team = claimsOf(bot) !== undefined;
  return (x, y, z) => {
    const b = bot.blockAt(probe.set(x, y, z), false);
    if (!b) return null;
    const cell = cellOf(b);
    return team && !cell.empty && isClaimedByOther(bot, probe) ? { ...cell, claimed: true } : cell;
  };
}

/**
 * Claims the cells of a stair step for this bot, all or none, in the tick its plan was made (the
 * lookup left out team mates' cells, so this holds unless called later). False when a mate holds one.
 */
export function claimStep(bot: Bot, cells: readonly P[]): boolean {
  return tryClaimAll(bot, cells, 'block');
}

/**
 * Drops this bot's claims on the cells of a step it did not get to dig (a step given up). Dug ones stay
 * claimed until they run out: a team mate whose client has not heard of the dig yet must not dig them too.
 */
export function releaseStep(bot: Bot, cells: readonly P[]): void {
  const probe = new Vec3(0, 0, 0);
  for (const p of cells) {
    const b = bot.blockAt(probe.set(p.x, p.y, p.z), false);
    if (!b || !cellOf(b).empty) releaseClaim(bot, p);
  }
}

function inventoryNames(bot: Bot): string[] {
  return bot.inventory.items().map((i) => i.name);
}

/** Whether the bot can dig `name` with what it carries, by the knowledge base's harvest and dig-time rules. */
export function digCheckFor(ctx: SkillContext): DigCheck {
  const { bot, knowledge: kb } = ctx;
  return (name) => {
    const data = bot.registry.blocksByName[name];
    if (!data || !data.diggable) return 'never';
    const items = inventoryNames(bot);
    const tool = kb.bestTool(name, items);
    if (kb.harvestRequirement(name) !== null && !kb.canHarvest(name, tool)) return 'tool';
    return kb.digTimeMs(name, tool) > MAX_DIG_MS ? 'tool' : 'ok';
  };
}

/** The best pickaxe the bot carries, or null. */
export function bestPickaxe(bot: Bot): string | null {
  const names = new Set(inventoryNames(bot));
  return PICKAXES.find((p) => names.has(p)) ?? null;
}

/** Blocks the pickaxes carried can still dig, summed over all of them. */
export function pickaxeUsesLeft(bot: Bot): number {
  let uses = 0;
  for (const item of bot.inventory.items()) {
    if (!(PICKAXES as readonly string[]).includes(item.name)) continue;
    const max = bot.registry.itemsByName[item.name]?.maxDurability ?? 0;
    uses += Math.max(0, max - (item.durabilityUsed ?? 0)) * item.count;
  }
  return uses;
}

/** Holds the item that digs `name` fastest (keeps the current item when the hand is as good). */
async function equipFor(ctx: SkillContext, name: string): Promise<void> {
  const { bot, knowledge: kb, signal } = ctx;
  const best = kb.bestTool(name, inventoryNames(bot));
  if (!best || bot.heldItem?.name === best) return;
  const item = bot.inventory.items().find((i) => i.name === best);
  if (item) await untilAborted(bot.equip(item, 'hand'), signal);
}

/**
 * Digs the block at `p` until the space is empty: sand or gravel that slides in from above is dug
 * again (bounded). Refuses liquids. bot.dig waits the dig time for the held tool, which the server
 * enforces; a dig that does not finish in that time plus a margin ends in STUCK.
 */
export async function clearBlock(ctx: SkillContext, p: P): Promise<number> {
  const { bot } = ctx;
  // A team mate's block is theirs to dig (claimStep claims a whole step ahead; this covers a lone call).
  // Kept once dug (see releaseStep), given back when the dig fails.
  if (!tryClaim(bot, p, 'block')) throw new SkillError('FAILED', `the block at ${p.x},${p.y},${p.z} is claimed by ${claimsOf(bot)?.board.holder(`${p.x},${p.y},${p.z}`) ?? 'a team mate'}`);
  return clearClaimed(ctx, p).catch((err: unknown) => {
    releaseClaim(bot, p);
    throw err;
  });
}

async function clearClaimed(ctx: SkillContext, p: P): Promise<number> {
  const { bot, signal } = ctx;
  const pos = new Vec3(p.x, p.y, p.z);
  let dug = 0;
  for (let round = 0; round <= MAX_REFILLS; round++) {
    const block = bot.blockAt(pos);
    if (!block) throw new SkillError('FAILED', `block at ${p.x},${p.y},${p.z} is not loaded`);
    const cell = cellOf(block);
    if (cell.empty) return dug;
    if (cell.liquid) throw new SkillError('DANGER', `${block.name} flowed into the stairs at ${p.x},${p.y},${p.z}`, { block: block.name });
    await equipFor(ctx, block.name);
    const above = bot.blockAt(pos.offset(0, 1, 0));
    await digWithin(ctx, block);
    dug++;
    // Sand or gravel above needs a moment to fall in (a server that refused the dig sends the
    // block back too; the step after the digging notices that).
    if (above && cellOf(above).gravity) await sleep(300, signal);
  }
  throw new SkillError('STUCK', `blocks keep falling into ${p.x},${p.y},${p.z}`);
}

async function digWithin(ctx: SkillContext, block: Block): Promise<void> {
  const { bot, signal, log } = ctx;
  throwIfAborted(signal);
  const limit = bot.digTime(block) + 5000;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      bot.stopDigging();
      reject(new SkillError('STUCK', `digging ${block.name} at ${block.position.toString()} did not finish within ${limit} ms`));
    }, limit);
  });
  const digging = bot.dig(block, true);
  // Synchronous: once the caller hears of the abort it may start digging something else.
  const onAbort = () => bot.stopDigging();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await untilAborted(Promise.race([digging, late]), signal);
  } finally {
    signal.removeEventListener('abort', onAbort);
    clearTimeout(timer);
    // When stopped, the dig rejects after the error above was already thrown.
    digging.catch((err: unknown) => log.debug({ err: err instanceof Error ? err.message : String(err) }, 'dig ended after it was stopped'));
  }
}

/**
 * Walks onto the stair step `next` (one block ahead, one down or up) with the movement keys:
 * faster than a path search for one block. Resolves false when the bot is not there in `timeoutMs`.
 */
export async function stepOnto(ctx: SkillContext, next: P, timeoutMs = 2500): Promise<boolean> {
  const { bot, signal } = ctx;
  const cx = next.x + 0.5;
  const cz = next.z + 0.5;
  const there = () => {
    const p = bot.entity.position;
    return Math.floor(p.y) === next.y && Math.abs(p.x - cx) < 0.3 && Math.abs(p.z - cz) < 0.3 && bot.entity.onGround;
  };
  const up = next.y > Math.floor(bot.entity.position.y);
  const end = Date.now() + timeoutMs;
  try {
    while (!there()) {
      if (Date.now() > end) return false;
      const p = bot.entity.position;
      // Facing the centre of the step each tick keeps the bot from scraping along a wall.
      await untilAborted(bot.look(Math.atan2(-(cx - p.x), -(cz - p.z)), 0, true), signal);
      bot.setControlState('forward', true);
      bot.setControlState('jump', up && Math.floor(p.y) < next.y);
      await sleep(50, signal);
    }
    return true;
  } finally {
    bot.clearControlStates();
  }
}
