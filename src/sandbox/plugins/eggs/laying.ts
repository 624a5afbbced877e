// Laying hens (vanilla Chicken.aiStep): each chicken keeps its own EggLayTime, counted down one a game
// tick; at 0 it drops an egg where it stands, with the cluck of entity.chicken.egg, and draws the next
// time. The sandbox has no baby chickens and no chicken jockeys, the two vanilla leaves out.
import { EGG_LAY_TICKS } from '../../../knowledge/chickens.ts';
import { createRng, type Rng } from '../../../knowledge/rng.ts';
import { dropStacks } from '../../mobs/loot.ts';
import type { MobEntity, MobWorld } from '../../mobs/types.ts';
import { mobWorldOf } from '../../mobs/world.ts';
import type { SquidServer } from '../../squid/types.ts';
import { internals } from '../items/types.ts';

/** Keeps the hens' stream apart from the mobs' and the loot's of the same seed. */
const EGG_SALT = 0x65676773; // "eggs"

export class Hens {
  /** Game ticks each chicken has left before its next egg (vanilla's EggLayTime). */
  private readonly left = new WeakMap<MobEntity, number>();
  private readonly rng: Rng;
  private laid = 0;

  constructor(private readonly serv: SquidServer, seed: number) {
    this.rng = createRng(seed, EGG_SALT);
  }

  private get mw(): MobWorld {
    return mobWorldOf(this.serv);
  }

  /** Eggs laid since the server started. */
  get eggsLaid(): number {
    return this.laid;
  }

  /** A new EggLayTime: vanilla's `random.nextInt(6000) + 6000`. */
  private draw(): number {
    return this.rng.int(EGG_LAY_TICKS.min, EGG_LAY_TICKS.max - 1);
  }

  /** The chicken's EggLayTime, drawn the first time it is asked for; undefined for any other mob. */
  timeOf(mob: MobEntity): number | undefined {
    if (mob.skillcraftMob.facts.name !== 'chicken') return undefined;
    let t = this.left.get(mob);
    if (t === undefined) this.left.set(mob, (t = this.draw()));
    return t;
  }

  /** Sets a chicken's EggLayTime (a summon's entity data). */
  setTime(mob: MobEntity, ticks: number): void {
    this.left.set(mob, ticks);
  }

  /**
   * One game tick of every live chicken. Nothing counts down while nobody is online, as nothing of the
   * mobs moves then (src/sandbox/mobs/tick.ts) and vanilla stops ticking an empty level's entities.
   */
  tick(): void {
    if (!this.serv.players.some((p) => !p.disconnected)) return;
    const mw = this.mw;
    for (const mob of mw.mobs) {
      const st = mob.skillcraftMob;
      if (st.facts.name !== 'chicken' || st.dead || st.gone) continue;
      const t = this.timeOf(mob)! - 1;
      if (t > 0) {
        this.left.set(mob, t);
        continue;
      }
      this.lay(mw, mob);
      this.left.set(mob, this.draw());
    }
  }

  private lay(mw: MobWorld, mob: MobEntity): void {
    const pitch = (this.rng.next() - this.rng.next()) * 0.2 + 1;
    internals(this.serv).playSound('entity.chicken.egg', mob.world, mob.position, { volume: 1, pitch, soundCategory: 'neutral' });
    // spawnAtLocation: an item entity at its feet, with the usual hop and pickup delay, as loot drops.
    dropStacks(mw, mob, [{ item: 'egg', count: 1 }]);
    this.laid++;
  }
}
