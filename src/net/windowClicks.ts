// Window clicks whose outcome the server confirms, on any vanilla-conforming 1.17.1+ server, whatever
// the latency and however its packets are split on the way.
//
// A 1.17.1+ server answers a click only where the client's prediction was wrong, so an ordinary click
// has no reply to wait for; and a client that clicks again before the server's corrections have all
// arrived sends a stale state id, whose whole-window resync then lands after (and undoes) its own next
// prediction. mineflayer's clickWindow has both problems. Here every click carries a state id no menu
// can have (-1): the server still applies it, then always answers with the whole window
// (`window_items`). One answer per click, in order, so the n-th answer for a window after a click was
// sent is that click's outcome; mineflayer's own listener applies it to the window before ours runs.
import type { Bot } from 'mineflayer';
import type { Item } from 'prismarine-item';
import type { Window } from 'prismarine-windows';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
type ItemClass = { toNotch(item: Item | null): object };

export interface Click {
  slot: number;
  mouseButton: number;
  /** 0 click, 1 shift-click, 2 number key, 4 drop, 5 drag, 6 double click. */
  mode: number;
}

export interface WaitBounds {
  signal: AbortSignal;
  timeoutMs: number;
}

/** Why a click was not confirmed: `silent` (no answer in time), `closed` (the window went away), `aborted`. */
export class ClickError extends Error {
  constructor(readonly reason: 'silent' | 'closed' | 'aborted', message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ClickError';
  }
}

interface Waiter { windowId: number; done(err?: Error): void }

/** Per bot: answers still owed per window id, and the calls waiting for them. */
interface Ledger { owed: Map<number, number>; waiters: Set<Waiter>; item: ItemClass }

const ledgers = new WeakMap<Bot, Ledger>();

function ledgerOf(bot: Bot): Ledger {
  const found = ledgers.get(bot);
  if (found) return found;
  const l: Ledger = { owed: new Map(), waiters: new Set(), item: (require('prismarine-item') as (r: unknown) => ItemClass)(bot.registry) };
  ledgers.set(bot, l);
  const settle = (windowId: number, err?: Error) => {
    for (const w of [...l.waiters]) if (w.windowId === windowId && (err || !l.owed.get(windowId))) w.done(err);
  };
  // These live as long as the bot: they are the bookkeeping, not a wait.
  bot._client.on('window_items', (p: { windowId: number }) => {
    const n = l.owed.get(p.windowId) ?? 0;
    if (n > 0) l.owed.set(p.windowId, n - 1);
    settle(p.windowId);
  });
  // A new window under a reused id owes nothing; a closed one will answer nothing more.
  bot._client.on('open_window', (p: { windowId: number }) => { l.owed.delete(p.windowId); });
  bot.on('windowClose', (w: Window | null) => {
    if (!w || w.id === 0) return;
    l.owed.delete(w.id);
    settle(w.id, new ClickError('closed', `window ${w.id} was closed`));
  });
  return l;
}

/** Whether the server speaks the state-id protocol (1.17.1+); older ones confirm clicks with transactions. */
export function confirmsByStateId(bot: Bot): boolean {
  return bot.supportFeature('stateIdUsed');
}

/** Clicks `click` in `window` and resolves once the server has answered with the whole window. */
export async function confirmedClick(bot: Bot, window: Window, click: Click, bounds: WaitBounds): Promise<void> {
  if (!confirmsByStateId(bot)) {
    await race(bot.clickWindow(click.slot, click.mouseButton, click.mode), bounds, `click on slot ${click.slot}`);
    return;
  }
  const l = ledgerOf(bot);
  // A click written after the caller gave up would change the window behind its back.
  if (bounds.signal.aborted) throw new ClickError('aborted', `click on slot ${click.slot}: aborted`, { cause: bounds.signal.reason });
  const answered = waitOwed(l, window.id, bounds, `a click on slot ${click.slot} of window ${window.id}`);
  l.owed.set(window.id, (l.owed.get(window.id) ?? 0) + 1);
  bot._client.write('window_click', {
    windowId: window.id, stateId: -1, slot: click.slot, mouseButton: click.mouseButton, mode: click.mode,
    changedSlots: [], cursorItem: l.item.toNotch(window.selectedItem ?? null),
  });
  await answered;
}

/** Has the server send the whole window (a click that changes nothing: the end of a drag never started). */
export function resyncWindow(bot: Bot, window: Window, bounds: WaitBounds): Promise<void> {
  if (!confirmsByStateId(bot)) return Promise.resolve();
  return confirmedClick(bot, window, { slot: -999, mouseButton: 2, mode: 5 }, bounds);
}

function waitOwed(l: Ledger, windowId: number, { signal, timeoutMs }: WaitBounds, what: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(new ClickError('aborted', `${what}: aborted`, { cause: signal.reason }));
    const waiter: Waiter = {
      windowId,
      done: (err) => {
        l.waiters.delete(waiter);
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        if (err) reject(err);
        else resolve();
      },
    };
    const onAbort = () => waiter.done(new ClickError('aborted', `${what}: aborted`, { cause: signal.reason }));
    const timer = setTimeout(() => {
      // Given up on, so the next click waits for its own answer only. Should this one still come (a
      // server stalled past the timeout) it is taken for the next one's: a whole window as it was after
      // this click. Aborted waits keep their debt instead: their answers are on the way.
      l.owed.delete(windowId);
      waiter.done(new ClickError('silent', `the server did not answer ${what} within ${timeoutMs} ms`));
    }, timeoutMs);
    signal.addEventListener('abort', onAbort, { once: true });
    l.waiters.add(waiter);
  });
}

/** Bounds a call that cannot be cancelled; its late outcome is handled and ignored. */
function race(call: Promise<unknown>, { signal, timeoutMs }: WaitBounds, what: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const finish = (err?: Error) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve();
    };
    const onAbort = () => finish(new ClickError('aborted', `${what}: aborted`, { cause: signal.reason }));
    const timer = setTimeout(() => finish(new ClickError('silent', `the server did not answer the ${what} within ${timeoutMs} ms`)), timeoutMs);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    call.then(() => finish(), (e: unknown) => finish(e instanceof Error ? e : new Error(String(e))));
  });
}
