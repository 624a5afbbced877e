import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killMob, type KillResult } from '../../skills/killMob.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { counts } from '../helpers/inventory.ts';
import { quit, testSandbox } from '../helpers/sandbox.ts';
import { standAt, Vec3 } from '../helpers/skillsGather.ts';
import { arena, setVitals, summon } from '../helpers/skillsMobs.ts';
import { runOn, setSlots, skillBot } from '../helpers/skills.ts';

// killMob against the monsters the sandbox summons beyond its natural ones, on 1.21.4 (metadata and
// entity layouts differ from 1.20.1, which test/integration/skillsMobs.test.ts covers).
describe('killMob on 1.21.4: a skeleton and a creeper (sandbox seed 5, plains, no natural spawning)', () => {
  let sb: Sandbox;
  let bot: Bot;
  let centre: Vec3;

  beforeAll(async () => {
    sb = await testSandbox({ version: '1.21.4', seed: 5, preset: 'plains', mobSpawning: false });
    bot = await skillBot(sb, 'hunter');
    const spawn = bot.entity.position.floored();
    centre = new Vec3(spawn.x, 200, spawn.z);
    await arena(sb, bot, centre, 8);
  });

  afterAll(async () => {
    quit(bot);
    await sb?.stop();
  });

  it('kills a skeleton for its bones and arrows', async () => {
    await standAt(sb, bot, centre);
    await setSlots(sb, bot, { 36: 'diamond_sword' });
    await summon(sb, bot, 'skeleton', 1, centre.offset(5, 0, 0));
    const out = await runOn(bot, killMob, { mob: 'skeleton' });
    if (!out.ok) throw new Error(`killMob failed: ${out.code} ${out.message}`);
    const result = out.result as KillResult;
    expect(result.killed).toBe(1);
    expect(['arrow', 'bone']).toEqual(expect.arrayContaining(Object.keys(result.gained)));
    for (const [item, n] of Object.entries(result.gained)) expect(counts(bot)[item]).toBe(n);
  });

  it('kills a creeper without taking its blast', async () => {
    await standAt(sb, bot, centre);
    await setSlots(sb, bot, { 36: 'diamond_sword' });
    await setVitals(sb, bot, { health: 20, food: 20 });
    await summon(sb, bot, 'creeper', 1, centre.offset(-5, 0, 3));
    const out = await runOn(bot, killMob, { mob: 'creeper' });
    if (!out.ok) throw new Error(`killMob failed: ${out.code} ${out.message}`);
    expect((out.result as KillResult).killed).toBe(1);
    expect(bot.health).toBe(20);
  });
});
