// Copper that weathers, as vanilla ages it: each copper block (not waxed) of a loaded chunk gets its share
// of the random ticks (`randomTickSpeed` blocks per 16³ section per game tick) and ages a stage by
// ageOnRandomTick (src/knowledge/copper.ts), its neighbours within Manhattan distance 4 holding it back or
// speeding it up; a door ages on its lower half's ticks, both halves together. Only the copper cells are
// followed (found when a chunk loads, kept by block updates), so nothing scans the sections on every tick.
import type { Block } from 'prismarine-block';
import { Vec3 } from 'vec3';
import { ageOnRandomTick, type CopperStage, copperStage, isCopperDoor, NEIGHBOUR_DISTANCE, nextCopper, SECTION_VOLUME } from '../../../knowledge/copper.ts';
import { blockClass, type BlockClass, type ColumnWorld, watchBlocks } from '../../squid/blockWatch.ts';
import type { SquidServer } from '../../squid/types.ts';

const key = (p: { x: number; y: number; z: number }) => `${p.x},${p.y},${p.z}`;

/** Every offset within Manhattan distance 4 but the cell itself. */
const NEIGHBOURHOOD: readonly Vec3[] = (() => {
  const out: Vec3[] = [];
  const d = NEIGHBOUR_DISTANCE;
  for (let x = -d; x <= d; x++) {
    for (let y = -d; y <= d; y++) {
      for (let z = -d; z <= d; z++) {
        const m = Math.abs(x) + Math.abs(y) + Math.abs(z);
        if (m > 0 && m <= d) out.push(new Vec3(x, y, z));
      }
    }
  }
  return out;
})();

/** Random ticks a block gets in `ticks` game ticks at `speed`: Poisson with mean speed × ticks / 4096. */
export function randomTicksFor(speed: number, ticks: number, random: () => number): number {
  const mean = (speed * ticks) / SECTION_VOLUME;
  if (mean <= 0) return 0;
  // Past this the count is as good as its mean, and Knuth's product would underflow.
  if (mean > 500) return Math.round(mean);
  const limit = Math.exp(-mean);
  let n = 0;
  for (let p = random(); p > limit; p *= random()) n++;
  return n;
}

export class WeatheringCopper {
  /** Followed copper cells, with their stage; a door's upper half is followed as a neighbour but never ticks. */
  private readonly cells = new Map<string, { pos: Vec3; stage: CopperStage; upper: boolean }>();
  private readonly BlockCls: BlockClass;
  /** State ids of weathering copper, with the stage each is at. */
  private readonly stateStages = new Map<number, CopperStage>();
  /** State ids of weathering doors' upper halves. */
  private readonly upperHalves = new Set<number>();
  private world: ColumnWorld | undefined;

  constructor(private readonly serv: SquidServer, private readonly random: () => number) {
    this.BlockCls = blockClass(serv);
    for (const b of Object.values(serv.registry.blocksByName)) {
      const stage = copperStage(b.name);
      if (stage === undefined) continue;
      for (let s = b.minStateId; s <= b.maxStateId; s++) {
        this.stateStages.set(s, stage);
        if (isCopperDoor(b.name) && this.BlockCls.fromStateId(s, 0).getProperties().half === 'upper') this.upperHalves.add(s);
      }
    }
  }

  /** Starts following the overworld's copper once it exists (a save's world is made after a read). */
  attach(): boolean {
    if (this.world) return true;
    this.world = watchBlocks(this.serv, {
      wanted: (state) => this.stateStages.has(state), found: (pos, state) => this.track(pos, this.stateStages.get(state)!, this.upperHalves.has(state)),
      forget: (cx, cz) => this.forget(cx, cz), blockUpdate: (old, now) => this.onBlockUpdate(old, now),
    });
    if (!this.world) return false;
    return true;
  }

  get size(): number {
    return this.cells.size;
  }

  stageAt(pos: { x: number; y: number; z: number }): CopperStage | undefined {
    return this.cells.get(key(pos))?.stage;
  }

  private track(pos: Vec3, stage: CopperStage, upper: boolean): void {
    this.cells.set(key(pos), { pos: pos.clone(), stage, upper });
  }

  private forget(cx: number, cz: number): void {
    for (const [k, c] of this.cells) if (c.pos.x >> 4 === cx && c.pos.z >> 4 === cz) this.cells.delete(k);
  }

  private onBlockUpdate(old: Block | null, now: Block | null): void {
    const pos = now?.position ?? old?.position;
    if (!pos) return;
    const stage = now ? this.stateStages.get(now.stateId) : undefined;
    if (stage === undefined) this.cells.delete(key(pos));
    else this.track(pos, stage, this.upperHalves.has(now!.stateId));
  }

  /** Every followed cell's stage, by `x,y,z` (a copy). */
  stages(): Map<string, CopperStage> {
    return new Map([...this.cells].map(([k, c]) => [k, c.stage]));
  }

  private static neighbourStages(pos: Vec3, stages: ReadonlyMap<string, CopperStage>): CopperStage[] {
    const out: CopperStage[] = [];
    for (const d of NEIGHBOURHOOD) {
      const stage = stages.get(key({ x: pos.x + d.x, y: pos.y + d.y, z: pos.z + d.z }));
      if (stage) out.push(stage);
    }
    return out;
  }

  /** `ticks` game ticks of random ticks at `speed` for every copper cell followed; the ones that age change in the world. */
  async tick(ticks: number, speed: number): Promise<void> {
    const world = this.world;
    if (!world || speed <= 0) return;
    // The neighbours as they were when the pass began: a block aged in this pass counts from the next
    // one, so a pass of several ticks never moves a group two stages at once.
    const before = this.stages();
    for (const cell of [...this.cells.values()]) {
      if (cell.upper) continue;
      const n = randomTicksFor(speed, ticks, this.random);
      const stage = before.get(key(cell.pos));
      if (stage === undefined || n === 0) continue;
      const neighbours = WeatheringCopper.neighbourStages(cell.pos, before);
      let aged = false;
      for (let i = 0; i < n && !aged; i++) aged = ageOnRandomTick(stage, neighbours, this.random);
      if (aged) await this.age(world, cell.pos);
    }
  }

  private async age(world: ColumnWorld, pos: Vec3): Promise<void> {
    const block = this.BlockCls.fromStateId(world.sync.getBlockStateId(pos), 0);
    const next = nextCopper(block.name);
    if (!next || !this.serv.registry.blocksByName[next]) return;
    const props = block.getProperties();
    const stage = copperStage(next)!;
    if (isCopperDoor(block.name) && props.half === 'lower') {
      // Vanilla's upper half takes the lower's new state (DoorBlock.updateShape). It changes first, so a
      // lower half seen aged never stands under an old upper half, which breaking it would leave behind.
      const above = pos.offset(0, 1, 0);
      const top = this.BlockCls.fromStateId(world.sync.getBlockStateId(above), 0);
      if (top.name === block.name && top.getProperties().half === 'upper') {
        await this.serv.setBlock(world, above, this.BlockCls.fromProperties(next, { ...props, half: 'upper' }, 0).stateId);
        this.track(above, stage, true);
      }
    }
    await this.serv.setBlock(world, pos, this.BlockCls.fromProperties(next, props, 0).stateId);
    this.track(pos, stage, false);
  }
}
