import { z } from 'zod';
import { countItem, defineSkill, findItem, missingItems, type SkillContext, SkillError, throwIfAborted, untilAborted, waitUntil } from '../src/actions/index.ts';

/** What using each item in hand makes of it. */
const MAKES = { map: 'filled_map', writable_book: 'written_book' } as const;
type Usable = keyof typeof MAKES;
const USABLE = Object.keys(MAKES) as [Usable, ...Usable[]];

const params = z.object({
  item: z.enum(USABLE),
  count: z.number().int().min(1).max(16).default(1),
  title: z.string().min(1).max(16).default('Notes').describe('a signed book\'s title'),
  text: z.string().max(1024).default('').describe('a signed book\'s text'),
});
type Args = z.infer<typeof params>;

export interface UseItemResult {
  made: string;
  count: number;
}

/** The server answers a use or an edit within a tick or two; this covers the slot update's way back. */
const CONFIRM_MS = 3000;
/** mineflayer's own wait for the signed book's slot update (book.js), which a failed signing takes. */
const SIGN_MS = 20_000;

export const useItem = defineSkill<typeof params, UseItemResult>({
  name: 'useItem',
  summary: 'Use a map (gives filled_map) or sign a writable_book (gives written_book).',
  details: 'Fails MISSING_ITEMS without the item, TIMEOUT when the server does not give the result.',
  params,
  example: { item: 'map' as const, count: 1, title: 'Notes', text: '' },
  preconditions: (args) => ({ consume: { [args.item]: args.count } }),
  effects: (args) => ({ obtain: { [MAKES[args.item]]: args.count } }),
  producers: (target, count): Args[] => {
    const item = USABLE.find((u) => MAKES[u] === target);
    return item ? [{ item, count: Math.min(16, count), title: 'Notes', text: '' }] : [];
  },
  timeoutMs: (args) => 5_000 + args.count * (args.item === 'writable_book' ? SIGN_MS + CONFIRM_MS : 2 * CONFIRM_MS),
  run: (ctx, args) => use(ctx, args),
});

async function use(ctx: SkillContext, args: Args): Promise<UseItemResult> {
  const { bot } = ctx;
  const made = MAKES[args.item];
  const have = countItem(bot, args.item);
  if (have < args.count) throw missingItems(args.item, args.count, have);
  const before = countItem(bot, made);
  for (let i = 0; i < args.count; i++) {
    throwIfAborted(ctx.signal);
    if (args.item === 'map') await fillMap(ctx);
    else await signBook(ctx, args);
    // The item the server put in the inventory is the effect: a map or book only the client changed is not.
    await waitUntil(() => countItem(bot, made) >= before + i + 1, { signal: ctx.signal, timeoutMs: CONFIRM_MS, what: `${made} in the inventory` })
      .catch((err: unknown) => { throw noResult(made, countItem(bot, made) - before, args.count, err); });
  }
  return { made, count: countItem(bot, made) - before };
}

async function fillMap(ctx: SkillContext): Promise<void> {
  const { bot, signal } = ctx;
  const map = findItem(bot, 'map');
  if (!map) throw missingItems('map', 1, 0);
  if (bot.heldItem?.name !== 'map') await untilAborted(bot.equip(map, 'hand'), signal);
  bot.activateItem();
}

/** mineflayer's book plugin (lib/plugins/book.js); its typings leave signBook out. */
interface Signing { signBook(slot: number, pages: string[], author: string, title: string): Promise<void> }

async function signBook(ctx: SkillContext, args: Args): Promise<void> {
  const { bot, signal } = ctx;
  const book = findItem(bot, 'writable_book');
  if (!book) throw missingItems('writable_book', 1, 0);
  // mineflayer waits (20 s at most) for the server's slot update with the signed book; its failure is kept
  // here, so that one coming after an abort is not left unhandled.
  let failed: unknown;
  const signed = (bot as typeof bot & Signing).signBook(book.slot, [args.text], bot.username, args.title).catch((err: unknown) => { failed = err ?? new Error('no reason given'); });
  await untilAborted(signed, signal);
  if (failed !== undefined) {
    throw new SkillError('TIMEOUT', `the server did not sign the book: ${failed instanceof Error ? failed.message : 'no reason given'}`, { item: 'written_book', need: 1, have: 0 }, { cause: failed });
  }
}

function noResult(made: string, got: number, wanted: number, cause: unknown): SkillError {
  return new SkillError('TIMEOUT', `the server gave no ${made} (${got} of ${wanted} made)`, { item: made, need: wanted, have: got }, { cause });
}
