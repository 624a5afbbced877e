import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killMob, type KillResult } from '../../skills/killMob.ts';
import { milkCow } from '../../skills/milkCow.ts';
import { shearSheep, type ShearResult } from '../../skills/shearSheep.ts';
import { mobWorldOf } from '../../src/sandbox/mobs/world.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { sheepWool } from '../../src/actions/mobs/find.ts';
import type { SkillOutcome } from '../../src/skills/types.ts';
import { counts, expectInventoriesMatch } from '../helpers/inventory.ts';
import { quit, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { standAt, Vec3 } from '../helpers/skillsGather.ts';
import { arena, mobsSeen, removeMobs, setVitals, summon } from '../helpers/skillsMobs.ts';
import { runOn, setSlots, skillBot } from '../helpers/skills.ts';

function resultOf<T>(out: SkillOutcome): T {
  if (!out.ok) throw new Error(`skill failed: ${out.code} ${out.message}`);
  return out.result as T;
}

describe('mob skills (sandbox seed 5, plains, no natural spawning)', () => {
  let sb: Sandbox;
  let bot: Bot;
  // A fenced field far above the terrain: the only animals within 32 blocks are those a test summons.
  let centre: Vec3;

  beforeAll(async () => {
    sb = await testSandbox({ seed: 5, preset: 'plains', mobSpawning: false });
    bot = await skillBot(sb, 'farmer');
    const spawn = bot.entity.position.floored();
    centre = new Vec3(spawn.x, 200, spawn.z);
    await arena(sb, bot, centre, 8);
  });

  afterAll(async () => {
    quit(bot);
    await sb?.stop();
  });

  /** The bot in the middle of the field holding `slots`, no animals left from earlier tests. */
  async function fresh(slots: Record<number, string> = {}): Promise<void> {
    await removeMobs(sb, bot, ['cow', 'sheep', 'skeleton', 'creeper']);
    await standAt(sb, bot, centre);
    await setSlots(sb, bot, slots);
  }

  it('killMob fails NO_TARGET naming the mob when none is near', async () => {
    await fresh({ 36: 'diamond_sword' });
    const out = await runOn(bot, killMob, { mob: 'cow' });
    expect(out).toMatchObject({ ok: false, code: 'NO_TARGET', message: 'no cow within 32 blocks', missing: { block: 'cow' } });
  });

  it('killMob: two cows killed give beef and leather in the inventory', async () => {
    await fresh({ 36: 'diamond_sword' });
    await summon(sb, bot, 'cow', 2, centre.offset(5, 0, 3));
    const result = resultOf<KillResult>(await runOn(bot, killMob, { mob: 'cow', count: 2 }));
    expect(result.killed).toBe(2);
    // The bodies are removed a second after death (vanilla).
    await waitFor(() => mobsSeen(bot, 'cow').length === 0, 3000, 'the bodies to be removed');
    const have = counts(bot);
    expect(have.beef).toBeGreaterThanOrEqual(2);
    expect(have.leather).toBeGreaterThanOrEqual(1);
    expect(result.gained).toEqual({ beef: have.beef, leather: have.leather });
    // The sword took one point of wear per hit that landed: a cow (10 HP) takes 2 full-charge hits of 7
    // (a third when a lagging server counted fewer ticks than the wall clock).
    expect(bot.inventory.slots[36]?.durabilityUsed).toBeGreaterThanOrEqual(4);
    expect(bot.inventory.slots[36]?.durabilityUsed).toBeLessThanOrEqual(6);
    await expectInventoriesMatch(sb, bot);
  });

  it('shearSheep fails NO_TOOL without shears', async () => {
    await fresh();
    await summon(sb, bot, 'sheep', 1, centre.offset(3, 0, 0), 'white');
    const out = await runOn(bot, shearSheep, { colour: 'white', count: 1 });
    expect(out).toMatchObject({ ok: false, code: 'NO_TOOL', message: 'need shears to shear a sheep', missing: { tool: 'shears', item: 'shears', need: 1, have: 0 } });
  });

  it('shearSheep: a white sheep sheared gives white wool, then none is left to shear', async () => {
    await fresh({ 36: 'shears' });
    const [sheep] = await summon(sb, bot, 'sheep', 1, centre.offset(4, 0, -3), 'white');
    const result = resultOf<ShearResult>(await runOn(bot, shearSheep, { colour: 'white', count: 1 }));
    expect(result.sheared).toBe(1);
    const wool = counts(bot).white_wool ?? 0;
    expect(wool).toBeGreaterThanOrEqual(1);
    expect(wool).toBeLessThanOrEqual(3);
    expect(result.gained).toEqual({ white_wool: wool });
    expect(sheepWool(bot, sheep!)).toEqual({ colour: 'white', sheared: true });
    expect(bot.inventory.slots[36]?.durabilityUsed).toBe(1);
    // The only white sheep is bare now: asking for more names what is missing.
    const again = await runOn(bot, shearSheep, { colour: 'white', count: wool + 1 });
    expect(again).toMatchObject({ ok: false, code: 'NO_TARGET', message: 'no unsheared white sheep within 32 blocks' });
    await expectInventoriesMatch(sb, bot);
  });

  it("a sheep's wool colour (its metadata) matches what it drops, shorn or killed", async () => {
    await fresh({ 36: 'shears', 37: 'diamond_sword' });
    const [black] = await summon(sb, bot, 'sheep', 1, centre.offset(-4, 0, 2), 'black');
    const [blue] = await summon(sb, bot, 'sheep', 1, centre.offset(4, 0, 4), 'light_blue');
    const server = [...mobWorldOf(sb.server).mobs].map((m) => m.skillcraftMob.wool & 0x0f).sort((a, b) => a - b);
    expect(server).toEqual([3, 15]); // light_blue, black by dye index
    expect(sheepWool(bot, black!)).toEqual({ colour: 'black', sheared: false });
    expect(sheepWool(bot, blue!)).toEqual({ colour: 'light_blue', sheared: false });
    // Any colour: the nearest unsheared sheep is the black one.
    const shorn = resultOf<ShearResult>(await runOn(bot, shearSheep, { count: 1 }));
    expect(Object.keys(shorn.gained)).toEqual(['black_wool']);
    const killed = resultOf<KillResult>(await runOn(bot, killMob, { mob: 'sheep', colour: 'light_blue' }));
    expect(killed.killed).toBe(1);
    expect(killed.gained.light_blue_wool).toBe(1);
    expect(killed.gained.mutton).toBeGreaterThanOrEqual(1);
    await waitFor(() => mobsSeen(bot, 'sheep').length === 1, 3000, 'the body to be removed');
    expect(mobsSeen(bot, 'sheep').map((e) => sheepWool(bot, e))).toEqual([{ colour: 'black', sheared: true }]);
    await expectInventoriesMatch(sb, bot);
  });

  it('milkCow fails MISSING_ITEMS without a bucket', async () => {
    await fresh();
    const out = await runOn(bot, milkCow, {});
    expect(out).toMatchObject({ ok: false, code: 'MISSING_ITEMS', message: 'need 1 bucket, have 0', missing: { item: 'bucket', need: 1, have: 0 } });
  });

  it('milkCow: a cow milked gives a milk bucket, and the cow lives on', async () => {
    await fresh({ 36: 'bucket' });
    const [cow] = await summon(sb, bot, 'cow', 1, centre.offset(-5, 0, -5));
    const out = await runOn(bot, milkCow, { count: 1 });
    expect(resultOf(out)).toEqual({ milked: 1 });
    expect(counts(bot)).toEqual({ milk_bucket: 1 });
    await waitFor(() => cow!.isValid, 1000, 'the cow');
    expect(mobsSeen(bot, 'cow')).toHaveLength(1);
    await expectInventoriesMatch(sb, bot);
  });

  it('killMob: a summoned skeleton (it hits in melee in the sandbox) gives bones and arrows; a second one asked for is missing', async () => {
    await fresh({ 36: 'diamond_sword' });
    await summon(sb, bot, 'skeleton', 1, centre.offset(6, 0, 0));
    const out = await runOn(bot, killMob, { mob: 'skeleton', count: 2 });
    expect(out).toMatchObject({ ok: false, code: 'NO_TARGET', message: 'killed 1 of 2; no other skeleton within 32 blocks', missing: { block: 'skeleton' } });
    await waitFor(() => mobsSeen(bot, 'skeleton').length === 0, 3000, 'the body to be removed');
    const have = counts(bot);
    expect(['arrow', 'bone', 'diamond_sword']).toEqual(expect.arrayContaining(Object.keys(have)));
    expect(have.bone).toBeGreaterThanOrEqual(1);
    expect(have.bone).toBeLessThanOrEqual(2);
    await expectInventoriesMatch(sb, bot);
  });

  it('killMob: two skeletons of three killed, the bot in armour against their hits', async () => {
    await fresh({ 36: 'diamond_sword', 5: 'iron_helmet', 6: 'iron_chestplate', 7: 'iron_leggings', 8: 'iron_boots' });
    await summon(sb, bot, 'skeleton', 3, centre.offset(-6, 0, 0));
    const result = resultOf<KillResult>(await runOn(bot, killMob, { mob: 'skeleton', count: 2 }));
    expect(result.killed).toBe(2);
    expect(result.gained.bone).toBe(counts(bot).bone);
    expect(mobsSeen(bot, 'skeleton').filter((e) => e.isValid)).not.toHaveLength(0);
    await expectInventoriesMatch(sb, bot);
  });

  it('killMob: a creeper is hit only while its fuse is young and run from after each hit, so it never explodes', async () => {
    await fresh({ 36: 'diamond_sword' });
    await setVitals(sb, bot, { health: 20, food: 20 });
    const blasts: number[] = [];
    const onHurt = () => { blasts.push(bot.health); };
    bot.on('health', onHurt);
    try {
      await summon(sb, bot, 'creeper', 1, centre.offset(5, 0, 0));
      const result = resultOf<KillResult>(await runOn(bot, killMob, { mob: 'creeper' }));
      expect(result.killed).toBe(1);
      expect(['gunpowder']).toEqual(expect.arrayContaining(Object.keys(result.gained)));
    } finally {
      bot.off('health', onHurt);
    }
    // A creeper has no melee hit: any damage would have been its blast.
    expect(bot.health).toBe(20);
    expect(blasts.filter((h) => h < 20)).toEqual([]);
  });
});
