import type { Entity } from 'prismarine-entity';
import { z } from 'zod';
import { approach, collectLoot, countAny, countItem, defineSkill, findItem, fmt, isPresent, isWoolColour, NEARBY_RADIUS, nearestMob, sheepWool, type SkillContext, SkillError, throwIfAborted, untilAborted, waitUntil, WOOL_COLOURS } from '../src/actions/index.ts';

const params = z.object({
  colour: z.enum(WOOL_COLOURS).optional().describe('default: any'),
  count: z.number().int().min(1).max(64).default(1).describe('wool wanted: a sheep gives 1-3'),
  radius: z.number().int().min(4).max(96).default(NEARBY_RADIUS).describe('how far to look for sheep, in blocks'),
});
type Args = z.infer<typeof params>;

export interface ShearResult {
  sheared: number;
  /** Wool the inventory gained, by item. */
  gained: Record<string, number>;
}

const WOOL_ITEMS = WOOL_COLOURS.map((c) => `${c}_wool`);
/** The server answers a shearing at once; this covers the metadata packet's way back. */
const SHEAR_CONFIRM_MS = 3000;

export const shearSheep = defineSkill<typeof params, ShearResult>({
  name: 'shearSheep',
  summary: 'Shear sheep nearby (of `colour`) and pick up wool until `count` were gained.',
  details: 'Fails NO_TOOL without shears, NO_TARGET when no unsheared sheep of that colour is within `radius`.',
  params,
  example: { colour: 'white', count: 3, radius: NEARBY_RADIUS },
  preconditions: () => ({ equip: ['shears'], facts: ['sheep_nearby'] }),
  // Counted at one wool per sheep would overstate the sheep needed; at `count` the wool asked for.
  effects: (args) => ({ obtain: { [args.colour ? `${args.colour}_wool` : '#wool']: args.count } }),
  producers(target, count): Args[] {
    const colour = /^(.+)_wool$/.exec(target)?.[1];
    return colour !== undefined && isWoolColour(colour) ? [{ colour, count, radius: NEARBY_RADIUS }] : [];
  },
  timeoutMs: (args) => 30_000 + args.count * 20_000,
  run: (ctx, args) => shear(ctx, args),
});

async function shear(ctx: SkillContext, args: Args): Promise<ShearResult> {
  const { bot, signal, log } = ctx;
  if (countItem(bot, 'shears') === 0) throw new SkillError('NO_TOOL', 'need shears to shear a sheep', { tool: 'shears', item: 'shears', need: 1, have: 0 });
  const what = `unsheared ${args.colour ? `${args.colour} ` : ''}sheep`;
  const woolCount = () => (args.colour ? countItem(bot, `${args.colour}_wool`) : countAny(bot, WOOL_ITEMS));
  const start = woolCount();
  const tried = new Set<number>();
  const gained: Record<string, number> = {};
  let sheared = 0;
  let lastError: SkillError | undefined;
  const wanted = (e: Entity) => {
    const w = sheepWool(bot, e);
    return !tried.has(e.id) && w !== null && !w.sheared && (!args.colour || w.colour === args.colour);
  };
  while (woolCount() - start < args.count) {
    throwIfAborted(signal);
    const sheep = nearestMob(bot, 'sheep', args.radius, wanted);
    if (!sheep) {
      const got = woolCount() - start;
      const done = got > 0 ? `got ${got} of ${args.count} wool; ` : '';
      const why = lastError ? ` (last: ${lastError.message})` : '';
      throw new SkillError('NO_TARGET', `${done}no ${tried.size > 0 ? 'other ' : ''}${what} within ${args.radius} blocks${why}`, { block: 'sheep' });
    }
    tried.add(sheep.id);
    const colour = sheepWool(bot, sheep)?.colour ?? 'white';
    try {
      await shearOne(ctx, sheep);
    } catch (err) {
      if (signal.aborted || !(err instanceof SkillError) || !['NO_PATH', 'STUCK', 'FAILED'].includes(err.code)) throw err;
      log.debug({ code: err.code, err: err.message }, 'could not shear one sheep; trying another');
      lastError = err;
      continue;
    }
    sheared++;
    for (const [item, n] of Object.entries(await collectLoot(ctx, sheep.position.clone(), `${colour}_wool`))) gained[item] = (gained[item] ?? 0) + n;
  }
  return { sheared, gained };
}

/** Walks up to a sheep, shears it, and waits until the server says it is sheared. */
async function shearOne(ctx: SkillContext, sheep: Entity): Promise<void> {
  const { bot, signal } = ctx;
  await approach(ctx, sheep, 'sheep');
  if (!isPresent(bot, sheep)) throw new SkillError('FAILED', 'the sheep went out of sight');
  const shears = findItem(bot, 'shears');
  if (!shears) throw new SkillError('NO_TOOL', 'the shears broke or vanished', { tool: 'shears', item: 'shears', need: 1, have: 0 });
  if (bot.heldItem?.name !== 'shears') await untilAborted(bot.equip(shears, 'hand'), signal);
  await untilAborted(bot.activateEntity(sheep), signal);
  await waitUntil(() => sheepWool(bot, sheep)?.sheared === true, { signal, timeoutMs: SHEAR_CONFIRM_MS, what: 'the sheep to be sheared' }).catch((err: unknown) => {
    if (signal.aborted || !(err instanceof SkillError) || err.code !== 'TIMEOUT') throw err;
    throw new SkillError('FAILED', `the sheep at ${fmt(sheep.position)} was not sheared within ${SHEAR_CONFIRM_MS} ms`, undefined, { cause: err });
  });
}
