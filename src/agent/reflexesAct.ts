// What a reflex does once it has taken over: short, bounded actions with the skills' own helpers.
import type { Bot } from 'mineflayer';
import pathfinderPkg from 'mineflayer-pathfinder';
import type { Entity } from 'prismarine-entity';
import { Vec3 } from 'vec3';
import { eat } from '../../skills/eat.ts';
import { MOBS } from '../knowledge/mobs.ts';
import { SkillError } from '../skills/errors.ts';
import { fluidOf, isSolid } from '../skills/mineWorld.ts';
import { hostilesNear } from '../skills/mobs.ts';
import { equipWeapon, fight } from '../skills/mobsCombat.ts';
import { moveTo, moveToUntil } from '../skills/move.ts';
import type { SkillContext } from '../skills/types.ts';
import { REFLEX_LIMITS, type ReflexPlan } from './reflexesDecide.ts';

const { goals } = pathfinderPkg;

/** Hostiles fought one after another, at most, in one reflex. */
const MAX_FOES = 3;
/** A fight goes after a foe that steps back this far, no farther. */
const CHASE_WITHIN = 6;
/** Fleeing ends this far from every hostile. */
export const FLEE_DISTANCE = 12;
/** How far to look for dry ground. */
const DRY_RADIUS = 8;

/** Each reflex's budget: the action is cut short (TIMEOUT) after it. */
export const REFLEX_TIMEOUT_MS: Readonly<Record<ReflexPlan['kind'], number>> = { fight: 40_000, flee: 20_000, eat: 10_000, leave_liquid: 15_000 };

/** What the reflex did, for the trace. */
export type ReflexResult = Record<string, unknown>;

export async function act(ctx: SkillContext, plan: ReflexPlan): Promise<ReflexResult> {
  switch (plan.kind) {
    case 'fight': return fightBack(ctx);
    case 'flee': return flee(ctx);
    case 'eat': return { ...(await eat.run(ctx, { item: plan.item })) };
    case 'leave_liquid': return leaveLiquid(ctx);
  }
}

/** Fights the hostiles in reach, nearest first, until none is left within reach or chase distance. */
async function fightBack(ctx: SkillContext): Promise<ReflexResult> {
  const killed: string[] = [];
  let hits = 0;
  for (let i = 0; i < MAX_FOES; i++) {
    const foe: Entity | undefined = hostilesNear(ctx.bot, REFLEX_LIMITS.attackRange + 1)[0];
    if (!foe) break;
    const name = foe.name ?? 'hostile';
    await equipWeapon(ctx, MOBS[name]?.health ?? 20);
    const res = await fight(ctx, foe, { what: name, timeoutMs: REFLEX_TIMEOUT_MS.fight - 5000, chaseWithin: CHASE_WITHIN });
    hits += res.hits;
    if (res.end === 'dead') killed.push(name);
    else break;
  }
  return { killed, hits };
}

/** Runs straight away from the hostiles nearby until they are FLEE_DISTANCE away. */
async function flee(ctx: SkillContext): Promise<ReflexResult> {
  const { bot } = ctx;
  const foes = hostilesNear(bot, FLEE_DISTANCE);
  if (foes.length === 0) return { fled: 0 };
  const me = bot.entity.position;
  const away = new Vec3(0, 0, 0);
  for (const f of foes) {
    const d = me.minus(f.position);
    const len = Math.hypot(d.x, d.z) || 1;
    away.add(new Vec3(d.x / len, 0, d.z / len));
  }
  const len = Math.hypot(away.x, away.z) || 1;
  const to = me.offset((away.x / len) * (FLEE_DISTANCE + 6), 0, (away.z / len) * (FLEE_DISTANCE + 6)).floored();
  const safe = () => hostilesNear(bot, FLEE_DISTANCE).length === 0;
  await moveToUntil(ctx, new goals.GoalXZ(to.x, to.z), { what: `a spot away from the ${foes[0]!.name ?? 'hostile'}`, stuckMs: 3000, canDig: false }, safe, 200);
  return { fled: Math.round(bot.entity.position.distanceTo(me) * 10) / 10 };
}

/** Walks to the nearest dry block the bot can stand on: solid below, feet and head free of liquid. */
async function leaveLiquid(ctx: SkillContext): Promise<ReflexResult> {
  const { bot } = ctx;
  const spot = dryStand(bot);
  if (!spot) throw new SkillError('NO_TARGET', `no dry ground within ${DRY_RADIUS} blocks`);
  // Swimming up keeps the head above the surface while the path is followed.
  bot.setControlState('jump', true);
  try {
    await moveTo(ctx, new goals.GoalBlock(spot.x, spot.y, spot.z), { what: `dry ground at ${spot.x},${spot.y},${spot.z}`, stuckMs: 4000 });
  } finally {
    bot.setControlState('jump', false);
  }
  return { to: [spot.x, spot.y, spot.z] };
}

/** The nearest cell within DRY_RADIUS with solid ground under it and no liquid in it or above it. */
export function dryStand(bot: Bot): Vec3 | null {
  const me = bot.entity.position.floored();
  const free = (p: Vec3) => {
    const b = bot.blockAt(p);
    return b !== null && b.boundingBox === 'empty' && fluidOf(b) === null;
  };
  let best: Vec3 | null = null;
  let bestD = Infinity;
  for (let dx = -DRY_RADIUS; dx <= DRY_RADIUS; dx++) {
    for (let dz = -DRY_RADIUS; dz <= DRY_RADIUS; dz++) {
      for (let dy = -3; dy <= 4; dy++) {
        const p = me.offset(dx, dy, dz);
        const d = Math.hypot(dx, dy * 1.5, dz);
        if (d >= bestD || !isSolid(bot.blockAt(p.offset(0, -1, 0))) || !free(p) || !free(p.offset(0, 1, 0))) continue;
        best = p;
        bestD = d;
      }
    }
  }
  return best;
}
