import type { Vec3 } from 'vec3';
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidPlayer } from '../../squid/types.ts';

type HungryPlayer = SquidPlayer & {
  food: number; foodSaturation: number; health: number;
  updateFood(n: number): void; updateHealth(n: number): void;
};

/** Blocks per second above which a move counts as sprinting (walking is 4.3, sprinting 5.6). */
const SPRINT_SPEED = 4.8;

/**
 * A compact form of vanilla hunger (FoodData): exhaustion from walking and sprinting; every 4.0 of
 * it costs a saturation point, then a food point; food ≥ 18 heals one point every 80 ticks at a cost of
 * 6 exhaustion; at food 0 the player starves down to one health point (normal difficulty).
 */
export const hungerPlugin: SandboxPlugin = {
  name: 'skillcraft-hunger',
  server(serv) {
    const state = new Map<SquidPlayer, { last: Vec3; exhaustion: number }>();
    serv.on('tick', (_dt: number, tick: number) => {
      for (const player of serv.players) {
        const p = player as HungryPlayer;
        if (p.gameMode !== 0 || p.health <= 0) continue;
        let s = state.get(player);
        if (!s) { s = { last: p.position.clone(), exhaustion: 0 }; state.set(player, s); }
        if (tick % 20 === 0) {
          const dx = p.position.x - s.last.x;
          const dz = p.position.z - s.last.z;
          const dist = Math.sqrt(dx * dx + dz * dz);
          s.exhaustion += dist * (dist > SPRINT_SPEED ? 0.1 : 0.01);
          s.last = p.position.clone();
        }
        if (tick % 80 === 0) {
          if (p.food >= 18 && p.health < 20) {
            p.updateHealth(Math.min(20, p.health + 1));
            s.exhaustion += 6;
          } else if (p.food === 0 && p.health > 1) {
            p.updateHealth(p.health - 1);
          }
        }
        while (s.exhaustion >= 4) {
          s.exhaustion -= 4;
          if (p.foodSaturation > 0) p.foodSaturation = Math.max(0, p.foodSaturation - 1);
          else p.updateFood(Math.max(0, p.food - 1));
        }
      }
      for (const player of state.keys()) if (!serv.players.includes(player)) state.delete(player);
    });
  },
};
