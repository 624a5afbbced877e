import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectEggs, type EggsResult } from '../../skills/collectEggs.ts';
import { EGG_LAY_TICKS } from '../../src/knowledge/chickens.ts';
import type { MobEntity } from '../../src/sandbox/mobs/types.ts';
import { hensOf } from '../../src/sandbox/plugins/eggs/plugin.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import type { SkillOutcome } from '../../src/skills/types.ts';
import { counts, expectInventoriesMatch } from '../helpers/inventory.ts';
import { serverTicks } from '../helpers/items.ts';
import { summonOnServer } from '../helpers/mobs.ts';
import { quit, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { standAt, Vec3 } from '../helpers/skillsGather.ts';
import { arena, mobsSeen, removeMobs } from '../helpers/skillsMobs.ts';
import { runOn, setSlots, skillBot } from '../helpers/skills.ts';

const SEED = 15;

function resultOf(out: SkillOutcome): EggsResult {
  if (!out.ok) throw new Error(`skill failed: ${out.code} ${out.message}`);
  return out.result as EggsResult;
}

describe.each(['1.20.1', '1.21.4'] as const)('laying hens and collectEggs (sandbox %s, seed 15, no natural spawning)', (version) => {
  let sb: Sandbox;
  let bot: Bot;
  // A fenced field far above the terrain: the only chickens within 32 blocks are those a test summons.
  let centre: Vec3;
  const eggsLying = () => Object.values(bot.entities).filter((e) => e.name === 'item' && e.isValid && e.getDroppedItem()?.name === 'egg');

  /** No chickens, no eggs lying about, the bot at the centre with `slots`. */
  async function fresh(slots: Readonly<Record<number, string>> = {}): Promise<void> {
    await removeMobs(sb, bot, ['chicken']);
    await standAt(sb, bot, centre);
    for (const egg of eggsLying()) {
      await standAt(sb, bot, egg.position.floored());
      await waitFor(() => !egg.isValid || bot.entities[egg.id] !== egg, 3000, 'a stray egg picked up');
    }
    await standAt(sb, bot, centre);
    await setSlots(sb, bot, slots);
  }

  /** `/summon chicken x y z {EggLayTime:n}` from the console, waiting until the bot sees the hen. */
  async function hen(at: Vec3, eggLayTime?: number): Promise<{ mob: MobEntity; time: number }> {
    const data = eggLayTime === undefined ? '' : `{EggLayTime:${eggLayTime}}`;
    const [mob] = await summonOnServer(sb, 'chicken', at.offset(0.5, 0, 0.5), data);
    // Read at once: a hen due in 20 ticks may have laid by the time the bot sees it.
    const time = hensOf(sb.server)!.timeOf(mob!)!;
    await waitFor(() => bot.entities[mob!.id] !== undefined, 3000, 'the bot to see the hen');
    return { mob: mob!, time };
  }

  beforeAll(async () => {
    sb = await testSandbox({ seed: SEED, preset: 'plains', version });
    bot = await skillBot(sb, 'henwife');
    await sb.command('time set 1000');
    const spawn = bot.entity.position.floored();
    centre = new Vec3(spawn.x, 200, spawn.z);
    await arena(sb, bot, centre, 7);
  }, 60_000);

  afterAll(async () => {
    quit(bot);
    await sb?.stop();
  });

  it('a hen with EggLayTime 20 lays an egg where it stands a second later, with its cluck, and draws its next time', async () => {
    await fresh();
    const heard: string[] = [];
    const onSound = (name: string) => { heard.push(name); };
    bot.on('soundEffectHeard', onSound);
    try {
      const summoned = sb.server.tickCount;
      const { mob, time } = await hen(centre.offset(3, 0, 0), 20);
      expect(time).toBe(20);
      await waitFor(() => eggsLying().length === 1, 5000, 'an egg');
      // Counted in the server's ticks: a busy machine's lag is no failure.
      expect(sb.server.tickCount - summoned).toBeGreaterThanOrEqual(20);
      expect(sb.server.tickCount - summoned).toBeLessThanOrEqual(40);
      expect(eggsLying()[0]!.position.distanceTo(mob.position)).toBeLessThan(1.5);
      expect(eggsLying()[0]!.getDroppedItem()).toMatchObject({ name: 'egg', count: 1 });
      await waitFor(() => heard.some((s) => /chicken[._]egg$/.test(s)), 2000, 'the cluck');
      const next = hensOf(sb.server)!.timeOf(mob)!;
      expect(next).toBeGreaterThan(EGG_LAY_TICKS.min - 40);
      expect(next).toBeLessThan(EGG_LAY_TICKS.max);
      // One egg, not another: the next is 5 minutes away at least.
      await serverTicks(sb, 40);
      expect(eggsLying()).toHaveLength(1);
    } finally {
      bot.removeListener('soundEffectHeard', onSound);
    }
  });

  it('/summon without entity data draws a hen\'s first time from the seed (5 to 10 minutes); {EggLayTime:n} sets it; bad entity data and babies are refused', async () => {
    await fresh();
    const { time: t } = await hen(centre.offset(-3, 0, 0));
    expect(t).toBeGreaterThan(EGG_LAY_TICKS.min - 100);
    expect(t).toBeLessThan(EGG_LAY_TICKS.max);
    // Two at once with one time: each gets it.
    const pair = await summonOnServer(sb, 'chicken', centre.offset(3.5, 0, 3.5), '2 {EggLayTime:5000}');
    expect(pair.map((m) => hensOf(sb.server)!.timeOf(m))).toEqual([5000, 5000]);
    await expect(sb.command(`summon chicken ${centre.x} ${centre.y} ${centre.z} {EggLayTime:`)).rejects.toThrow(/Invalid entity data/);
    await expect(sb.command(`summon chicken ${centre.x} ${centre.y} ${centre.z} {Age:-24000}`)).rejects.toThrow(/no baby chickens/);
    await waitFor(() => mobsSeen(bot, 'chicken').length === 3, 3000, 'the three hens');
  });

  it('collectEggs waits among two hens (EggLayTime 40 and 60), walks over their eggs, and holds 2 eggs', async () => {
    await fresh({ 36: 'stone_sword' });
    await hen(centre.offset(5, 0, 4), 40);
    await hen(centre.offset(6, 0, 5), 60);
    const out = await runOn(bot, collectEggs, { count: 2, waitSeconds: 30 });
    const result = resultOf(out);
    expect(result.eggs).toBe(2);
    expect(result.hens).toBe(2);
    expect(result.waited).toBeLessThanOrEqual(10);
    expect(counts(bot)).toEqual({ egg: 2, stone_sword: 1 });
    expect(eggsLying()).toHaveLength(0);
    await expectInventoriesMatch(sb, bot);
  }, 45_000);

  it('fails NO_TARGET with no chicken in range, TIMEOUT when the hens lay too late, INVENTORY_FULL without room', async () => {
    await fresh();
    expect(await runOn(bot, collectEggs, { count: 1 })).toMatchObject({ ok: false, code: 'NO_TARGET', message: 'no chicken within 32 blocks', missing: { block: 'chicken' } });
    await hen(centre.offset(6, 0, 0), 6000);
    await hen(centre.offset(-6, 0, 1), 9000);
    expect(await runOn(bot, collectEggs, { count: 1, radius: 4 })).toMatchObject({ ok: false, code: 'NO_TARGET', message: 'no chicken within 4 blocks' });
    const started = Date.now();
    const late = await runOn(bot, collectEggs, { count: 1, waitSeconds: 3 });
    expect(late).toMatchObject({ ok: false, code: 'TIMEOUT' });
    expect(late.ok || late.message).toMatch(/^0 of 1 eggs arrived in \d s of waiting by the 2 chickens within 32 blocks$/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
    expect(Date.now() - started).toBeLessThan(15_000);
    const full: Record<number, string> = {};
    for (let slot = 9; slot <= 44; slot++) full[slot] = 'dirtx64';
    await setSlots(sb, bot, full);
    expect(await runOn(bot, collectEggs, { count: 1 })).toMatchObject({ ok: false, code: 'INVENTORY_FULL', message: 'inventory full: room for 0 of 1 eggs' });
  }, 45_000);
});
