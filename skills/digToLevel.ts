import pathfinderPkg from 'mineflayer-pathfinder';
import { z } from 'zod';
import { bestPickaxe, chooseDirection, claimStep, clearBlock, defineSkill, describeRefusals, digCheckFor, type Dir, fmt, lookupFor, moveTo, noTool, type P, PICKAXES, pickaxeUsesLeft, releaseStep, type SkillContext, SkillError, stepOnto, type StepPlan, throwIfAborted, type Vertical, waitUntil } from '../src/actions/index.ts';

const { goals } = pathfinderPkg;

/** Steps planned ahead when choosing a direction. */
const LOOK_AHEAD = 8;
/** A step whose walk fails is planned and tried again this many times. */
const STEP_RETRIES = 2;

const params = z.object({
  y: z.number().int().min(-59).max(318).describe('the y level (feet) to reach'),
});
type Args = z.infer<typeof params>;

export interface DigToLevelResult {
  /** The y the bot's feet are at now. */
  y: number;
  /** Stair steps made (0 when it walked). */
  steps: number;
  /** Blocks dug. */
  dug: number;
  /** Where, in the order dug (once each, though sand falling in is dug again): a team's trace shows no block was dug twice. */
  at: [number, number, number][];
  /** 'stairs' when it dug, 'walked' when an existing way (such as its own stairs) led there. */
  how: 'stairs' | 'walked' | 'already';
  /** Time spent digging and stepping, in ms. */
  digMs: number;
  walkMs: number;
}

/** Blocks cleared per stair step; most are stone, each costs the pickaxe one use. */
const BLOCKS_PER_STEP = 3;

export const digToLevel = defineSkill({
  name: 'digToLevel',
  summary: 'Reaches a y level.',
  details:
    'Down: digs a 1-wide staircase (one block down per step forward, 3 blocks cleared per step so it can be walked back up), ' +
    'never digging under its feet, turning away from water, lava, sand/gravel overhead and blocks it cannot dig; DANGER when every way is unsafe. ' +
    'Up: walks up an existing way (its own stairs) when there is one, else digs a staircase up. Needs a pickaxe (NO_TOOL).',
  params,
  example: { y: 16 },
  preconditions: () => ({ equip: [...PICKAXES].reverse() }),
  effects: () => ({}),
  // About 3 s per step in stone with a stone pickaxe; a deep dig from a mountain top has ~150 steps.
  timeoutMs: 600_000,
  run: (ctx, args) => reachLevel(ctx, args),
});

async function reachLevel(ctx: SkillContext, { y }: Args): Promise<DigToLevelResult> {
  const { bot, signal } = ctx;
  // isInWater is set by mineflayer's physics; prismarine-entity's typings leave it out.
  const inWater = () => (bot.entity as { isInWater?: boolean }).isInWater === true;
  await waitUntil(() => bot.entity.onGround || inWater(), { signal, timeoutMs: 3000, what: 'the bot standing on the ground' });
  const startY = Math.floor(bot.entity.position.y);
  if (startY === y) return { y, steps: 0, dug: 0, at: [], how: 'already', digMs: 0, walkMs: 0 };
  if (y < startY) {
    requirePickaxe(ctx, startY - y);
    return staircase(ctx, 'down', y);
  }
  const climb = y - startY;
  try {
    const t0 = performance.now();
    await moveTo(ctx, new goals.GoalY(y), { what: `y ${y}`, canDig: false, stuckMs: 5000, searchRadius: climb * 4 + 32, timeoutMs: climb * 1500 + 15_000 });
    return { y: Math.floor(bot.entity.position.y), steps: 0, dug: 0, at: [], how: 'walked', digMs: 0, walkMs: Math.round(performance.now() - t0) };
  } catch (err) {
    if (!(err instanceof SkillError) || (err.code !== 'NO_PATH' && err.code !== 'STUCK')) throw err;
    ctx.log.debug({ err: err.message }, 'no way up to walk; digging stairs up');
  }
  requirePickaxe(ctx, y - startY);
  return staircase(ctx, 'up', y);
}

/**
 * NO_TOOL without a pickaxe, or when the pickaxes carried cannot last the whole staircase (the
 * server wears a tool by one use per block): better to fail now than half-way down.
 */
function requirePickaxe(ctx: SkillContext, steps: number): void {
  const best = bestPickaxe(ctx.bot);
  if (!best) throw noTool('stone', 'wooden_pickaxe');
  const need = Math.ceil(steps * BLOCKS_PER_STEP * 0.9);
  const have = pickaxeUsesLeft(ctx.bot);
  if (have < need) {
    throw new SkillError('NO_TOOL', `${steps} stair steps need about ${need} pickaxe uses, the pickaxes carried have ${have} left`, { tool: best, need, have });
  }
}

async function staircase(ctx: SkillContext, vertical: Vertical, targetY: number): Promise<DigToLevelResult> {
  const { bot, signal, log } = ctx;
  const lookup = lookupFor(bot);
  const canDig = digCheckFor(ctx);
  let last: Dir | undefined;
  let steps = 0;
  let dug = 0;
  const at: [number, number, number][] = [];
  let failures = 0;
  let digMs = 0;
  let walkMs = 0;
  for (;;) {
    throwIfAborted(signal);
    const cur = feet(ctx);
    if (vertical === 'down' ? cur.y <= targetY : cur.y >= targetY) break;
    const choice = chooseDirection(lookup, cur, vertical, canDig, last, Math.min(LOOK_AHEAD, Math.abs(targetY - cur.y)));
    if ('refused' in choice) throw refusal(ctx, choice.refused, cur, vertical);
    const { plan } = choice;
    if (plan.dir !== last) log.debug({ at: cur, dir: plan.dir.name, ahead: choice.ahead }, 'stairs direction');
    // The step's cells are this bot's until dug, so a team mate digging down next to it goes another way.
    // In the tick the plan was made, and the lookup left out the mates' cells: this cannot fail but is checked.
    if (!claimStep(bot, plan.dig)) continue;
    const t0 = performance.now();
    try {
      for (const p of plan.dig) {
        const n = await clearBlock(ctx, p);
        if (n > 0) at.push([p.x, p.y, p.z]);
        dug += n;
      }
    } finally {
      releaseStep(bot, plan.dig);
    }
    const t1 = performance.now();
    digMs += t1 - t0;
    try {
      if (!await stepOnto(ctx, plan.next)) {
        await moveTo(ctx, new goals.GoalBlock(plan.next.x, plan.next.y, plan.next.z), { what: `stair step ${fmt(plan.next)}`, canDig: false, stuckMs: 3000, timeoutMs: 8000 });
      }
    } catch (err) {
      // A block the server sent back, or one that fell in: plan the step again from where the bot stands.
      if (!(err instanceof SkillError) || (err.code !== 'NO_PATH' && err.code !== 'STUCK') || ++failures > STEP_RETRIES) throw err;
      log.debug({ err: err.message }, 'stair step failed; planning it again');
      continue;
    } finally {
      walkMs += performance.now() - t1;
    }
    failures = 0;
    last = plan.dir;
    steps++;
  }
  return { y: feet(ctx).y, steps, dug, at, how: 'stairs', digMs: Math.round(digMs), walkMs: Math.round(walkMs) };
}

function feet(ctx: SkillContext): P {
  const p = ctx.bot.entity.position;
  return { x: Math.floor(p.x), y: Math.floor(p.y), z: Math.floor(p.z) };
}

/** Every direction refused: NO_TOOL when only tools were missing, else DANGER naming what is in each way. */
function refusal(ctx: SkillContext, refused: Extract<StepPlan, { ok: false }>[], cur: P, vertical: Vertical): SkillError {
  const where = `${vertical === 'down' ? 'digging down' : 'digging up'} from ${cur.x},${cur.y},${cur.z}`;
  if (!bestPickaxe(ctx.bot)) return new SkillError('NO_TOOL', `${where}: no pickaxe left (worn out)`, { block: 'stone', tool: 'wooden_pickaxe' });
  if (refused.length > 0 && refused.every((r) => r.hazard === 'tool')) {
    const block = refused[0]!.block;
    return new SkillError('NO_TOOL', `${where}: every way is blocked by blocks that need a better tool (${describeRefusals(refused)})`, { block, tool: 'pickaxe' });
  }
  if (refused.length > 0 && refused.every((r) => r.hazard === 'claimed')) {
    return new SkillError('FAILED', `${where}: team mates are digging every way (${describeRefusals(refused)})`);
  }
  const danger = refused.find((r) => r.hazard === 'lava') ?? refused.find((r) => r.hazard === 'water') ?? refused[0];
  return new SkillError('DANGER', `${where}: no safe way (${describeRefusals(refused)})`, danger ? { block: danger.block } : undefined);
}
