// Status effects, experience, weather, beds, breath and leaving, as a vanilla server shows them to a
// mineflayer client (the packets mineflayer's own external tests read).
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import { Vec3 } from 'vec3';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { quit, testBot, testSandbox, waitFor } from '../helpers/sandbox.ts';

type Effects = Record<number, { id: number; amplifier: number; duration: number } | undefined>;

describe('vanilla survival mechanics', () => {
  let sb: Sandbox;
  let bot: Bot;
  const messages: string[] = [];
  const actionBar: string[] = [];
  /** The head of the last bed slept in: where the player respawns. */
  let lastHead: Vec3 | undefined;
  beforeAll(async () => {
    sb = await testSandbox({ seed: 1, preset: 'flat', version: '1.20.1' });
    bot = await testBot(sb, 'sleeper');
    bot.on('message', (msg, position) => { (position === 'game_info' ? actionBar : messages).push(msg.translate ?? msg.toString()); });
    await sb.command('gamemode survival sleeper');
    await waitFor(() => bot.game.gameMode === 'survival', 5000, 'survival');
  }, 30_000);
  afterAll(async () => { quit(bot); await sb.stop(); });

  it('/effect give hunger drains food through saturation; /effect clear removes it', async () => {
    const hunger = bot.registry.effectsByName.Hunger!.id;
    const started = once(bot, 'entityEffect');
    bot.chat('/effect give @s hunger 2 255');
    await started;
    const effects = bot.entity.effects as unknown as Effects;
    expect(effects[hunger]).toMatchObject({ id: hunger, duration: 40 });
    await waitFor(() => bot.food < 20, 3000, 'food to drop');
    const ended = once(bot, 'entityEffectEnd');
    bot.chat('/effect clear @s hunger');
    await ended;
    expect(effects[hunger]).toBeUndefined();
    expect(messages).toContain('commands.effect.give.success.single');
    expect(messages).toContain('commands.effect.clear.specific.success.single');
  });

  it('/xp add points and levels follow vanilla maths; the total only counts points', async () => {
    await sb.command('xp add sleeper 10 points');
    await waitFor(() => bot.experience.points === 10, 3000, 'points');
    expect(bot.experience.level).toBe(1);
    expect(bot.experience.progress).toBeCloseTo(3 / 9, 5);
    await sb.command('xp add sleeper 100 levels');
    await waitFor(() => bot.experience.level === 101, 3000, 'levels');
    expect(bot.experience.points).toBe(10);
    await expect(sb.command('xp set sleeper 100000 points')).rejects.toThrow(/maximum points/);
    await sb.command('experience set sleeper 0 levels');
    await waitFor(() => bot.experience.level === 0, 3000, 'level 0');
  });

  it('/weather rain, thunder and clear reach the client as game events', async () => {
    await sb.command('weather rain');
    await waitFor(() => bot.isRaining, 3000, 'rain');
    await sb.command('weather thunder');
    await waitFor(() => bot.thunderState > 0, 3000, 'thunder');
    await sb.command('weather clear');
    await waitFor(() => !bot.isRaining && bot.thunderState === 0, 5000, 'clear sky');
  });

  it('runs out of air with the eyes under water and breathes again above it', async () => {
    const at = bot.entity.position.floored();
    await sb.command(`fill ${at.x - 1} ${at.y} ${at.z - 1} ${at.x + 1} ${at.y + 3} ${at.z + 1} water`);
    await waitFor(() => bot.oxygenLevel !== undefined && bot.oxygenLevel < 20, 5000, 'air to drop');
    await sb.command(`fill ${at.x - 1} ${at.y} ${at.z - 1} ${at.x + 1} ${at.y + 3} ${at.z + 1} air`);
    await waitFor(() => bot.oxygenLevel === 20, 5000, 'air back');
  });

  it('removes a player who left from the others\' player list', async () => {
    const other = await testBot(sb, 'visitor');
    await waitFor(() => bot.players.visitor !== undefined, 3000, 'visitor listed');
    const left = once(bot, 'playerLeft');
    other.quit();
    const [player] = (await left) as [{ username: string }];
    expect(player.username).toBe('visitor');
    expect(bot.players.visitor).toBeUndefined();
  });

  it('places both halves of a bed, facing the way the player looks', async () => {
    await sb.command('give sleeper white_bed 1');
    await waitFor(() => bot.inventory.items().some((i) => i.name === 'white_bed'), 3000, 'bed item');
    await bot.equip(bot.registry.itemsByName.white_bed!.id, 'hand');
    const foot = bot.entity.position.floored().offset(0, 0, -3);
    await bot.placeBlock(bot.blockAt(foot.offset(0, -1, 0))!, new Vec3(0, 1, 0));
    const head = foot.offset(0, 0, -1);
    await waitFor(() => bot.blockAt(head)?.name === 'white_bed', 3000, 'head half');
    expect(bot.blockAt(foot)?.getProperties()).toMatchObject({ part: 'foot', facing: 'north', occupied: false });
    expect(bot.blockAt(head)?.getProperties()).toMatchObject({ part: 'head', facing: 'north', occupied: false });
    await sb.command(`fill ${head.x} ${head.y} ${head.z} ${foot.x} ${foot.y} ${foot.z} air`);
  });

  it('sleeps in a bed at night, refuses by day, and wakes on "leave bed"', async () => {
    const foot = bot.entity.position.offset(2, 0, 0).floored();
    const head = foot.offset(0, 0, 1);
    await sb.command(`setblock ${foot.x} ${foot.y} ${foot.z} red_bed[part=foot,facing=south,occupied=false]`);
    await sb.command(`setblock ${head.x} ${head.y} ${head.z} red_bed[part=head,facing=south,occupied=false]`);
    await sb.command('time set noon');
    await waitFor(() => bot.blockAt(foot)?.name === 'red_bed' && bot.time.timeOfDay < 7000, 3000, 'bed and noon');
    await bot.activateBlock(bot.blockAt(foot)!);
    await waitFor(() => actionBar.includes('block.minecraft.bed.no_sleep'), 3000, 'no_sleep');
    expect(messages).toContain('block.minecraft.set_spawn');
    expect(bot.isSleeping).toBe(false);

    await sb.command('time set midnight');
    await waitFor(() => bot.time.timeOfDay >= 18000, 3000, 'midnight');
    await bot.sleep(bot.blockAt(foot)!);
    expect(bot.isSleeping).toBe(true);
    await waitFor(() => bot.blockAt(head)?.getProperties().occupied === true, 3000, 'occupied head');
    const woke = once(bot, 'wake');
    await bot.wake();
    await woke;
    expect(bot.isSleeping).toBe(false);
    await waitFor(() => bot.blockAt(head)?.getProperties().occupied === false, 3000, 'bed freed');
  });

  it('skips the night once everyone slept 100 ticks', async () => {
    const foot = bot.entity.position.offset(-2, 0, 0).floored();
    const head = foot.offset(0, 0, -1);
    await sb.command(`setblock ${foot.x} ${foot.y} ${foot.z} blue_bed[part=foot,facing=north,occupied=false]`);
    await sb.command(`setblock ${head.x} ${head.y} ${head.z} blue_bed[part=head,facing=north,occupied=false]`);
    await sb.command('time set 14000');
    await waitFor(() => bot.blockAt(head)?.name === 'blue_bed' && bot.time.timeOfDay >= 14000, 3000, 'bed and night');
    lastHead = head;
    const day = bot.time.day;
    const woke = once(bot, 'wake');
    await bot.sleep(bot.blockAt(head)!);
    await woke;
    expect(bot.time.day).toBe(day + 1);
    expect(bot.time.timeOfDay).toBeLessThan(1000);
    expect(actionBar).toContain('sleep.skipping_night');
  }, 15_000);


  it('respawns without effects or experience, in the kept game mode, beside the bed slept in', async () => {
    const points = bot.experience.points + 30;
    await sb.command('xp add sleeper 30 points');
    await waitFor(() => bot.experience.points === points, 3000, 'points');
    await sb.command('gamemode adventure sleeper');
    await waitFor(() => bot.game.gameMode === 'adventure', 3000, 'adventure');
    const respawned = once(bot, 'respawn');
    await sb.command('kill sleeper');
    await respawned;
    await waitFor(() => bot.experience.points === 0 && bot.health === 20, 5000, 'fresh player');
    expect(bot.game.gameMode).toBe('adventure');
    const bed = lastHead!.offset(0.5, 0, 0.5);
    await waitFor(() => bot.entity.position.distanceTo(bed) < 3, 5000, 'beside the bed');
  });
});
