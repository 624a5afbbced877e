// Window work for skills (crafting, furnaces, chests), correct against any vanilla-conforming server
// whatever the timing. Every click is confirmed by the server before the next one is chosen from the
// window as the server sent it (src/net/windowClicks.ts); nothing waits a fixed time. Opening a window
// still goes through mineflayer (its furnace and chest objects), bounded here: mineflayer waits for
// `windowOpen` with no timeout of its own that we control, and an abandoned wait keeps its listener.
import type { Bot, Chest, Furnace } from 'mineflayer';
import type { Block } from 'prismarine-block';
import type { Item } from 'prismarine-item';
import type { Window } from 'prismarine-windows';
import { ClickError, confirmedClick, resyncWindow } from '../../net/windowClicks.ts';
import { missingItems, SkillError } from '../../base/errors.ts';
import type { SkillContext } from '../../skills/types.ts';
import { abortReason, throwIfAborted, untilAborted } from '../../base/wait.ts';
import { fmt } from '../../base/position.ts';

/** One server round trip with a wide margin: the sandbox answers in milliseconds, a real server in < 1 s. */
export const WINDOW_TIMEOUT_MS = 5000;
const RECOVERY_TIMEOUT_MS = 2000;

/** Lets a call notice that it was abandoned (timeout, abort) before its next click. */
export interface Guard {
  check(): void;
}

const BOT_EVENTS = /^(windowOpen$|setWindowItems:|setSlot:|confirmTransaction)/;
const WINDOW_EVENTS = /^updateSlot:/;
type Listener = (...args: unknown[]) => void;

/** Remembers the window-event listeners of the bot, to remove those an abandoned mineflayer call leaves behind. */
function trackListeners(bot: Bot): { removeAdded(): void } {
  const emitters: [NodeJS.EventEmitter, RegExp][] = [[bot, BOT_EVENTS], [bot.inventory, WINDOW_EVENTS]];
  const before = new Map(emitters.map(([e, re]) => [e, listenersOf(e, re)]));
  return {
    removeAdded() {
      for (const [e, re] of emitters) {
        const had = before.get(e)!;
        for (const [event, fns] of listenersOf(e, re)) for (const fn of fns) if (!had.get(event)?.has(fn)) e.removeListener(event, fn);
      }
    },
  };
}

function listenersOf(e: NodeJS.EventEmitter, re: RegExp): Map<string | symbol, Set<Listener>> {
  const out = new Map<string | symbol, Set<Listener>>();
  for (const event of e.eventNames()) if (typeof event === 'string' && re.test(event)) out.set(event, new Set(e.listeners(event) as Listener[]));
  return out;
}

/** A confirmed click's failure as the skill error the planner reacts to. */
function toSkillError(err: unknown, what: string, signal: AbortSignal): SkillError {
  if (err instanceof SkillError) return err;
  if (err instanceof ClickError) {
    if (err.reason === 'aborted' && signal.aborted) {
      const r = abortReason(signal);
      return r instanceof SkillError ? r : new SkillError('ABORTED', `${what}: ${r.message}`);
    }
    return new SkillError(err.reason === 'silent' ? 'TIMEOUT' : 'FAILED', `${what}: ${err.message}`, undefined, { cause: err });
  }
  return new SkillError('FAILED', `${what} failed: ${err instanceof Error ? err.message : String(err)}`, undefined, { cause: err });
}

/**
 * Runs one window operation. On error, timeout or abort the operation is abandoned (its guard throws
 * at its next step), any open window is closed (the server puts grid and cursor back) and the
 * inventory is re-read from the server before the error is thrown. `timeoutMs` bounds calls that do
 * not bound their own waits (mineflayer's); confirmed clicks are each bounded already.
 */
export async function windowCall<T>(ctx: SkillContext, what: string, fn: (guard: Guard) => Promise<T>, timeoutMs?: number): Promise<T> {
  const { bot, signal } = ctx;
  throwIfAborted(signal);
  const tracked = trackListeners(bot);
  let abandoned: Error | undefined;
  const guard: Guard = { check: () => { if (abandoned) throw abandoned; } };
  let timer: NodeJS.Timeout | undefined;
  const bounded = timeoutMs === undefined ? fn(guard) : Promise.race([fn(guard), new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SkillError('TIMEOUT', `${what}: the server did not answer within ${timeoutMs} ms`)), timeoutMs);
  })]);
  try {
    return await untilAborted(bounded, signal);
  } catch (err) {
    abandoned = err instanceof Error ? err : new Error(String(err));
    tracked.removeAdded();
    await recover(ctx);
    throw toSkillError(err, what, signal);
  } finally {
    clearTimeout(timer);
  }
}

/** Closes windows (grid and cursor go back to the inventory) and re-reads the inventory from the server. */
async function recover(ctx: SkillContext): Promise<void> {
  const { bot, log } = ctx;
  const open = bot.currentWindow;
  if (open) await closeAny(bot, open).catch((err: unknown) => log.warn({ err }, 'could not close the window after a failed window call'));
  const gridOrCursor = [1, 2, 3, 4].some((i) => bot.inventory.slots[i]) || bot.inventory.selectedItem;
  if (gridOrCursor) await bot.closeWindow(bot.inventory).catch((err: unknown) => log.warn({ err }, 'could not close the inventory'));
  try {
    // The skill's own signal may be what ended the call; the resync has its own bound.
    await resyncWindow(bot, bot.inventory, { signal: new AbortController().signal, timeoutMs: RECOVERY_TIMEOUT_MS });
  } catch (err) {
    // Nothing better to believe than the model as it stands; the next server update corrects it.
    log.warn({ err: err instanceof Error ? err.message : String(err) }, 'inventory not confirmed by the server after a failed window call');
  }
}

async function closeAny(bot: Bot, window: Window): Promise<void> {
  const ext = window as Window & { close?: () => Promise<void> };
  // Furnaces and chests have their own close(), which also drops their progress listeners.
  if (typeof ext.close === 'function') await ext.close();
  else await bot.closeWindow(window);
}

/** The bounds of one confirmed click in this skill. */
function bounds(ctx: SkillContext): { signal: AbortSignal; timeoutMs: number } {
  return { signal: ctx.signal, timeoutMs: WINDOW_TIMEOUT_MS };
}

/** One click in `window` (the open window, or the inventory when none is), confirmed by the server. */
export async function click(ctx: SkillContext, window: Window, slot: number, mouseButton = 0, mode = 0): Promise<void> {
  if (window !== (ctx.bot.currentWindow ?? ctx.bot.inventory)) throw new SkillError('FAILED', `window ${window.id} is no longer open`);
  await confirmedClick(ctx.bot, window, { slot, mouseButton, mode }, bounds(ctx));
}

/** Confirms a window's contents with the server. */
export function syncWindow(ctx: SkillContext, window: Window = ctx.bot.currentWindow ?? ctx.bot.inventory): Promise<void> {
  return windowCall(ctx, 'syncing the inventory', () => resyncWindow(ctx.bot, window, bounds(ctx)));
}

/** Opens a block's window (crafting table, furnace, chest) and checks its type. */
export function openBlockWindow(ctx: SkillContext, block: Block, types: readonly string[]): Promise<Window> {
  return windowCall(ctx, `opening the ${block.name} at ${fmt(block.position)}`, async () => {
    const window = await ctx.bot.openBlock(block);
    const type = String(window.type);
    if (!types.some((t) => type.startsWith(t))) throw new SkillError('FAILED', `the ${block.name} opened a ${type} window`);
    return window;
  }, WINDOW_TIMEOUT_MS);
}

export function openFurnace(ctx: SkillContext, block: Block): Promise<Furnace> {
  return windowCall(ctx, `opening the furnace at ${fmt(block.position)}`, () => ctx.bot.openFurnace(block), WINDOW_TIMEOUT_MS);
}

export function openContainer(ctx: SkillContext, block: Block): Promise<Chest> {
  return windowCall(ctx, `opening the ${block.name} at ${fmt(block.position)}`, () => ctx.bot.openContainer(block), WINDOW_TIMEOUT_MS);
}

/**
 * Closes `window` if it is still the open one (also when the skill was stopped: closing is the
 * clean-up), then has the server confirm the inventory, which takes back what the window held.
 */
export async function closeWindow(ctx: SkillContext, window: Window): Promise<void> {
  if (ctx.bot.currentWindow !== window) return;
  await closeAny(ctx.bot, window);
  if (!ctx.signal.aborted) await windowCall(ctx, 'confirming the inventory', () => resyncWindow(ctx.bot, ctx.bot.inventory, bounds(ctx)));
}

type Range = readonly [number, number];
const playerPart = (w: Window): Range => [w.inventoryStart, w.inventoryEnd];

function countIn(window: Window, range: Range, id: number): number {
  let n = 0;
  for (let i = range[0]; i < range[1]; i++) if (window.slots[i]?.type === id) n += window.slots[i]!.count;
  return n;
}

/** A slot of `range` that takes more of `item`: a partial stack of it first, else an empty slot. */
export function slotFor(window: Window, range: Range, item: Item): number | null {
  let empty: number | null = null;
  for (let i = range[0]; i < range[1]; i++) {
    const s = window.slots[i];
    if (s && s.type === item.type && s.count < s.stackSize) return i;
    if (!s && empty === null) empty = i;
  }
  return empty;
}

/** Puts the cursor's items down in `ranges` (first that has room), one confirmed click at a time. */
export async function stowCursor(ctx: SkillContext, window: Window, ranges: readonly Range[] = [playerPart(window)]): Promise<void> {
  for (let guard = 0; window.selectedItem && guard < 40; guard++) {
    const cur = window.selectedItem;
    const slot = ranges.map((r) => slotFor(window, r, cur)).find((s) => s !== null);
    if (slot === undefined || slot === null) throw new SkillError('INVENTORY_FULL', `no room to put ${cur.count} ${cur.name} back`);
    await click(ctx, window, slot, 0, 0);
  }
  if (window.selectedItem) throw new SkillError('FAILED', `the server kept ${window.selectedItem.name} on the cursor`);
}

/**
 * Moves `count` × `id` from the slots `from` to the slots `to` of the open window, re-reading the
 * window (as the server confirmed it) before every click: pick up a stack, place all of it or one at
 * a time, put back (in `back`) what is left. With `shift` (a chest: shift-clicks go from one part to
 * the other and nowhere else) a whole stack that is wanted moves in one shift-click.
 */
async function moveItems(ctx: SkillContext, window: Window, id: number, count: number, from: Range, to: Range, opts: { back?: Range; shift?: boolean } = {}): Promise<void> {
  const back = opts.back ?? from;
  const name = ctx.bot.registry.items[id]?.name ?? `item ${id}`;
  const onCursor = () => (window.selectedItem?.type === id ? window.selectedItem.count : 0);
  // Counted from the cursor before and after each placing click, as the server confirmed it: the
  // slots themselves change on their own (a furnace burns its fuel, cooks into its output).
  let moved = 0;
  for (let step = 0; ; step++) {
    throwIfAborted(ctx.signal);
    const need = count - moved;
    const cur = window.selectedItem;
    if (need <= 0 && !cur) return;
    if (step > 3 * count + 20) throw new SkillError('FAILED', `${need} ${name} still to move after ${step} clicks`);
    if (cur && (cur.type !== id || need <= 0)) {
      await stowCursor(ctx, window, [back, playerPart(window)]);
    } else if (!cur) {
      const src = firstOf(window, from, id);
      if (src === null) throw missingItems(name, need, 0);
      const had = window.slots[src]!.count;
      if (opts.shift && had <= need) {
        await click(ctx, window, src, 0, 1);
        const left = window.slots[src]?.type === id ? window.slots[src].count : 0;
        if (left === had) throw new SkillError('INVENTORY_FULL', `no room for ${need} more ${name}`);
        moved += had - left;
      } else {
        await click(ctx, window, src, 0, 0);
      }
    } else if (cur.count > need && cur.count - need < need) {
      // Fewer to keep than to place: hand the surplus back one by one, then place the rest at once.
      const slot = slotFor(window, back, cur) ?? slotFor(window, playerPart(window), cur);
      if (slot === null) throw new SkillError('INVENTORY_FULL', `no room to put ${name} back`);
      await click(ctx, window, slot, 1, 0);
    } else {
      const dest = slotFor(window, to, cur);
      if (dest === null) throw new SkillError('INVENTORY_FULL', `no room for ${need} more ${name}`);
      const had = cur.count;
      await click(ctx, window, dest, had > need ? 1 : 0, 0);
      moved += had - onCursor();
    }
  }
}

function firstOf(window: Window, range: Range, id: number): number | null {
  for (let i = range[0]; i < range[1]; i++) if (window.slots[i]?.type === id) return i;
  return null;
}

const furnaceSlot = (i: number): Range => [i, i + 1];

export function putFuel(ctx: SkillContext, furnace: Furnace, itemId: number, count: number): Promise<void> {
  return windowCall(ctx, `putting ${count} ${nameOf(ctx.bot, itemId)} in the fuel slot`, () => moveItems(ctx, furnace, itemId, count, playerPart(furnace), furnaceSlot(1)));
}

export function putInput(ctx: SkillContext, furnace: Furnace, itemId: number, count: number): Promise<void> {
  return windowCall(ctx, `putting ${count} ${nameOf(ctx.bot, itemId)} in the furnace`, () => moveItems(ctx, furnace, itemId, count, playerPart(furnace), furnaceSlot(0)));
}

/** Takes whatever is in a furnace slot (0 input, 1 fuel, 2 output) into the inventory. */
export function takeSlot(ctx: SkillContext, furnace: Furnace, slot: 0 | 1 | 2): Promise<void> {
  return windowCall(ctx, `emptying furnace slot ${slot}`, async () => {
    const item = furnace.slots[slot];
    // Nothing can be put back into the output slot: a surplus goes to the inventory.
    if (item) await moveItems(ctx, furnace, item.type, item.count, furnaceSlot(slot), playerPart(furnace), { back: playerPart(furnace) });
  });
}

export function takeOutput(ctx: SkillContext, furnace: Furnace): Promise<void> {
  return takeSlot(ctx, furnace, 2);
}

export function deposit(ctx: SkillContext, chest: Chest, itemId: number, count: number): Promise<void> {
  return windowCall(ctx, `putting ${count} ${nameOf(ctx.bot, itemId)} in the chest`, () => moveItems(ctx, chest, itemId, count, playerPart(chest), [0, chest.inventoryStart], { shift: true }));
}

export function withdraw(ctx: SkillContext, chest: Chest, itemId: number, count: number): Promise<void> {
  return windowCall(ctx, `taking ${count} ${nameOf(ctx.bot, itemId)} from the chest`, () => moveItems(ctx, chest, itemId, count, [0, chest.inventoryStart], playerPart(chest), { shift: true }));
}

/**
 * How many of an item the player's part of an open window holds. While a window is open mineflayer
 * updates only the window; `bot.inventory` catches up when it closes.
 */
export function countInWindow(window: Window, itemId: number): number {
  return countIn(window, playerPart(window), itemId);
}

function nameOf(bot: Bot, id: number): string {
  return bot.registry.items[id]?.name ?? `item ${id}`;
}

