// A book and quill written and signed as vanilla's ServerGamePacketListenerImpl.handleEditBook does it:
// the edit_book packet names a hotbar slot (or 40, the off hand); without a title the pages are written
// into the book and quill, with one the book becomes a written book by the player, generation 0.
import { createRequire } from 'node:module';
import type { Item } from 'prismarine-item';
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { setComponent } from '../items/components.ts';
import { itemClass } from '../items/entity.ts';
import { OFFHAND_SLOT } from '../../mobs/hands.ts';

const require = createRequire(import.meta.url);
const nbt = require('prismarine-nbt') as {
  comp(v: Record<string, unknown>, name?: string): object;
  string(v: string | string[]): unknown;
  list(v: unknown): unknown;
};

/** What the server keeps of an edit (WritableBookContent: 100 pages of 1,024 characters; a title of 32). */
export const MAX_PAGES = 100;
export const MAX_PAGE_CHARS = 1024;
export const MAX_TITLE_CHARS = 32;

interface EditBookPacket { hand: number; pages: string[]; title?: string }

/** The window-0 slot an edit names: hotbar 0–8 or the off hand (40); anything else is ignored, as vanilla does. */
function slotOf(player: SquidPlayer, hand: number): number | undefined {
  if (hand === 40) return OFFHAND_SLOT;
  return Number.isInteger(hand) && hand >= 0 && hand <= 8 ? 36 + hand : undefined;
}

/** The book and quill with its pages written (the `pages` tag; from 1.20.5 the writable_book_content component). */
export function writtenPages(serv: SquidServer, pages: readonly string[]): Item {
  const Cls = itemClass(serv.registry);
  const id = serv.registry.itemsByName.writable_book!.id;
  if (!serv.supportFeature('itemsWithComponents')) return new Cls(id, 1, 0, nbt.comp({ pages: nbt.list(nbt.string([...pages])) }, ''));
  return setComponent(new Cls(id, 1), 'writable_book_content', { pages: pages.map((content) => ({ content })) });
}

/**
 * The signed book. Its pages are text components of the raw text: JSON strings in the NBT before 1.20.5,
 * NBT strings (a plain literal) in the written_book_content component after.
 */
export function signedBook(serv: SquidServer, title: string, author: string, pages: readonly string[]): Item {
  const Cls = itemClass(serv.registry);
  const id = serv.registry.itemsByName.written_book!.id;
  if (!serv.supportFeature('itemsWithComponents')) {
    const json = pages.map((text) => JSON.stringify({ text }));
    return new Cls(id, 1, 0, nbt.comp({ author: nbt.string(author), title: nbt.string(title), pages: nbt.list(nbt.string(json)) }, ''));
  }
  return setComponent(new Cls(id, 1), 'written_book_content', {
    rawTitle: title, author, generation: 0, resolved: true,
    pages: pages.map((text) => ({ content: { type: 'string', value: text } })),
  });
}

export const booksPlugin: SandboxPlugin = {
  name: 'skillcraft-books',
  player(player, serv, ctx) {
    player._client.on('edit_book', (packet: EditBookPacket) => {
      try {
        const slot = slotOf(player, packet.hand);
        const held = slot === undefined ? null : player.inventory.slots[slot];
        if (slot === undefined || held?.name !== 'writable_book') return;
        const pages = (packet.pages ?? []).slice(0, MAX_PAGES).map((p) => p.slice(0, MAX_PAGE_CHARS));
        const title = packet.title?.slice(0, MAX_TITLE_CHARS);
        player.inventory.updateSlot(slot, title === undefined ? writtenPages(serv, pages) : signedBook(serv, title, player.username, pages));
      } catch (err) {
        ctx.log.error({ err, player: player.username }, 'editing a book failed');
      }
    });
  },
};
