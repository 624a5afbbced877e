import pathfinderPkg from 'mineflayer-pathfinder';
import type { Bot } from 'mineflayer';
import type { Vec3 } from 'vec3';
import { z } from 'zod';
import { defineSkill, fmt, knownTarget, locate, markUnreachable, moveToUntil, NEARBY_RADIUS, SEARCH_RADIUS, type SkillContext, SkillError, type TargetKind } from '../src/actions/index.ts';

const { goals } = pathfinderPkg;

/** Blocks walked per leg before looking around again. */
const LEG = 24;
const TIMEOUT_MS = 90_000;
/** The search gives up (NO_TARGET) this long before the runner's timeout would cut it short. */
const SEARCH_BUDGET_MS = TIMEOUT_MS - 8_000;
/** Stop approaching a target seen far away once it is this close: well inside the nearby radius. */
const APPROACH_RANGE = NEARBY_RADIUS - 8;

const params = z.object({
  target: z.string().min(1).describe('block or entity name, e.g. sand, water, oak_log, cow'),
  kind: z.enum(['block', 'entity']).default('block'),
  maxDistance: z.number().int().min(8).max(1000).default(160).describe('blocks to walk at most'),
});
type Args = z.infer<typeof params>;

export interface ExploreResult {
  target: string;
  kind: TargetKind;
  /** Block position (or entity position) of the nearest one found. */
  at: { x: number; y: number; z: number };
  /** Distance from the bot's feet when the search ended. */
  distance: number;
  /** Blocks walked during the search. */
  walked: number;
}

export const explore = defineSkill({
  name: 'explore',
  summary: `Walk outward until a block or entity of the type is within ${NEARBY_RADIUS} blocks.`,
  details: `Walks in straight ${LEG}-block legs, turning at cliffs and lakes. Returns at once when it already is.`
    + ' A target already seen farther away is approached directly.',
  params,
  example: { target: 'sand', kind: 'block' as const, maxDistance: 160 },
  preconditions: () => ({}),
  effects: (args) => ({ facts: [`${args.target}_nearby`] }),
  producers(target, _count, kb): Args[] {
    const m = /^(.+)_nearby$/.exec(target);
    if (!m) return [];
    const name = m[1]!;
    if (kb.isBlock(name)) return [{ target: name, kind: 'block', maxDistance: 160 }];
    if (kb.registry.entitiesByName[name]) return [{ target: name, kind: 'entity', maxDistance: 160 }];
    return [];
  },
  timeoutMs: TIMEOUT_MS,
  run: (ctx, args) => search(ctx, args),
});

async function search(ctx: SkillContext, args: Args): Promise<ExploreResult> {
  const { bot, log } = ctx;
  const { target, kind, maxDistance } = args;
  if (!knownTarget(bot, target, kind)) throw new SkillError('BAD_ARGS', `"${target}" is not a ${kind} name in Minecraft ${bot.version}`);
  const odometer = new Odometer(bot);
  const nearby = () => locate(bot, target, kind, NEARBY_RADIUS);
  const result = (at: Vec3): ExploreResult => ({
    target, kind, at: { x: at.x, y: at.y, z: at.z }, distance: round1(at.distanceTo(bot.entity.position)), walked: round1(odometer.read()),
  });
  const first = nearby();
  if (first) return result(first);

  const deadline = Date.now() + SEARCH_BUDGET_MS;
  const left = () => maxDistance - odometer.read();
  const seen = () => (kind === 'block' ? locate(bot, target, kind, Math.min(SEARCH_RADIUS, left() + NEARBY_RADIUS)) : null);
  const until = () => nearby() !== null || Date.now() > deadline || left() <= 0;
  // Straight legs outward, not circles round the start: sparse things (trees on bare hills) are found
  // by loading new ground. Each call heads another way; a leg into a cliff or a lake turns right.
  let heading = nextHeading(bot);
  let legs = 0;
  let blocked = 0;
  while (!until() && blocked < HEADINGS.length) {
    // Known from the loaded columns but outside the nearby radius (and not written off): head for it.
    const far = seen();
    const p = bot.entity.position;
    const [dx, dz] = HEADINGS[heading]!;
    const goal = far ? new goals.GoalNear(far.x, far.y, far.z, APPROACH_RANGE) : new goals.GoalNearXZ(Math.floor(p.x) + dx * LEG, Math.floor(p.z) + dz * LEG, 2);
    const what = far ? `${target} seen at ${fmt(far)}` : `${LEG} blocks ${HEADING_NAMES[heading]}`;
    legs++;
    try {
      await moveToUntil(ctx, goal, { what, stuckMs: 6000, searchRadius: LEG * 3 }, () => { odometer.update(); return until(); }, 300);
      blocked = 0;
    } catch (err) {
      if (!(err instanceof SkillError) || (err.code !== 'NO_PATH' && err.code !== 'STUCK')) throw err;
      log.debug({ code: err.code, err: err.message }, 'explore leg failed; turning');
      if (far) markUnreachable(bot, far, [bot.blockAt(far)?.name ?? target]);
      else { heading = (heading + 1) % HEADINGS.length; blocked++; }
    }
    odometer.update();
  }
  const found = nearby();
  if (found) return result(found);
  const why = Date.now() > deadline ? `after ${Math.round(SEARCH_BUDGET_MS / 1000)} s` : `after walking ${Math.round(odometer.read())} blocks (${legs} leg${legs === 1 ? '' : 's'})`;
  throw new SkillError('NO_TARGET', `no ${target} within ${NEARBY_RADIUS} blocks ${why}`, kind === 'block' ? { block: target } : undefined);
}

const HEADINGS: readonly (readonly [number, number])[] = [[1, 0], [0, 1], [-1, 0], [0, -1]];
const HEADING_NAMES = ['east', 'south', 'west', 'north'] as const;
const headings = new WeakMap<Bot, number>();

/** The heading of this bot's next search: each call turns a quarter, so repeated searches cover new ground. */
function nextHeading(bot: Bot): number {
  const h = ((headings.get(bot) ?? -1) + 1) % HEADINGS.length;
  headings.set(bot, h);
  return h;
}

/** Blocks walked, sampled from the bot's position. */
class Odometer {
  private total = 0;
  private last: Vec3;
  constructor(private readonly bot: Bot) {
    this.last = bot.entity.position.clone();
  }
  update(): void {
    const p = this.bot.entity.position;
    this.total += p.distanceTo(this.last);
    this.last = p.clone();
  }
  read(): number {
    return this.total;
  }
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
