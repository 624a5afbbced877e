// What flows into the cell a bucket emptied, on the fluid's next tick (5 ticks for water, 30 for lava):
// vanilla FlowingFluid.getNewLiquid for that one cell. Water between two sources over solid ground or
// water becomes a source again (a lake stays full); otherwise the fluid beside flows in one level lower
// (lava two), or falls in from above. The sandbox has no fluid flow beyond that cell.
import { createRequire } from 'node:module';
import type { Block } from 'prismarine-block';
import { Vec3 } from 'vec3';
import type { SquidServer, SquidWorld } from '../../squid/types.ts';

const require = createRequire(import.meta.url);

interface BlockClass {
  fromStateId(stateId: number, biome: number): Block;
  fromProperties(name: string, props: Record<string, unknown>, biome: number): { stateId: number };
}

type Fluid = 'water' | 'lava';
const DELAY: Readonly<Record<Fluid, number>> = { water: 5, lava: 30 };
/** Levels lost per block of flow (lava in the overworld). */
const DROP_OFF: Readonly<Record<Fluid, number>> = { water: 1, lava: 2 };
const AIR = new Set(['air', 'cave_air', 'void_air']);
const SIDES = [new Vec3(1, 0, 0), new Vec3(-1, 0, 0), new Vec3(0, 0, 1), new Vec3(0, 0, -1)];

interface Pending {
  world: SquidWorld;
  pos: Vec3;
  fluid: Fluid;
  tick: number;
}

/** A fluid's amount in a block: 8 for a source or falling fluid, 8 - level for flowing, 0 for another block. */
function amount(block: Block, fluid: Fluid): number {
  if (block.name !== fluid) return 0;
  const level = Number(block.getProperties().level ?? 0);
  return level === 0 || level >= 8 ? 8 : 8 - level;
}

export class FluidTicks {
  private readonly pending: Pending[] = [];
  private readonly BlockCls: BlockClass;

  constructor(private readonly serv: SquidServer) {
    this.BlockCls = (require('prismarine-block') as (r: unknown) => BlockClass)(serv.registry);
  }

  schedule(world: SquidWorld, pos: Vec3, fluid: Fluid): void {
    this.pending.push({ world, pos: pos.clone(), fluid, tick: this.serv.tickCount + DELAY[fluid] });
  }

  /** Runs the fluid ticks that are due. */
  async tick(): Promise<void> {
    const due = this.pending.filter((p) => p.tick <= this.serv.tickCount);
    if (due.length === 0) return;
    this.pending.splice(0, this.pending.length, ...this.pending.filter((p) => p.tick > this.serv.tickCount));
    for (const p of due) {
      const level = this.newLevel(p);
      if (level !== null) await this.serv.setBlock(p.world, p.pos, this.BlockCls.fromProperties(p.fluid, { level }, 0).stateId);
    }
  }

  private blockAt(world: SquidWorld, pos: Vec3): Block {
    return this.BlockCls.fromStateId(world.sync.getBlockStateId(pos), 0);
  }

  /** The level of fluid the cell takes (0 source, 1–7 flowing, 8 falling), or null: it stays as it is. */
  private newLevel({ world, pos, fluid }: Pending): number | null {
    // Something was put there in the meantime.
    if (!AIR.has(this.blockAt(world, pos).name)) return null;
    let most = 0;
    let sources = 0;
    for (const side of SIDES) {
      const b = this.blockAt(world, pos.plus(side));
      if (b.name !== fluid) continue;
      if (Number(b.getProperties().level ?? 0) === 0) sources++;
      most = Math.max(most, amount(b, fluid));
    }
    if (fluid === 'water' && sources >= 2) {
      const below = this.blockAt(world, pos.offset(0, -1, 0));
      if (below.boundingBox === 'block' || (below.name === fluid && Number(below.getProperties().level ?? 0) === 0)) return 0;
    }
    if (this.blockAt(world, pos.offset(0, 1, 0)).name === fluid) return 8;
    const left = most - DROP_OFF[fluid];
    return left > 0 ? 8 - left : null;
  }
}
