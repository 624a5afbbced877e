import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import { Vec3 } from 'vec3';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { quit, testBot, testSandbox, waitFor } from '../helpers/sandbox.ts';

// What vanilla clients read besides the world: tab completion, the player list, titles, boss bars,
// teams, displayed objectives, particles and sounds, as mineflayer decodes them (JSON text before
// 1.20.3, NBT since).
interface BossBarLike { title: { toString(): string }; health: number; color: string; dividers: number }

/** The next event `name` from `emitter` whose arguments pass `check`, or a timeout error. */
function next<T extends unknown[]>(emitter: NodeJS.EventEmitter, name: string, check: (...args: T) => boolean = () => true, ms = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { emitter.removeListener(name, on); reject(new Error(`no ${name} within ${ms} ms`)); }, ms);
    const on = (...args: T) => {
      if (!check(...args)) return;
      clearTimeout(timer);
      emitter.removeListener(name, on);
      resolve(args);
    };
    emitter.on(name, on);
  });
}

for (const version of ['1.20.1', '1.21.4'] as const) {
  describe(`client-side presentation on ${version}`, () => {
    let sb: Sandbox;
    let bot: Bot;
    let other: Bot;

    beforeAll(async () => {
      sb = await testSandbox({ version, preset: 'flat', gameMode: 'creative' });
      bot = await testBot(sb, 'viewer');
      other = await testBot(sb, 'second');
    });
    afterAll(async () => {
      quit(bot);
      quit(other);
      await sb.stop();
    });

    /** mineflayer's types predate 1.13's `{ match, tooltip }` entries. */
    const matches = async (text: string) => ((await bot.tabComplete(text)) as unknown as { match: string }[]).map((m) => m.match);

    it('answers tab completion with vanilla\'s shape: the range of the word and sorted suggestions', async () => {
      expect(await bot.tabComplete('/weather ')).toEqual([{ match: 'clear', tooltip: undefined }, { match: 'rain', tooltip: undefined }, { match: 'thunder', tooltip: undefined }]);
      const [[packet]] = await Promise.all([next<[{ start: number; length: number }]>(bot._client, 'tab_complete'), bot.tabComplete('/gamemode creative vi')]);
      expect(packet).toMatchObject({ start: 19, length: 2 });
      expect(await matches('/gamemode creative ')).toEqual(['@a', '@e', '@p', '@r', '@s', 'second', 'viewer']);
      expect(await matches('/tit')).toEqual(['title']);
      expect(await matches('/execute as @s run time ')).toEqual(['add', 'query', 'set']);
    });

    it('lists every player, itself included, in each client\'s player list', () => {
      expect(bot.players.viewer?.displayName.toString()).toBe('viewer');
      expect(bot.players.second?.gamemode).toBe(1);
      expect(other.players.viewer?.uuid).toBe(bot.player.uuid);
    });

    it('/title sends the title, subtitle, times and clear packets', async () => {
      const title = next<[string, string]>(bot, 'title');
      bot.chat('/title @a title {"text":"Hello"}');
      expect(await title).toEqual(['Hello', 'title']);
      const times = next<[number, number, number]>(bot, 'title_times');
      bot.chat('/title viewer times 5 40 1s');
      expect(await times).toEqual([5, 40, 20]);
      const cleared = next(bot, 'title_clear');
      bot.chat('/title @s clear');
      await cleared;
    });

    it('/bossbar shows a bar to its players, updates it and removes it', async () => {
      const created = next<[BossBarLike]>(bot, 'bossBarCreated');
      bot.chat('/bossbar add test:bar "Boss"');
      bot.chat('/bossbar set test:bar players viewer');
      expect((await created)[0].title.toString()).toBe('Boss');
      const updated = next<[BossBarLike]>(bot, 'bossBarUpdated', (b) => b.health === 0.25 && b.color === 'red' && b.dividers === 12);
      bot.chat('/bossbar set test:bar value 25');
      bot.chat('/bossbar set test:bar color red');
      bot.chat('/bossbar set test:bar style notched_12');
      await updated;
      expect((other as unknown as { bossBars: unknown[] }).bossBars).toHaveLength(0);
      const deleted = next(bot, 'bossBarDeleted');
      bot.chat('/bossbar remove test:bar');
      await deleted;
      expect((bot as unknown as { bossBars: unknown[] }).bossBars).toHaveLength(0);
    });

    it('/team creates a team on every client and adds members', async () => {
      const joined = next(other, 'teamMemberAdded');
      bot.chat('/team add blue "Blue Team"');
      bot.chat('/team modify blue color blue');
      bot.chat('/team join blue second');
      await joined;
      expect(other.teams.blue?.name.toString()).toBe('Blue Team');
      expect(Object.keys(other.teamMap)).toEqual(['second']);
      const left = next(bot, 'teamMemberRemoved');
      bot.chat('/team leave second');
      await left;
      expect(bot.teamMap.second).toBeUndefined();
    });

    it('/scoreboard sends an objective once it is displayed, with its scores', async () => {
      const scores: { itemName: string; scoreName: string; value: number }[] = [];
      (other._client as unknown as NodeJS.EventEmitter).on('scoreboard_score', (p: (typeof scores)[number]) => scores.push(p));
      bot.chat('/scoreboard objectives add kills dummy "Kills"');
      bot.chat('/scoreboard players set viewer kills 3');
      const shown = next<[string, { name: string }]>(other, 'scoreboardPosition');
      bot.chat('/scoreboard objectives setdisplay sidebar kills');
      expect((await shown)[1].name).toBe('kills');
      // mineflayer keeps the title as sent: JSON text before 1.20.3, the NBT string tag vanilla writes since.
      const title: unknown = other.scoreboards.kills?.title;
      expect(typeof title === 'string' ? title : (title as { value: string }).value).toBe('Kills');
      bot.chat('/scoreboard players add viewer kills 2');
      // (mineflayer reads scores only from the pre-1.20.3 packet, which had an action field.)
      await waitFor(() => scores.some((p) => p.itemName === 'viewer' && p.value === 5), 3000, 'the new score');
      expect(scores.map((p) => [p.itemName, p.scoreName, p.value])).toEqual([['viewer', 'kills', 3], ['viewer', 'kills', 5]]);
    });

    it('/particle sends the named particle with its spread, speed and count', async () => {
      const seen = next<[{ name: string; position: Vec3; offset: Vec3; count: number; movementSpeed: number; longDistanceRender: boolean }]>(bot, 'particle');
      bot.chat('/particle minecraft:flame ~ ~1 ~ 1 2 3 0.25 40 force');
      const [p] = await seen;
      expect(p).toMatchObject({ name: 'flame', count: 40, movementSpeed: 0.25, longDistanceRender: true });
      expect(p.offset.toArray()).toEqual([1, 2, 3]);
      expect(p.position.y).toBe(bot.entity.position.y + 1);
    });

    it('/playsound plays a registered sound at the listener', async () => {
      const heard = next<[string, Vec3, number, number]>(bot, 'soundEffectHeard');
      bot.chat('/playsound minecraft:block.note_block.bell master viewer ~ ~ ~ 0.5 2');
      const [name, at, volume, pitch] = await heard;
      expect(name).toBe('block.note_block.bell');
      expect(at.distanceTo(bot.entity.position)).toBeLessThan(0.2);
      expect([volume, pitch]).toEqual([0.5, 2]);
    });

    it('keeps a sign\'s text and sends it back as its block entity', async () => {
      const pos = bot.entity.position.floored().offset(2, 0, 0);
      const placed = once(bot.world as unknown as NodeJS.EventEmitter, `blockUpdate:${pos.toString()}`);
      bot.chat(`/setblock ${pos.x} ${pos.y} ${pos.z} oak_sign`);
      await placed;
      const data = next(bot, 'blockEntityData');
      bot.updateSign(bot.blockAt(pos)!, 'one\ntwo');
      await data;
      expect(bot.blockAt(pos)?.signText?.trimEnd()).toBe('one\ntwo');
      // Another client gets the text too.
      await waitFor(() => other.blockAt(pos)?.signText?.trimEnd() === 'one\ntwo', 3000, 'the other client to read the sign');
    });

    it('a note block under a fresh redstone block plays its note', async () => {
      const pos = bot.entity.position.floored().offset(-2, 0, 0);
      bot.chat(`/setblock ${pos.x} ${pos.y} ${pos.z} note_block`);
      await waitFor(() => bot.blockAt(pos)?.name === 'note_block', 3000, 'the note block');
      const heard = next<[{ name: string }, unknown, number]>(bot, 'noteHeard');
      bot.chat(`/setblock ${pos.x} ${pos.y - 1} ${pos.z} redstone_block`);
      const [block, , pitch] = await heard;
      expect(block.name).toBe('note_block');
      expect(pitch).toBe(0);
      await waitFor(() => bot.blockAt(pos)?.getProperties().powered === true, 3000, 'the note block to be powered');
    });

    it('a command block takes its command from the client and runs it when powered', async () => {
      const pos = bot.entity.position.floored().offset(0, 0, 3);
      bot.chat(`/setblock ${pos.x} ${pos.y} ${pos.z} command_block`);
      await waitFor(() => bot.blockAt(pos)?.name === 'command_block', 3000, 'the command block');
      const confirmed = next<[{ translate?: string; toString(): string }]>(bot, 'message', (m) => m.translate === 'advMode.setCommand.success');
      bot.setCommandBlock(pos, '/title @a title "ran"', { mode: 2, trackOutput: true, conditional: false, alwaysActive: false });
      expect((await confirmed)[0].toString()).toBe('Command set: /title @a title "ran"');
      const ran = next<[string]>(other, 'title');
      bot.chat(`/setblock ${pos.x} ${pos.y + 1} ${pos.z} redstone_block`);
      expect((await ran)[0]).toBe('ran');
    });
  });
}

