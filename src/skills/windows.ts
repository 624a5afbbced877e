// Bounded wrappers around mineflayer's window calls. mineflayer waits for server packets (a window
// opening, the crafting result slot, a sync) with no timeout or a 20 s one, and a call abandoned
// half-way keeps its listeners and continues when a late event arrives, clicking in whatever window
// is open by then. Every call here fails within its bound with a typed error and leaves the bot
// with no window open, the abandoned call's listeners removed and its inventory model confirmed by
// the server (or, when the server does not answer, put back as it was before the call).
import { createRequire } from 'node:module';
import type { Bot, Chest, Furnace } from 'mineflayer';
import type { Block } from 'prismarine-block';
import type { Item } from 'prismarine-item';
import type { Window } from 'prismarine-windows';
import { SkillError } from './errors.ts';
import type { SkillContext } from './types.ts';
import { throwIfAborted, untilAborted } from './wait.ts';

declare module 'mineflayer' {
  interface Bot {
    /** mineflayer 4.39+: a no-op click with an impossible state id, answered with the full window. */
    _syncWindow?: (window: Window) => Promise<void>;
  }
}

const require = createRequire(import.meta.url);
type ItemClass = { toNotch(item: Item | null): object; fromNotch(notch: object): Item | null };
const itemClasses = new WeakMap<object, ItemClass>();

/** One server round trip with a wide margin: the sandbox answers in milliseconds, a real server in < 1 s. */
export const WINDOW_TIMEOUT_MS = 5000;
const SYNC_TIMEOUT_MS = 2000;

/** Lets a call notice that it was abandoned (timeout, abort) before its next click. */
export interface Guard {
  check(): void;
}

const BOT_EVENTS = /^(windowOpen$|setWindowItems:|setSlot:|confirmTransaction)/;
const WINDOW_EVENTS = /^updateSlot:/;

/** Remembers an emitter's listeners for window events, to remove those a call adds and leaves behind. */
function trackListeners(bot: Bot): { removeAdded(): void } {
  const emitters: [NodeJS.EventEmitter, RegExp][] = [[bot, BOT_EVENTS], [bot.inventory, WINDOW_EVENTS]];
  if (bot.currentWindow) emitters.push([emitter(bot.currentWindow), WINDOW_EVENTS]);
  const before = new Map(emitters.map(([e, re]) => [e, listenersOf(e, re)]));
  const startWindow = bot.currentWindow;
  return {
    removeAdded() {
      for (const [e, re] of emitters) {
        const had = before.get(e)!;
        for (const [event, fns] of listenersOf(e, re)) for (const fn of fns) if (!had.get(event)?.has(fn)) e.removeListener(event, fn);
      }
      // A window opened during the call has only that call's listeners.
      const w = bot.currentWindow ? emitter(bot.currentWindow) : null;
      if (w && bot.currentWindow !== startWindow) for (const [event, fns] of listenersOf(w, WINDOW_EVENTS)) for (const fn of fns) w.removeListener(event, fn);
    },
  };
}

type Listener = (...args: unknown[]) => void;

/** prismarine-windows types its windows as typed emitters; the listener bookkeeping needs the plain one. */
function emitter(window: Window): NodeJS.EventEmitter {
  return window as unknown as NodeJS.EventEmitter;
}

function listenersOf(e: NodeJS.EventEmitter, re: RegExp): Map<string | symbol, Set<Listener>> {
  const out = new Map<string | symbol, Set<Listener>>();
  for (const event of e.eventNames()) {
    if (typeof event === 'string' && re.test(event)) out.set(event, new Set(e.listeners(event) as Listener[]));
  }
  return out;
}

function itemClass(bot: Bot): ItemClass {
  let cls = itemClasses.get(bot.registry);
  if (!cls) itemClasses.set(bot.registry, (cls = (require('prismarine-item') as (r: unknown) => ItemClass)(bot.registry)));
  return cls;
}

/**
 * Runs one window operation with a bound. On timeout, abort or error: the call is abandoned (its
 * guard throws at its next step, its listeners are removed), any open window is closed, and the
 * inventory is re-synced with the server before the error is thrown.
 */
export async function windowCall<T>(ctx: SkillContext, what: string, fn: (guard: Guard) => Promise<T>, timeoutMs = WINDOW_TIMEOUT_MS): Promise<T> {
  const { bot, signal } = ctx;
  throwIfAborted(signal);
  const Item = itemClass(bot);
  const before = bot.inventory.slots.map((s) => Item.toNotch(s ?? null));
  const tracked = trackListeners(bot);
  let abandoned: Error | undefined;
  const guard: Guard = { check: () => { if (abandoned) throw abandoned; } };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SkillError('TIMEOUT', `${what}: the server did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await untilAborted(Promise.race([fn(guard), timeout]), signal);
  } catch (err) {
    abandoned = err instanceof Error ? err : new Error(String(err));
    tracked.removeAdded();
    await recover(ctx, before, Item);
    if (err instanceof SkillError) throw err;
    throw new SkillError('FAILED', `${what} failed: ${abandoned.message}`, undefined, { cause: err });
  } finally {
    clearTimeout(timer);
  }
}

/** Closes windows, gives the grid and cursor back, and re-syncs; restores the old model if the server stays silent. */
async function recover(ctx: SkillContext, before: object[], Item: ItemClass): Promise<void> {
  const { bot, log } = ctx;
  try {
    if (bot.currentWindow) await closeAny(bot, bot.currentWindow);
    const grid = [1, 2, 3, 4].some((i) => bot.inventory.slots[i]);
    // Closing the inventory screen makes the server put the 2x2 grid and the cursor back.
    if (grid || bot.inventory.selectedItem) await bot.closeWindow(bot.inventory);
  } catch (err) {
    log.warn({ err }, 'could not close the window after a failed window call');
  }
  try {
    await boundedSync(bot, bot.inventory, SYNC_TIMEOUT_MS);
  } catch (err) {
    // No answer: the server never applied the unanswered clicks as far as we can tell, so the
    // model from before the call is the best guess until the next server update corrects it.
    log.warn({ err: err instanceof Error ? err.message : String(err) }, 'inventory not confirmed by the server; restoring the model from before the call');
    // updateSlot takes null for an empty slot; its typings say otherwise.
    before.forEach((notch, i) => bot.inventory.updateSlot(i, Item.fromNotch(notch) as Item));
    bot.inventory.selectedItem = null;
  }
}

async function closeAny(bot: Bot, window: Window): Promise<void> {
  const ext = window as Window & { close?: () => Promise<void> };
  // Furnaces and chests have their own close(), which also drops their progress listeners.
  if (typeof ext.close === 'function') await ext.close();
  else await bot.closeWindow(window);
}

/** Asks the server for the whole window and waits for it (bounded; the listener is removed on timeout). */
async function boundedSync(bot: Bot, window: Window, timeoutMs: number): Promise<void> {
  if (!bot._syncWindow) return;
  const tracked = trackListeners(bot);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      bot._syncWindow(window),
      new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new SkillError('TIMEOUT', `no window sync within ${timeoutMs} ms`)), timeoutMs); }),
    ]);
  } catch (err) {
    tracked.removeAdded();
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

/** Confirms a window's contents with the server (bounded). */
export function syncWindow(ctx: SkillContext, window: Window = ctx.bot.currentWindow ?? ctx.bot.inventory): Promise<void> {
  return windowCall(ctx, 'syncing the inventory', () => boundedSync(ctx.bot, window, WINDOW_TIMEOUT_MS));
}

/** Opens a block's window (crafting table, furnace, chest) and checks its type. */
export function openBlockWindow(ctx: SkillContext, block: Block, types: readonly string[]): Promise<Window> {
  return windowCall(ctx, `opening the ${block.name} at ${fmt(block.position)}`, async () => {
    const window = await ctx.bot.openBlock(block);
    const type = String(window.type);
    if (!types.some((t) => type.startsWith(t))) throw new SkillError('FAILED', `the ${block.name} opened a ${type} window`);
    return window;
  });
}

export function openFurnace(ctx: SkillContext, block: Block): Promise<Furnace> {
  return windowCall(ctx, `opening the furnace at ${fmt(block.position)}`, () => ctx.bot.openFurnace(block));
}

export function openContainer(ctx: SkillContext, block: Block): Promise<Chest> {
  return windowCall(ctx, `opening the ${block.name} at ${fmt(block.position)}`, () => ctx.bot.openContainer(block));
}

/** Runs clicks in `window`, then has the server confirm the result (both within one bound). */
function clicksThenSync(ctx: SkillContext, window: Window, what: string, clicks: () => Promise<unknown>): Promise<void> {
  return windowCall(ctx, what, async (guard) => {
    await clicks();
    guard.check();
    await boundedSync(ctx.bot, window, WINDOW_TIMEOUT_MS);
  });
}

export function putFuel(ctx: SkillContext, furnace: Furnace, itemId: number, count: number): Promise<void> {
  return clicksThenSync(ctx, furnace, `putting ${count} ${nameOf(ctx.bot, itemId)} in the fuel slot`, () => furnace.putFuel(itemId, null, count));
}

export function putInput(ctx: SkillContext, furnace: Furnace, itemId: number, count: number): Promise<void> {
  return clicksThenSync(ctx, furnace, `putting ${count} ${nameOf(ctx.bot, itemId)} in the furnace`, () => furnace.putInput(itemId, null, count));
}

export function takeOutput(ctx: SkillContext, furnace: Furnace): Promise<void> {
  return clicksThenSync(ctx, furnace, 'taking the furnace output', () => furnace.takeOutput());
}

/** Takes whatever is in a furnace slot (0 input, 1 fuel) back into the inventory. */
export function takeSlot(ctx: SkillContext, furnace: Furnace, slot: 0 | 1): Promise<void> {
  return clicksThenSync(ctx, furnace, `emptying furnace slot ${slot}`, () => (slot === 0 ? furnace.takeInput() : furnace.takeFuel()));
}

export function deposit(ctx: SkillContext, chest: Chest, itemId: number, count: number): Promise<void> {
  return clicksThenSync(ctx, chest, `putting ${count} ${nameOf(ctx.bot, itemId)} in the chest`, () => chest.deposit(itemId, null, count));
}

export function withdraw(ctx: SkillContext, chest: Chest, itemId: number, count: number): Promise<void> {
  return clicksThenSync(ctx, chest, `taking ${count} ${nameOf(ctx.bot, itemId)} from the chest`, () => chest.withdraw(itemId, null, count));
}

/** Closes `window` if it is still the open one. */
export async function closeWindow(ctx: SkillContext, window: Window): Promise<void> {
  if (ctx.bot.currentWindow !== window) return;
  await windowCall(ctx, 'closing the window', () => closeAny(ctx.bot, window));
}

/**
 * How many of an item the player's part of an open window holds. While a window is open mineflayer
 * updates only the window; `bot.inventory` catches up when it closes.
 */
export function countInWindow(window: Window, itemId: number): number {
  let n = 0;
  for (let i = window.inventoryStart; i < window.inventoryEnd; i++) if (window.slots[i]?.type === itemId) n += window.slots[i]!.count;
  return n;
}

function nameOf(bot: Bot, id: number): string {
  return bot.registry.items[id]?.name ?? `item ${id}`;
}

export function fmt(p: { x: number; y: number; z: number }): string {
  return `${Math.floor(p.x)},${Math.floor(p.y)},${Math.floor(p.z)}`;
}
