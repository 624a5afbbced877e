import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import { Vec3 } from 'vec3';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { quit, testBot, testSandbox, waitFor } from '../helpers/sandbox.ts';

// Command feedback as vanilla sends it (translatable components), on the superflat preset, and the
// commands mineflayer's own vanilla test harness drives a server with.
interface Msg { translate?: string; json: { with?: unknown[] }; toString(): string }

for (const version of ['1.20.1', '1.21.4'] as const) {
  describe(`vanilla command feedback on ${version}`, () => {
    let sb: Sandbox;
    let bot: Bot;
    let other: Bot;
    const got: Msg[] = [];
    const otherGot: Msg[] = [];
    const seen = (key: string, from = got) => waitFor(() => from.some((m) => m.translate === key), 3000, `a ${key} message`).then(() => from.find((m) => m.translate === key)!);

    beforeAll(async () => {
      sb = await testSandbox({ version, preset: 'flat', gameMode: 'creative' });
      bot = await testBot(sb, 'flatbot');
      other = await testBot(sb, 'watcher');
      bot.on('message', (m) => { got.push(m); });
      other.on('message', (m) => { otherGot.push(m); });
    });
    afterAll(async () => {
      quit(bot);
      quit(other);
      await sb.stop();
    });

    it('joins a superflat world in creative, standing on grass at y -60', () => {
      expect(bot.game.gameMode).toBe('creative');
      expect(bot.entity.position.y).toBe(-60);
      expect(['bedrock', 'dirt', 'dirt', 'grass_block'].map((_, i) => bot.blockAt(new Vec3(3, -64 + i, 7))?.name)).toEqual(['bedrock', 'dirt', 'dirt', 'grass_block']);
    });

    it('answers /clear and /time with translatable components that read as vanilla English', async () => {
      bot.chat('/give @a stone 3');
      await waitFor(() => bot.inventory.items().length === 1, 3000, 'the stone');
      bot.chat('/clear');
      const clear = await seen('commands.clear.success.single');
      expect(clear.toString()).toBe('Removed 3 item(s) from player flatbot');
      bot.chat('/time set 1000');
      expect((await seen('commands.time.set')).toString()).toBe('Set the time to 1000');
      // The other operator sees what flatbot did, greyed, as vanilla's logAdminCommands.
      await waitFor(() => otherGot.some((m) => m.translate === 'chat.type.admin' && m.toString() === '[flatbot: Set the time to 1000]'), 3000, 'the admin copy');
    });

    it('/op from the console is broadcast to operators; a second /op changes nothing', async () => {
      const replies: string[] = [];
      await sb.command('op flatbot', { reply: (t) => replies.push(t) });
      expect(replies).toEqual(['Made flatbot a server operator']);
      expect((await seen('chat.type.admin')).toString()).toBe('[Server: Made flatbot a server operator]');
      await expect(sb.command('op flatbot')).rejects.toThrow('Nothing changed');
    });

    it('/setblock and /fill take relative coordinates and block states, and report what changed', async () => {
      const at = bot.entity.position.floored();
      bot.chat('/setblock ~2 ~ ~ oak_log[axis=x]');
      await waitFor(() => bot.blockAt(at.offset(2, 0, 0))?.name === 'oak_log', 3000, 'the log');
      expect(bot.blockAt(at.offset(2, 0, 0))?.getProperties()).toMatchObject({ axis: 'x' });
      expect((await seen('commands.setblock.success')).toString()).toBe(`Changed the block at ${at.x + 2}, ${at.y}, ${at.z}`);
      // Properties not given keep the block's default state, as vanilla's: an upright log, a free bed.
      bot.chat('/setblock ~3 ~ ~ oak_log');
      bot.chat('/setblock ~4 ~ ~ red_bed[part=foot,facing=south]');
      await waitFor(() => bot.blockAt(at.offset(4, 0, 0))?.name === 'red_bed', 3000, 'the bed');
      expect(bot.blockAt(at.offset(3, 0, 0))?.getProperties()).toMatchObject({ axis: 'y' });
      expect(bot.blockAt(at.offset(4, 0, 0))?.getProperties()).toMatchObject({ part: 'foot', facing: 'south', occupied: false });
      bot.chat('/fill ~-1 ~-1 ~-1 ~1 ~-1 ~1 stone');
      expect((await seen('commands.fill.success')).toString()).toBe('Successfully filled 9 block(s)');
      await waitFor(() => bot.blockAt(at.offset(1, -1, 1))?.name === 'stone', 3000, 'the stone floor');
      bot.chat('/fill ~-1 ~-1 ~-1 ~1 ~-1 ~1 stone');
      await waitFor(() => got.some((m) => m.toString() === 'No blocks were filled'), 3000, 'the failure');
    });

    it('/execute in overworld run teleport moves the player; /tellraw shows a JSON component', async () => {
      await sb.command('execute in overworld run teleport flatbot 3 -60 4');
      await waitFor(() => bot.entity.position.distanceTo(new Vec3(3.5, -60, 4.5)) < 0.1, 3000, 'the teleport');
      await expect(sb.command('execute in the_nether run teleport flatbot 0 -60 0')).rejects.toThrow('overworld only');
      bot.chat('/tellraw @p {"translate":"chat.type.text","with":["U9G","Hello World!"]}');
      const [username, message] = await new Promise<[string, string]>((resolve) => bot.once('chat', (u, m) => resolve([u, m])));
      expect([username, message]).toEqual(['U9G', 'Hello World!']);
    });

    it('/setblock over a chest empties it without dropping anything, as vanilla', async () => {
      const at = bot.entity.position.floored().offset(0, 0, 2);
      await sb.command(`setblock ${at.x} ${at.y} ${at.z} chest`);
      await waitFor(() => bot.blockAt(at)?.name === 'chest', 3000, 'the chest');
      await sb.command('give flatbot cobblestone 5');
      await waitFor(() => bot.inventory.items().some((i) => i.name === 'cobblestone'), 3000, 'the cobblestone');
      const chest = await bot.openContainer(bot.blockAt(at)!);
      await chest.deposit(bot.registry.itemsByName.cobblestone!.id, null, 5);
      await chest.close();
      await sb.command(`setblock ${at.x} ${at.y} ${at.z} air`);
      await waitFor(() => bot.blockAt(at)?.name === 'air', 3000, 'the chest gone');
      await sb.command(`setblock ${at.x} ${at.y} ${at.z} chest`);
      await waitFor(() => bot.blockAt(at)?.name === 'chest', 3000, 'a new chest');
      const again = await bot.openContainer(bot.blockAt(at)!);
      expect(again.containerItems()).toEqual([]);
      await again.close();
      expect(Object.values(bot.entities).filter((e) => e.name === 'item')).toEqual([]);
    });

    it('/gamemode from the console changes the mode and the client hears it', async () => {
      await sb.command('gamemode survival flatbot');
      await waitFor(() => bot.game.gameMode === 'survival', 3000, 'survival');
      expect((await seen('gameMode.changed')).toString()).toBe('Your game mode has been updated to Survival Mode');
      await sb.command('gamemode creative flatbot');
      await waitFor(() => bot.game.gameMode === 'creative', 3000, 'creative');
    });
  });
}
