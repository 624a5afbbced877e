// Moving items from one member to another, and proving nothing was lost: what left the giver is counted
// against what arrived at the receiver. A throw at the receiver's feet is the way when the giver can walk
// up to the receiver; when it cannot (no path, not in sight), the items go through a chest the giver
// places, and the receiver walks there and takes them out.
import type { Bot } from 'mineflayer';
import type { Logger } from 'pino';
import { approachPlayer, inventoryCounts, SkillError } from '../actions/index.ts';
import { waitUntil } from '../base/wait.ts';
import type { Knowledge } from '../knowledge/kb.ts';
import type { SkillRegistry } from '../skills/define.ts';
import { runSkill } from '../skills/runner.ts';
import type { SkillOutcome } from '../skills/types.ts';
import type { Handover, Items, TeamMember } from './types.ts';

export interface HandoverEnv {
  skills: SkillRegistry;
  knowledge: Knowledge;
  log: Logger;
  signal: AbortSignal;
}

/** How long the receiver's inventory may take to show a throw (vanilla's 2 s pickup delay and the walk of the stacks). */
const ARRIVAL_MS = 5000;
/** Failures of the walk to the receiver: the other way round, or a chest, may still work. */
const UNREACHABLE: ReadonlySet<string> = new Set(['NO_PATH', 'NO_TARGET', 'STUCK']);

function counts(bot: Bot, items: Items): Items {
  const inv = inventoryCounts(bot);
  return Object.fromEntries(Object.keys(items).map((k) => [k, inv.get(k) ?? 0]));
}

function diff(after: Items, before: Items, sign: 1 | -1): Items {
  const out: Items = {};
  for (const k of Object.keys(before)) {
    const d = sign * ((after[k] ?? 0) - (before[k] ?? 0));
    if (d > 0) out[k] = d;
  }
  return out;
}

const same = (a: Items, b: Items) => Object.keys({ ...a, ...b }).every((k) => (a[k] ?? 0) === (b[k] ?? 0));

function run(env: HandoverEnv, bot: Bot, skill: string, args: unknown): Promise<SkillOutcome> {
  const s = env.skills.get(skill);
  if (!s) throw new Error(`the team's skill registry lacks ${skill}`);
  return runSkill(s, args, { bot, log: env.log.child({ skill, who: bot.username }), knowledge: env.knowledge, signal: env.signal });
}

/**
 * Hands `items` (what the giver holds of them, at most) from `giver` to `receiver`, who stands still.
 * Returns the record with what went out and what came in.
 */
export async function handOver(env: HandoverEnv, giver: TeamMember, receiver: TeamMember, wanted: Items): Promise<Handover> {
  const startAge = Number(giver.bot.time.age);
  const held = counts(giver.bot, wanted);
  const items: Items = {};
  for (const [k, n] of Object.entries(wanted)) if (Math.min(n, held[k] ?? 0) > 0) items[k] = Math.min(n, held[k] ?? 0);
  const base = { from: giver.name, to: receiver.name, items };
  if (Object.keys(items).length === 0) return { ...base, method: 'drop', why: 'nothing to hand over', out: {}, in: {}, ok: true, gameSeconds: 0 };
  const giverBefore = counts(giver.bot, items);
  const receiverBefore = counts(receiver.bot, items);
  const arrived = () => diff(counts(receiver.bot, items), receiverBefore, 1);
  const left = () => diff(counts(giver.bot, items), giverBefore, -1);
  const record = (method: Handover['method'], why: string): Handover => {
    const out = left();
    const got = arrived();
    return { ...base, method, why, out, in: got, ok: same(out, items) && same(got, items), gameSeconds: (Number(giver.bot.time.age) - startAge) / 20 };
  };

  let thrown = await run(env, giver.bot, 'giveItems', { to: receiver.name, items });
  let how = `${giver.name} could walk up to ${receiver.name}`;
  if (!thrown.ok && UNREACHABLE.has(thrown.code)) {
    // The receiver stands in a pit or behind a wall the giver cannot pass: it comes out to the giver instead.
    const came = await approach(env, receiver, giver);
    if (came) {
      thrown = await run(env, giver.bot, 'giveItems', { to: receiver.name, items });
      how = `${receiver.name} came to ${giver.name}, who could not walk up to it (${thrown.ok ? 'then' : 'still'} ${thrown.ok ? 'thrown' : thrown.code})`;
    }
  }
  if (thrown.ok) {
    try {
      await waitUntil(() => same(arrived(), left()) && Object.keys(left()).length > 0, { signal: env.signal, timeoutMs: ARRIVAL_MS, what: `${receiver.name} holding the items` });
    } catch (err) {
      if (env.signal.aborted) throw err;
      // Still on the ground (fell short, into a pit, rolled off): the receiver walks over them.
      for (const item of Object.keys(items)) if ((arrived()[item] ?? 0) < (left()[item] ?? 0)) await run(env, receiver.bot, 'collectDrops', { item, radius: 8 });
    }
    return record('drop', how);
  }
  if (!UNREACHABLE.has(thrown.code)) {
    return record('drop', `the throw failed: ${thrown.message}`);
  }
  return viaChest(env, giver, receiver, items, `${giver.name} could not reach ${receiver.name} (${thrown.code})`, record);
}

/** The giver places a chest where it stands and stores the items; the receiver walks there and takes them. */
async function viaChest(env: HandoverEnv, giver: TeamMember, receiver: TeamMember, items: Items, why: string, record: (m: Handover['method'], why: string) => Handover): Promise<Handover> {
  const chestHeld = inventoryCounts(giver.bot).get('chest') ?? 0;
  if (chestHeld === 0) return record('chest', `${why}; no chest to put them in`);
  const placed = await run(env, giver.bot, 'placeBlock', { item: 'chest' });
  if (!placed.ok) return record('chest', `${why}; placing the chest failed: ${placed.message}`);
  for (const [item, count] of Object.entries(items)) {
    const stored = await run(env, giver.bot, 'depositToChest', { item, count });
    if (!stored.ok) return record('chest', `${why}; storing ${item} failed: ${stored.message}`);
  }
  const at = giver.bot.entity.position;
  await run(env, receiver.bot, 'goTo', { x: Math.floor(at.x), y: Math.floor(at.y), z: Math.floor(at.z) });
  for (const [item, count] of Object.entries(items)) {
    const taken = await run(env, receiver.bot, 'withdrawFromChest', { item, count });
    if (!taken.ok) return record('chest', `${why}; taking ${item} out failed: ${taken.message}`);
  }
  return record('chest', why);
}

/** Time the receiver has to come out of a pit and over to the giver. */
const APPROACH_MS = 45_000;

/** The receiver walks (digging if it must) to the giver; false when it could not. */
async function approach(env: HandoverEnv, receiver: TeamMember, giver: TeamMember): Promise<boolean> {
  const signal = AbortSignal.any([env.signal, AbortSignal.timeout(APPROACH_MS)]);
  try {
    await approachPlayer({ bot: receiver.bot, log: env.log.child({ who: receiver.name }), signal, knowledge: env.knowledge }, giver.name);
    return true;
  } catch (err) {
    if (env.signal.aborted || !(err instanceof SkillError || signal.aborted)) throw err;
    env.log.debug({ err: err instanceof Error ? err.message : String(err) }, `${receiver.name} could not come to ${giver.name}`);
    return false;
  }
}
