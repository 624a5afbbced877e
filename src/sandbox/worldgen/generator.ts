// One chunk from start to end: columns, underground, trees, plants, biomes, then the prismarine column.
import type { Preset } from '../../config/sandbox.ts';
import { biomeId, resolveBlockStates, type BlockStates, type WorldRegistry } from './blocks.ts';
import { beeNestState } from './beeNests.ts';
import { ChunkBuffer } from './chunk/buffer.ts';
import { createChunkWriter, type ChunkWriter, type GeneratedChunk } from './chunk/writer.ts';
import { carveChunk } from './carvers.ts';
import { fillColumns, placePlants, placeSnow } from './columns.ts';
import { PRESET_PARAMS, SEA_LEVEL, type PresetParams } from './presets.ts';
import { subSeed } from './random.ts';
import { createTerrain, Region, SURFACE, surfaceAt, type SurfaceKind, type Terrain } from './terrain.ts';
import { CANOPY_RADIUS, forEachTree, placeTrees, type GroundLookup, type Tree } from './trees.ts';
import { placeUnderground, surfaceLavaPool } from './underground.ts';

export class ChunkGenerator {
  readonly params: PresetParams;
  readonly terrain: Terrain;
  readonly states: BlockStates & { beeNest?: number | undefined };
  readonly treeSeed: number;
  private readonly columnSeed: number;
  private readonly undergroundSeed: number;
  private readonly plantSeed: number;
  private readonly region = new Region();
  private readonly buf = new ChunkBuffer();
  private readonly groundTop = new Int16Array(256);
  private readonly biomes = new Uint16Array(16);
  private readonly biomeIds: { land: number[]; river: number; beach: number };
  private readonly writer: ChunkWriter;
  private readonly regionGround: GroundLookup;
  /** The chunk the buffer holds, so that repeated look-ups (spawn search) do not regenerate it. */
  private filled: { x: number; z: number } | undefined;
  /** Ground lookup of any column, computed from scratch (slower; for searches outside a chunk). */
  readonly anyGround: GroundLookup;

  constructor(seed: number, preset: Preset, registry: WorldRegistry) {
    this.params = PRESET_PARAMS[preset];
    this.terrain = createTerrain(seed, this.params);
    this.states = { ...resolveBlockStates(registry), beeNest: beeNestState(registry) };
    this.treeSeed = subSeed(seed, 20);
    this.columnSeed = subSeed(seed, 21);
    this.undergroundSeed = subSeed(seed, 22);
    this.plantSeed = subSeed(seed, 23);
    this.biomeIds = { land: this.terrain.styles.map((s) => biomeId(registry, s.biome)), river: biomeId(registry, 'river'), beach: biomeId(registry, 'beach') };
    this.writer = createChunkWriter(registry);
    const r = this.region;
    // Trees whose trunk falls outside the region are outside the window asked for, so never placed.
    const outside = { g: 0, surface: SURFACE.stone, slope: 255, style: 0 };
    this.regionGround = (x, z) => {
      if (!r.contains(x, z)) return outside;
      const i = r.idx(x, z);
      return { g: r.height[i]!, surface: r.surface[i] as SurfaceKind, slope: r.slope[i]!, style: r.style[i]! };
    };
    this.anyGround = (x, z) => surfaceAt(this.terrain, x, z);
  }

  /** Fills the generator's block buffer with chunk (chunkX, chunkZ); it stays valid until the next call. */
  fill(chunkX: number, chunkZ: number): ChunkBuffer {
    const buf = this.buf;
    if (this.filled?.x === chunkX && this.filled.z === chunkZ) return buf;
    this.filled = undefined;
    const x0 = chunkX * 16;
    const z0 = chunkZ * 16;
    buf.reset();
    this.region.fill(this.terrain, chunkX, chunkZ);
    fillColumns(buf, this.region, this.terrain, this.states, this.columnSeed, this.groundTop);
    placeUnderground(buf, chunkX, chunkZ, this.undergroundSeed, this.states);
    if (this.params.caves) carveChunk(buf, this.region, chunkX, chunkZ, this.undergroundSeed, this.states, this.groundTop);
    if (this.params.surfaceLavaChance) surfaceLavaPool(buf, chunkX, chunkZ, this.undergroundSeed, this.states, this.groundTop, this.params.surfaceLavaChance);
    const trees: Tree[] = [];
    const R = CANOPY_RADIUS;
    forEachTree(this.treeSeed, this.params, this.terrain.styles, x0 - R, z0 - R, x0 + 15 + R, z0 + 15 + R, this.regionGround, (t) => trees.push(t));
    placeTrees(buf, trees, x0, z0, this.states, this.treeSeed);
    placePlants(buf, this.region, this.terrain, this.states, this.plantSeed);
    placeSnow(buf, this.region, this.terrain, this.states);
    for (let c = 0; c < 16; c++) {
      const x = x0 + ((c & 3) << 2) + 2;
      const z = z0 + ((c >> 2) << 2) + 2;
      const i = this.region.idx(x, z);
      this.biomes[c] = this.biomeOf(this.region.height[i]!, this.region.surface[i]!, this.region.river[i]!, this.region.style[i]!);
    }
    this.filled = { x: chunkX, z: chunkZ };
    return buf;
  }

  generate(chunkX: number, chunkZ: number): GeneratedChunk {
    const buf = this.fill(chunkX, chunkZ);
    return this.writer(buf, this.groundTop, this.biomes);
  }

  /** Biome id of a column: river in river beds, beach on shore sand, the land style's biome elsewhere. */
  biomeOf(g: number, surface: number, river: number, style: number): number {
    if (river > 0.5 && g < SEA_LEVEL) return this.biomeIds.river;
    if (surface === SURFACE.sand && g >= SEA_LEVEL && (g <= SEA_LEVEL + 1 || this.terrain.styles[style]!.ground !== 'sand')) return this.biomeIds.beach;
    return this.biomeIds.land[style]!;
  }

  /** Biome name of a column, by the same rule the chunks use (each 4x4 cell takes its centre's). */
  biomeNameAt(x: number, z: number): string {
    const cx = (x & ~3) + 2;
    const cz = (z & ~3) + 2;
    this.terrain.groundY(cx, cz);
    const river = this.terrain.lastRiver();
    const col = surfaceAt(this.terrain, cx, cz);
    const id = this.biomeOf(col.g, col.surface, river, col.style);
    if (id === this.biomeIds.river) return 'river';
    if (id === this.biomeIds.beach) return 'beach';
    return this.terrain.styles[col.style]!.biome;
  }
}
