import type { Bot } from 'mineflayer';
import type { Item } from 'prismarine-item';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useItem, type UseItemResult } from '../../skills/useItem.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import type { SkillOutcome } from '../../src/skills/types.ts';
import { expectInventoriesMatch } from '../helpers/inventory.ts';
import { serverPlayer } from '../helpers/items.ts';
import { quit, testSandbox } from '../helpers/sandbox.ts';
import { runOn, setSlots, skillBot } from '../helpers/skills.ts';

function resultOf(out: SkillOutcome): UseItemResult {
  if (!out.ok) throw new Error(`skill failed: ${out.code} ${out.message}`);
  return out.result as UseItemResult;
}

interface ComponentItem { componentMap?: Map<string, { data: unknown }> }
type NbtValue = { value: Record<string, { value: unknown }> };

/** A signed book as the server holds it: title, author and page texts, from the NBT (≤ 1.20.4) or the component. */
function bookOf(item: Item | null | undefined): { title: string; author: string; pages: string[] } | undefined {
  if (item?.name !== 'written_book') return undefined;
  const content = (item as Item & ComponentItem).componentMap?.get('written_book_content')?.data as
    | { rawTitle: string; author: string; pages: { content: { value: string } }[] } | undefined;
  if (content) return { title: content.rawTitle, author: content.author, pages: content.pages.map((p) => p.content.value) };
  const tag = (item.nbt as NbtValue | null)?.value;
  const pages = (tag?.pages?.value as { value: string[] } | undefined)?.value ?? [];
  return { title: String(tag?.title?.value), author: String(tag?.author?.value), pages: pages.map((p) => (JSON.parse(p) as { text: string }).text) };
}

/** A filled map's id, from the NBT (≤ 1.20.4) or the map_id component. */
function mapIdOf(item: Item | null | undefined): number | undefined {
  if (item?.name !== 'filled_map') return undefined;
  const component = (item as Item & ComponentItem).componentMap?.get('map_id')?.data;
  if (typeof component === 'number') return component;
  const id = (item.nbt as NbtValue | null)?.value.map?.value;
  return typeof id === 'number' ? id : undefined;
}

describe.each(['1.20.1', '1.21.4'] as const)('useItem: maps and books (sandbox %s)', (version) => {
  let sb: Sandbox;
  let bot: Bot;
  const serverSlots = () => serverPlayer(sb, bot).inventory.slots as (Item | null | undefined)[];

  beforeAll(async () => {
    sb = await testSandbox({ seed: 5, version });
    bot = await skillBot(sb, 'scribe');
  }, 60_000);

  afterAll(async () => {
    quit(bot);
    await sb?.stop();
  });

  it('fills two empty maps from a stack: each a filled map with its own id, the empty ones used up', async () => {
    await setSlots(sb, bot, { 36: 'mapx2', 37: 'dirt' });
    const r = resultOf(await runOn(bot, useItem, { item: 'map', count: 2 }));
    expect(r).toEqual({ made: 'filled_map', count: 2 });
    const maps = serverSlots().filter((s) => s?.name === 'filled_map');
    expect(maps).toHaveLength(2);
    expect(new Set(maps.map(mapIdOf)).size).toBe(2);
    expect(serverSlots().some((s) => s?.name === 'map')).toBe(false);
    await expectInventoriesMatch(sb, bot);
  });

  it('signs a book and quill: a written book by the bot with the title and text asked for', async () => {
    await setSlots(sb, bot, { 20: 'writable_book', 36: 'dirt' });
    const r = resultOf(await runOn(bot, useItem, { item: 'writable_book', title: 'Iron log', text: '3 ingots at 12, 40' }));
    expect(r).toEqual({ made: 'written_book', count: 1 });
    const books = serverSlots().filter((s) => s?.name === 'written_book');
    expect(books).toHaveLength(1);
    expect(bookOf(books[0])).toEqual({ title: 'Iron log', author: 'scribe', pages: ['3 ingots at 12, 40'] });
    expect(serverSlots().some((s) => s?.name === 'writable_book')).toBe(false);
    await expectInventoriesMatch(sb, bot);
  });

  it('fails MISSING_ITEMS without the item, naming what is missing, and changes nothing', async () => {
    await setSlots(sb, bot, { 36: 'mapx1' });
    const out = await runOn(bot, useItem, { item: 'map', count: 2 });
    expect(out).toMatchObject({ ok: false, code: 'MISSING_ITEMS' });
    expect(out.ok ? '' : out.message).toMatch(/map/);
    expect(serverSlots().filter((s) => s?.name === 'map')).toHaveLength(1);
    const none = await runOn(bot, useItem, { item: 'writable_book' });
    expect(none).toMatchObject({ ok: false, code: 'MISSING_ITEMS' });
  });

  it('fails TIMEOUT, not ok, when the server gives nothing for the use (a spectator fills no map)', async () => {
    await setSlots(sb, bot, { 36: 'map' });
    await sb.command(`gamemode spectator ${bot.username}`);
    try {
      await new Promise((r) => setTimeout(r, 300));
      const out = await runOn(bot, useItem, { item: 'map' });
      expect(out).toMatchObject({ ok: false, code: 'TIMEOUT' });
      expect(out.ok ? '' : out.message).toMatch(/no filled_map/);
    } finally {
      await sb.command(`gamemode survival ${bot.username}`);
    }
  });
});
