import type { Vec3 } from 'vec3';
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { getGameRule } from '../commands/time.ts';

type HungryPlayer = SquidPlayer & {
  food: number; foodSaturation: number; health: number;
  updateFood(n: number): void; updateHealth(n: number): void; updateFoodSaturation(n: number): void;
};

/** Blocks per second above which a move counts as sprinting (walking is 4.3, sprinting 5.6). */
const SPRINT_SPEED = 4.8;
/** Vanilla caps the exhaustion a player can bank (FoodData.addExhaustion). */
const MAX_EXHAUSTION = 40;

interface FoodState { last: Vec3; exhaustion: number; tickTimer: number }
const states = new WeakMap<SquidPlayer, FoodState>();

function stateOf(player: SquidPlayer): FoodState {
  let s = states.get(player);
  if (!s) { s = { last: player.position.clone(), exhaustion: 0, tickTimer: 0 }; states.set(player, s); }
  return s;
}

/**
 * Adds food exhaustion as vanilla's Player.causeFoodExhaustion: creative and spectator players
 * (invulnerable) never tire. Used for movement here and by effects such as hunger.
 */
export function exhaust(player: SquidPlayer, amount: number): void {
  if (player.gameMode === 1 || player.gameMode === 3) return;
  const s = stateOf(player);
  s.exhaustion = Math.min(MAX_EXHAUSTION, s.exhaustion + amount);
}

/** Forgets the banked exhaustion (a respawned player starts afresh). */
export function resetHunger(player: SquidPlayer): void {
  states.delete(player);
}

/** Vanilla's FoodData.tick, once per tick per player. */
function foodTick(serv: SquidServer, p: HungryPlayer, s: FoodState): void {
  const difficulty = (serv as SquidServer & { difficulty?: number }).difficulty ?? 2;
  const before = { food: p.food, saturated: p.foodSaturation > 0 };
  if (s.exhaustion > 4) {
    s.exhaustion -= 4;
    if (p.foodSaturation > 0) p.foodSaturation = Math.max(0, p.foodSaturation - 1);
    else if (difficulty !== 0) p.food = Math.max(0, p.food - 1);
  }
  const regen = getGameRule(serv, 'naturalRegeneration') !== false;
  const hurt = p.health > 0 && p.health < 20;
  if (regen && p.foodSaturation > 0 && hurt && p.food >= 20) {
    if (++s.tickTimer >= 10) {
      const spent = Math.min(p.foodSaturation, 6);
      p.updateHealth(Math.min(20, p.health + spent / 6));
      exhaust(p, spent);
      s.tickTimer = 0;
    }
  } else if (regen && p.food >= 18 && hurt) {
    if (++s.tickTimer >= 80) {
      p.updateHealth(Math.min(20, p.health + 1));
      exhaust(p, 6);
      s.tickTimer = 0;
    }
  } else if (p.food <= 0) {
    if (++s.tickTimer >= 80) {
      const invulnerable = p.gameMode === 1 || p.gameMode === 3;
      const starves = p.health > 10 || difficulty === 3 || (p.health > 1 && difficulty === 2);
      if (starves && !invulnerable && p.health > 0) p.updateHealth(p.health - 1);
      s.tickTimer = 0;
    }
  } else {
    s.tickTimer = 0;
  }
  // Vanilla resends the health packet when the food level changes or saturation reaches (or leaves) zero.
  if (p.food !== before.food || (p.foodSaturation > 0) !== before.saturated) p.updateFood(p.food);
}

/**
 * Vanilla hunger (FoodData): exhaustion from walking and sprinting (and effects, via `exhaust`); every
 * 4.0 of it costs a saturation point, then a food point; a full, saturated player heals fast, food ≥ 18
 * heals one point every 80 ticks, an empty bar starves as the difficulty allows.
 */
export const hungerPlugin: SandboxPlugin = {
  name: 'skillcraft-hunger',
  server(serv) {
    serv.on('tick', (_dt: number, tick: number) => {
      for (const player of serv.players) {
        const p = player as HungryPlayer;
        if (p.health <= 0 || player.disconnected) continue;
        const s = stateOf(player);
        if (tick % 20 === 0) {
          const dx = p.position.x - s.last.x;
          const dz = p.position.z - s.last.z;
          const dist = Math.sqrt(dx * dx + dz * dz);
          exhaust(p, dist * (dist > SPRINT_SPEED ? 0.1 : 0.01));
          s.last = p.position.clone();
        }
        foodTick(serv, p, s);
      }
    });
  },
};
