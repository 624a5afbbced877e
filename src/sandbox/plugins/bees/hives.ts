// The bees' side of the overworld's nests, without bee entities: every bee nest and beehive in a loaded
// chunk fills by one honey_level per 1200 to 2400 ticks of daylight without rain (TICKS_PER_LEVEL), as 2 or
// 3 bees fill one in 5 to 10 minutes; night and rain keep the bees in. Each nest's pace and its start
// come from a hash of the world seed and its position, so a world fills alike on every run. A beehive a
// player places holds no bees (vanilla's crafted hive) and stays as it is; a nest placed (Silk Touch
// keeps its bees) fills like a generated one.
import type { Block } from 'prismarine-block';
import { Vec3 } from 'vec3';
import { FULL_HONEY_LEVEL, NEST_BLOCKS, TICKS_PER_LEVEL } from '../../../knowledge/honey.ts';
import { hash4 } from '../../worldgen/random.ts';
import { blockClass, type BlockClass, type ColumnWorld, watchBlocks } from '../../squid/blockWatch.ts';
import type { SquidServer } from '../../squid/types.ts';

/** How often the nests are looked at: once a second, their work counted in ticks. */
export const FILL_EVERY_TICKS = 20;

interface Nest {
  pos: Vec3;
  /** Ticks of work per level, this nest's pace. */
  perLevel: number;
  /** Ticks of work towards the next level. */
  work: number;
}

/** A nest's pace (ticks per level) and the work it starts with, from the seed and its position. */
export function nestPace(seed: number, pos: { x: number; y: number; z: number }): { perLevel: number; start: number } {
  const span = TICKS_PER_LEVEL.max - TICKS_PER_LEVEL.min;
  const perLevel = TICKS_PER_LEVEL.min + (hash4(seed ^ pos.y, pos.x, pos.z, 0xbee) % span);
  return { perLevel, start: hash4(seed ^ pos.y, pos.x, pos.z, 0xbee + 1) % perLevel };
}

const key = (p: { x: number; y: number; z: number }) => `${p.x},${p.y},${p.z}`;

export class Hives {
  private readonly nests = new Map<string, Nest>();
  private readonly BlockCls: BlockClass;
  private readonly nestStates = new Set<number>();
  private readonly hiveStates = new Set<number>();
  private world: ColumnWorld | undefined;

  constructor(private readonly serv: SquidServer, private readonly seed: number) {
    this.BlockCls = blockClass(serv);
    for (const name of NEST_BLOCKS) {
      const b = serv.registry.blocksByName[name];
      if (!b) continue;
      for (let s = b.minStateId; s <= b.maxStateId; s++) (name === 'beehive' ? this.hiveStates : this.nestStates).add(s);
    }
  }

  /** Starts following the overworld's nests once it exists (a save's world is made after a read). */
  attach(): boolean {
    if (this.world) return true;
    this.world = watchBlocks(this.serv, {
      wanted: (state) => this.isNest(state), found: (pos) => this.track(pos), forget: (cx, cz) => this.forget(cx, cz),
      blockUpdate: (old, now) => this.onBlockUpdate(old, now),
    });
    if (!this.world) return false;
    return true;
  }

  get size(): number {
    return this.nests.size;
  }

  has(pos: { x: number; y: number; z: number }): boolean {
    return this.nests.has(key(pos));
  }

  private isNest(state: number): boolean {
    return this.nestStates.has(state) || this.hiveStates.has(state);
  }

  /** Every nest and hive of a column just loaded (generated, or read from a save) has bees. */
  private track(pos: Vec3): void {
    const k = key(pos);
    if (this.nests.has(k)) return;
    const pace = nestPace(this.seed, pos);
    this.nests.set(k, { pos: pos.clone(), perLevel: pace.perLevel, work: pace.start });
  }

  private forget(cx: number, cz: number): void {
    for (const [k, n] of this.nests) if (n.pos.x >> 4 === cx && n.pos.z >> 4 === cz) this.nests.delete(k);
  }

  private onBlockUpdate(old: Block | null, now: Block | null): void {
    const pos = now?.position ?? old?.position;
    if (!pos || !now) return;
    if (!this.isNest(now.stateId)) {
      this.nests.delete(key(pos));
      return;
    }
    // A beehive put down is a crafted one, empty of bees; a nest keeps its bees wherever it goes.
    if (this.nestStates.has(now.stateId) || this.has(pos)) this.track(pos);
  }

  /** The bees' work since the last call: `ticks` more for each nest that is not full, a level when one is done. */
  async work(ticks: number): Promise<void> {
    const world = this.world;
    if (!world) return;
    for (const [k, n] of [...this.nests]) {
      const state = world.sync.getBlockStateId(n.pos);
      if (!this.isNest(state)) {
        this.nests.delete(k);
        continue;
      }
      const block = this.BlockCls.fromStateId(state, 0);
      const props = block.getProperties();
      const level = Number(props.honey_level ?? 0);
      if (level >= FULL_HONEY_LEVEL) continue;
      n.work += ticks;
      if (n.work < n.perLevel) continue;
      n.work -= n.perLevel;
      await this.serv.setBlock(world, n.pos, this.BlockCls.fromProperties(block.name, { ...props, honey_level: level + 1 }, 0).stateId);
    }
  }
}
