import type { Entity } from 'prismarine-entity';
import { z } from 'zod';
import { collectLoot, defineSkill, equipWeapon, fight, HOSTILE_MOBS, isWoolColour, MOBS, NEARBY_RADIUS, nearestMob, PASSIVE_MOBS, plannedLoot, sheepWool, type SkillContext, SkillError, throwIfAborted, WOOL_COLOURS } from '../src/actions/index.ts';

const params = z.object({
  mob: z.string().min(1).describe('entity name: cow, zombie, skeleton, …'),
  count: z.number().int().min(1).max(64).default(1).describe('how many to kill'),
  colour: z.enum(WOOL_COLOURS).optional().describe('sheep only: of this wool, which drops too'),
  radius: z.number().int().min(4).max(96).default(NEARBY_RADIUS).describe('how far to look for one, in blocks'),
});
type Args = z.infer<typeof params>;

export interface KillResult {
  killed: number;
  /** Items the inventory gained (the loot picked up). */
  gained: Record<string, number>;
}

/** One fight may take this long: a cow at full charge with a fist is about 3 s of swinging, plus the chase. */
const FIGHT_MS = 30_000;
/** Mobs given up on (unreachable, ran off) before the skill gives up. */
const MAX_LOST = 3;

export const killMob = defineSkill<typeof params, KillResult>({
  name: 'killMob',
  summary: 'Kill `count` mobs of a kind nearby with the best weapon carried and pick up their loot.',
  details: '`colour` picks an unsheared sheep of that wool colour. Fails NO_TARGET when there is none within `radius`.',
  params,
  example: { mob: 'cow', count: 1, radius: NEARBY_RADIUS },
  preconditions: (args) => ({ facts: [`${args.mob}_nearby`] }),
  effects: (args) => {
    const obtain: Record<string, number> = {};
    for (const [item, n] of Object.entries(plannedLoot(args.mob))) obtain[item] = n * args.count;
    if (args.mob === 'sheep' && args.colour) obtain[`${args.colour}_wool`] = args.count;
    return { obtain };
  },
  producers(target, count, kb): Args[] {
    const wool = /^(.+)_wool$/.exec(target)?.[1];
    if (wool !== undefined) return isWoolColour(wool) ? [{ mob: 'sheep', count, colour: wool, radius: NEARBY_RADIUS }] : [];
    // Only the mobs of this version (a glow squid from 1.17) and loot it has.
    if (!kb.registry.itemsByName[target]) return [];
    const from = (mobs: readonly string[]): Args[] => mobs.filter((mob) => kb.registry.entitiesByName[mob]).flatMap((mob) => {
      const per = plannedLoot(mob)[target];
      return per !== undefined && per > 0 ? [{ mob, count: Math.ceil(count / per - 1e-9), radius: NEARBY_RADIUS }] : [];
    });
    // Monsters only for what no animal drops (rotten flesh, string, spider eyes), and only where the
    // world model has them (a server's overworld, not the sandbox's first presets).
    const passive = from(PASSIVE_MOBS);
    return passive.length > 0 ? passive : from(HOSTILE_MOBS);
  },
  timeoutMs: (args) => 20_000 + args.count * 40_000,
  run: (ctx, args) => kill(ctx, args),
});

async function kill(ctx: SkillContext, args: Args): Promise<KillResult> {
  const { bot, log } = ctx;
  if (!bot.registry.entitiesByName[args.mob]) throw new SkillError('BAD_ARGS', `"${args.mob}" is not an entity name in Minecraft ${bot.version}`);
  if (args.colour && args.mob !== 'sheep') throw new SkillError('BAD_ARGS', `colour is for sheep, not ${args.mob}`);
  const what = args.colour ? `unsheared ${args.colour} sheep` : args.mob;
  const lost = new Set<number>();
  const wanted = (e: Entity) => {
    if (lost.has(e.id)) return false;
    if (!args.colour) return true;
    const w = sheepWool(bot, e);
    return w !== null && !w.sheared && w.colour === args.colour;
  };
  const total: Record<string, number> = {};
  let killed = 0;
  while (killed < args.count) {
    throwIfAborted(ctx.signal);
    const target = nearestMob(bot, args.mob, args.radius, wanted);
    if (!target) {
      const done = killed > 0 ? `killed ${killed} of ${args.count}; ` : '';
      throw new SkillError('NO_TARGET', `${done}no ${killed > 0 ? 'other ' : ''}${what} within ${args.radius} blocks`, { block: args.mob });
    }
    await equipWeapon(ctx, MOBS[args.mob]?.health ?? 20);
    let at;
    try {
      const res = await fight(ctx, target, { what: args.mob, timeoutMs: FIGHT_MS, chaseWithin: args.radius });
      if (res.end === 'away') throw new SkillError('NO_PATH', `the ${args.mob} went farther than ${args.radius} blocks`);
      at = res.at;
    } catch (err) {
      if (ctx.signal.aborted || !(err instanceof SkillError) || !['NO_PATH', 'STUCK', 'TIMEOUT'].includes(err.code)) throw err;
      lost.add(target.id);
      log.debug({ code: err.code, err: err.message }, 'gave up on one mob');
      if (lost.size >= MAX_LOST) throw new SkillError(err.code, `could not kill a ${args.mob} (${lost.size} tried): ${err.message}`, { block: args.mob }, { cause: err });
      continue;
    }
    killed++;
    for (const [item, n] of Object.entries(await collectLoot(ctx, at))) total[item] = (total[item] ?? 0) + n;
  }
  return { killed, gained: total };
}
