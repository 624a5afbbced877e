// A full inventory, handled before a step: the least useful stacks are stored in a chest within
// reach, or else thrown away, so that the step has room; the goal's items and everything the plan
// uses are never given up.
import type { Bot } from 'mineflayer';
import type { Logger } from 'pino';
import type { Knowledge } from '../../knowledge/kb.ts';
import type { SkillRegistry } from '../../skills/define.ts';
import { freeSlots } from '../../actions/items/inventory.ts';
import { runSkill } from '../../skills/runner.ts';
import { findNearestBlock } from '../../actions/world/scan.ts';
import { CONTAINERS } from '../../actions/crafting/stations.ts';
import { untilAborted } from '../../base/wait.ts';
import { stacksToDrop, usefulness, type CarriedStack } from './items.ts';

/** Main inventory and hotbar (window-0 slots); armour and the off-hand are left alone. */
const FIRST = 9;
const LAST = 44;
/** Slots made free when none is: room for a step's products and their by-products. */
export const FREE_SLOTS_TARGET = 3;
/** A chest this close (blocks from the feet) is used instead of the ground. */
const CHEST_REACH = 4;
const TOSS_TIMEOUT_MS = 5000;

export interface InventoryContext {
  bot: Bot;
  log: Logger;
  knowledge: Knowledge;
  skills: SkillRegistry;
  signal: AbortSignal;
}

/** What the handling did, as the trace records it. */
export interface InventoryRecord {
  freeBefore: number;
  freeAfter: number;
  stored: { name: string; count: number }[];
  dropped: { name: string; count: number }[];
  /** Items kept whatever happens (goal and plan). */
  kept: string[];
  error?: string;
}

export function carriedStacks(bot: Bot): CarriedStack[] {
  const out: CarriedStack[] = [];
  for (let slot = FIRST; slot <= LAST; slot++) {
    const it = bot.inventory.slots[slot];
    if (it && it.count > 0) out.push({ slot, name: it.name, count: it.count });
  }
  return out;
}

/** null when a slot is free; else stores or drops the least useful stacks until `FREE_SLOTS_TARGET` are. */
export async function makeRoom(ctx: InventoryContext, kept: ReadonlySet<string>): Promise<InventoryRecord | null> {
  const { bot, knowledge: kb } = ctx;
  const freeBefore = freeSlots(bot);
  if (freeBefore > 0) return null;
  const foods = bot.registry.foodsByName as Record<string, unknown>;
  const choice = stacksToDrop(carriedStacks(bot), freeBefore, FREE_SLOTS_TARGET, kept, (n) => usefulness(n, kb, (f) => foods[f] !== undefined));
  const record: InventoryRecord = { freeBefore, freeAfter: freeBefore, stored: [], dropped: [], kept: [...kept].sort() };
  try {
    const left = await store(ctx, choice, record);
    await toss(ctx, left, record);
  } catch (err) {
    // The step still runs; it fails INVENTORY_FULL by itself if the room was needed.
    record.error = err instanceof Error ? err.message : String(err);
    ctx.log.warn({ err: record.error }, 'could not make room in the inventory');
  }
  record.freeAfter = freeSlots(bot);
  return record;
}

/** Stores the chosen stacks in a chest within reach; returns the stacks still to go. */
async function store(ctx: InventoryContext, choice: CarriedStack[], record: InventoryRecord): Promise<CarriedStack[]> {
  const deposit = ctx.skills.get('depositToChest');
  const chest = findNearestBlock(ctx.bot, [...CONTAINERS], { maxDistance: CHEST_REACH });
  if (!deposit || !chest || choice.length === 0) return choice;
  const left: CarriedStack[] = [];
  for (const name of new Set(choice.map((s) => s.name))) {
    const count = choice.filter((s) => s.name === name).reduce((n, s) => n + s.count, 0);
    const out = await runSkill(deposit, { item: name, count }, { bot: ctx.bot, log: ctx.log, knowledge: ctx.knowledge, signal: ctx.signal });
    if (out.ok) record.stored.push({ name, count });
    else {
      ctx.log.debug({ item: name, code: out.code, err: out.message }, 'could not store; dropping instead');
      left.push(...choice.filter((s) => s.name === name));
    }
  }
  return left;
}

async function toss(ctx: InventoryContext, stacks: CarriedStack[], record: InventoryRecord): Promise<void> {
  const { bot, signal } = ctx;
  if (stacks.length === 0) return;
  // Thrown up and ahead, the items land a few blocks away rather than at the feet to be picked up again.
  await untilAborted(bot.look(bot.entity.yaw, 0.6, true), signal);
  for (const s of stacks) {
    const item = bot.inventory.slots[s.slot];
    if (item?.name !== s.name) continue;
    await bounded(bot.tossStack(item), TOSS_TIMEOUT_MS, `throwing away ${s.count} ${s.name}`, signal);
    record.dropped.push({ name: s.name, count: s.count });
  }
}

function bounded<T>(p: Promise<T>, ms: number, what: string, signal: AbortSignal): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms); });
  return Promise.race([untilAborted(p, signal), timeout]).finally(() => clearTimeout(timer));
}
