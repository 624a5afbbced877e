// Hand-overs between two real bots: the giveItems skill (thrown at the receiver's feet) and the team's
// handOver, which counts what left the giver against what reached the receiver.
import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { createLogger } from '../../src/log/logger.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { createSkillRegistry, TEAM_SKILLS } from '../../skills/index.ts';
import { giveItems } from '../../skills/giveItems.ts';
import { collectDrops } from '../../skills/collectDrops.ts';
import { approachPlayer, setDown } from '../../src/actions/index.ts';
import { handOver } from '../../src/team/handover.ts';
import { clearAround, gatherSeconds, goToMeeting, meetIfApart } from '../../src/team/rendezvous.ts';
import { finishEstimator, withExtras } from '../../src/team/share.ts';
import { chooseAssembler } from '../../src/team/assemble.ts';
import { inventoryCounts } from '../../src/actions/index.ts';
import { createGraphPlanner } from '../../src/planner/graph/index.ts';
import { overworldFor } from '../../src/knowledge/vanillaOverworld.ts';
import { parseTask } from '../../src/tasks/parse.ts';
import type { TeamMember } from '../../src/team/types.ts';
import { buildPlatform, clearDrops, placeBot, Vec3 } from '../helpers/items.ts';
import { quit, testSandbox, waitFor } from '../helpers/sandbox.ts';
import { runOn, setBlocks, setInventory, skillBot } from '../helpers/skills.ts';

let sb: Sandbox;
let giver: Bot;
let receiver: Bot;
let centre: Vec3;

beforeAll(async () => {
  sb = await testSandbox({ seed: 4242, preset: 'plains' });
  giver = await skillBot(sb, 'giver');
  receiver = await skillBot(sb, 'receiver');
  centre = receiver.entity.position.floored().offset(0, 20, 0);
  await buildPlatform(sb, centre, 10);
}, 60_000);

afterAll(async () => {
  quit(giver);
  quit(receiver);
  await sb?.stop();
});

async function standApart(distance: number): Promise<void> {
  await placeBot(sb, receiver, centre);
  await placeBot(sb, giver, centre.offset(distance, 0, 0));
}

const env = () => ({ skills: createSkillRegistry(TEAM_SKILLS), knowledge: createKnowledge(giver.version), log: createLogger({ level: 'warn', format: 'json' }), signal: AbortSignal.timeout(60_000) });
const member = (bot: Bot): TeamMember => ({ name: bot.username, bot });

describe('giveItems', () => {
  it('walks up to the team mate and throws the items at its feet, where it picks them up', async () => {
    await setInventory(sb, giver, { iron_ingot: 3, stick: 2 });
    await setInventory(sb, receiver, {});
    await standApart(5);
    const r = await runOn(giver, giveItems, { to: 'receiver', items: { iron_ingot: 3, stick: 2 } });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(r.ok && r.result).toMatchObject({ given: { iron_ingot: 3, stick: 2 }, collected: true });
    expect(receiver.inventory.count(receiver.registry.itemsByName.iron_ingot!.id, null)).toBe(3);
    expect(giver.inventory.items()).toEqual([]);
  }, 60_000);

  it('fails MISSING_ITEMS for items it does not carry, NO_TARGET for a player not there', async () => {
    await setInventory(sb, giver, { stick: 1 });
    const missing = await runOn(giver, giveItems, { to: 'receiver', items: { stick: 4 } });
    expect(missing.ok ? 'ok' : missing.code).toBe('MISSING_ITEMS');
    const absent = await runOn(giver, giveItems, { to: 'nobody', items: { stick: 1 } });
    expect(absent.ok ? 'ok' : absent.code).toBe('NO_TARGET');
    expect(giver.inventory.count(giver.registry.itemsByName.stick!.id, null)).toBe(1);
  }, 30_000);
});

describe('a team hand-over', () => {
  it('counts what went out against what came in, standing next to each other or apart', async () => {
    for (const distance of [1, 8]) {
      await setInventory(sb, giver, { cobblestone: 20, oak_planks: 7 });
      await setInventory(sb, receiver, { cobblestone: 2 });
      await standApart(distance);
      const h = await handOver(env(), member(giver), member(receiver), { cobblestone: 20, oak_planks: 7 });
      expect(h, `from ${distance} blocks`).toMatchObject({ method: 'drop', ok: true, out: { cobblestone: 20, oak_planks: 7 }, in: { cobblestone: 20, oak_planks: 7 } });
      expect(receiver.inventory.count(receiver.registry.itemsByName.cobblestone!.id, null)).toBe(22);
    }
  }, 90_000);

  it('hands over only what the giver holds, and nothing when it holds none', async () => {
    await setInventory(sb, giver, { stick: 1 });
    await setInventory(sb, receiver, {});
    await standApart(4);
    const some = await handOver(env(), member(giver), member(receiver), { stick: 3, iron_ingot: 2 });
    expect(some).toMatchObject({ items: { stick: 1 }, out: { stick: 1 }, in: { stick: 1 }, ok: true });
    const none = await handOver(env(), member(giver), member(receiver), { diamond: 1 });
    expect(none).toMatchObject({ items: {}, ok: true, out: {}, in: {} });
  }, 60_000);

  it('moves a team mate standing by the receiver out of reach before the throw, so that everything reaches the receiver', async () => {
    const bystander = await skillBot(sb, 'bystander');
    try {
      await setInventory(sb, giver, { iron_ingot: 3 });
      await setInventory(sb, receiver, {});
      await setInventory(sb, bystander, {});
      await placeBot(sb, receiver, centre);
      await placeBot(sb, bystander, centre.offset(-1, 0, 0));
      await placeBot(sb, giver, centre.offset(5, 0, 0));
      const team = [member(giver), member(receiver), member(bystander)];
      await clearAround(env(), team[1]!, team[0]!, team);
      expect(bystander.entity.position.distanceTo(receiver.entity.position)).toBeGreaterThanOrEqual(5.5);
      const h = await handOver(env(), team[0]!, team[1]!, { iron_ingot: 3 }, team);
      expect(h).toMatchObject({ ok: true, out: { iron_ingot: 3 }, in: { iron_ingot: 3 } });
      expect(h.astray).toBeUndefined();
      expect(bystander.inventory.items()).toEqual([]);
    } finally {
      quit(bystander);
    }
  }, 60_000);

  it('a member with nothing left walks back to the meeting spot, digging its way out of a shaft; false when the spot cannot be reached in time', async () => {
    // A shaft 6 deep into solid stone under the platform, open only at the top, and no dirt to pillar with:
    // the way out is a staircase it digs, as a member at its ore does.
    const shaft = centre.offset(8, -6, 8);
    await sb.command(`fill ${shaft.x - 7} ${shaft.y - 1} ${shaft.z - 7} ${shaft.x + 1} ${shaft.y + 5} ${shaft.z + 1} stone`);
    await sb.command(`fill ${shaft.x} ${shaft.y} ${shaft.z} ${shaft.x} ${shaft.y + 5} ${shaft.z} air`);
    await setInventory(sb, giver, { iron_pickaxe: 1 });
    await placeBot(sb, giver, shaft);
    const okm = await goToMeeting(env(), member(giver), centre);
    expect(okm).toBe(true);
    expect(giver.entity.position.floored().distanceTo(centre)).toBeLessThanOrEqual(3);
    // Beyond the loaded world: no way there within its bound, and it says so instead of throwing.
    const t0 = Date.now();
    expect(await goToMeeting(env(), member(giver), centre.offset(400, 0, 0), 3000)).toBe(false);
    expect(Date.now() - t0).toBeLessThan(10_000);
  }, 90_000);

  it('once every part is made, a giver far from the receiver has both meet at the spot; a near one leaves them where they are', async () => {
    const spot = centre.offset(-8, 0, -8);
    // Near (the same tunnels): nobody moves.
    // (Clear of the stone the shaft test dug through, east and south of the centre.)
    await placeBot(sb, receiver, centre.offset(-6, 0, 6));
    await placeBot(sb, giver, centre.offset(-6, 0, -2));
    const [r0, g0] = [receiver.entity.position.clone(), giver.entity.position.clone()];
    await meetIfApart(env(), member(receiver), [member(giver)], spot);
    expect(receiver.entity.position.distanceTo(r0)).toBeLessThan(0.5);
    expect(giver.entity.position.distanceTo(g0)).toBeLessThan(0.5);
    // Apart: both walk to the spot.
    await placeBot(sb, giver, centre.offset(9, 0, -9));
    await meetIfApart(env(), member(receiver), [member(giver)], spot);
    for (const b of [receiver, giver]) expect(b.entity.position.floored().distanceTo(spot)).toBeLessThanOrEqual(3);
  }, 90_000);

  it('a giver brings the planks the assembler needs for a table to make the goal, beside its part; nothing more when a table is there', async () => {
    await placeBot(sb, receiver, centre);
    await placeBot(sb, giver, centre.offset(4, 0, 0));
    await setInventory(sb, receiver, { iron_ingot: 2, stick: 2 });
    await setInventory(sb, giver, { iron_ingot: 1, oak_planks: 9, cobblestone: 5 });
    const kb = createKnowledge(receiver.version);
    const planner = createGraphPlanner({ skills: createSkillRegistry(TEAM_SKILLS), knowledge: kb, world: overworldFor(kb, 'sandbox') });
    const goal = parseTask(kb, 'iron pickaxe').goal;
    const wanted = { iron_ingot: 3, stick: 2 };
    const gifts = [{ giver: { member: member(giver) }, items: { iron_ingot: 1 } }];
    const [gift] = withExtras(gifts, goal, member(receiver), planner, wanted);
    expect(gift!.items).toEqual({ iron_ingot: 1, oak_planks: 4 });
    await setBlocks(sb, receiver, [[centre.offset(0, 0, 2), 'crafting_table']]);
    expect(withExtras(gifts, goal, member(receiver), planner, wanted)[0]!.items).toEqual({ iron_ingot: 1 });
    await setBlocks(sb, receiver, [[centre.offset(0, 0, 2), 'air']]);
  }, 60_000);

  it('the receiver makes a part itself rather than wait for a mate deep underground; a mate close by hands it over', async () => {
    await placeBot(sb, receiver, centre);
    await setInventory(sb, receiver, { iron_ingot: 2, stick: 2, stone_pickaxe: 1, coal: 2 });
    await setBlocks(sb, receiver, [[centre.offset(2, 0, 0), 'furnace'], [centre.offset(0, 0, 2), 'crafting_table'], [centre.offset(-2, 0, 0), 'iron_ore']]);
    await setInventory(sb, giver, { iron_ingot: 1 });
    const kb = createKnowledge(receiver.version);
    const planner = createGraphPlanner({ skills: createSkillRegistry(TEAM_SKILLS), knowledge: kb, world: overworldFor(kb, 'sandbox') });
    const goal = parseTask(kb, 'iron pickaxe').goal;
    const wanted = { iron_ingot: 3, stick: 2 };
    const choose = () => {
      const holders = [receiver, giver].map((b) => ({ name: b.username, member: member(b), held: inventoryCounts(b) }));
      return chooseAssembler(holders, wanted, holders[0]!, (r, gs) => gatherSeconds(r.member, gs.map((g) => g.member), centre), finishEstimator(goal, () => planner, wanted));
    };
    // 40 blocks down in the rock: its climb takes longer than mining and smelting the ore by the receiver.
    await placeBot(sb, giver, centre.offset(0, -40, 0));
    const alone = choose();
    expect(alone.assembler.name).toBe('receiver');
    expect(alone.gifts).toEqual([]);
    expect(alone.why).toBe('holds 4 of the 5 parts; 0 team mate(s) hand over; makes the other 1 itself');
    // On the platform beside it: the throw is sooner.
    await placeBot(sb, giver, centre.offset(4, 0, 0));
    const together = choose();
    expect(together.gifts.map((g) => [g.giver.name, g.items])).toEqual([['giver', { iron_ingot: 1 }]]);
    await setBlocks(sb, receiver, [[centre.offset(2, 0, 0), 'air'], [centre.offset(0, 0, 2), 'air'], [centre.offset(-2, 0, 0), 'air']]);
  }, 60_000);

  it('sets items down at its feet and steps back out of reach; the team mate walks over and picks them up', async () => {
    // A stack an earlier test left lying would count as set down here, blocks away.
    clearDrops(sb);
    await waitFor(() => !Object.values(receiver.entities).some((e) => e.name === 'item'), 3000, 'the old drops to vanish for the receiver');
    await setInventory(sb, giver, { iron_ingot: 2, stick: 1 });
    await setInventory(sb, receiver, {});
    await placeBot(sb, receiver, centre.offset(-5, 0, 0));
    await placeBot(sb, giver, centre.offset(2, 0, 0));
    const spot = giver.entity.position.clone();
    const ctx = { bot: giver, log: env().log, signal: AbortSignal.timeout(30_000), knowledge: env().knowledge };
    expect(await setDown(ctx, { iron_ingot: 2, stick: 1 })).toEqual({ iron_ingot: 2, stick: 1 });
    expect(giver.entity.position.distanceTo(spot)).toBeGreaterThanOrEqual(3);
    // They lie where the giver stood, not thrown off.
    const lying = Object.values(receiver.entities).filter((e) => e.name === 'item');
    expect(lying.length).toBeGreaterThan(0);
    for (const e of lying) expect(Math.hypot(e.position.x - spot.x, e.position.z - spot.z)).toBeLessThan(1.5);
    const got = await runOn(receiver, collectDrops, { radius: 16 });
    expect(got.ok, JSON.stringify(got)).toBe(true);
    expect(receiver.inventory.count(receiver.registry.itemsByName.iron_ingot!.id, null)).toBe(2);
    expect(giver.inventory.items()).toEqual([]);
  }, 60_000);

  it('walks to where a team mate is when it is out of sight, and fails NO_TARGET without a position', async () => {
    await standApart(0);
    const ctx = { bot: giver, log: env().log, signal: AbortSignal.timeout(30_000), knowledge: env().knowledge };
    const there = centre.offset(7, 1, 5);
    await approachPlayer(ctx, 'faraway', 2.5, there);
    expect(giver.entity.position.distanceTo(there)).toBeLessThanOrEqual(3);
    await expect(approachPlayer(ctx, 'faraway')).rejects.toMatchObject({ code: 'NO_TARGET' });
  }, 60_000);
});
