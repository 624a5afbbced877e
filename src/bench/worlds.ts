// Benchmarks draw their worlds: a fixed list of seeds on one preset is a benchmark that can be tuned
// to (every failure of the loop that fooled the old figures was on a world no benchmark used). A run
// picks N random (preset, seed) pairs over every preset the task can happen in, prints them as a
// --seed-list that repeats the run exactly, and reports success with a 95 % (Wilson) interval.
import { randomInt } from 'node:crypto';
import { PRESETS, type Preset, type SandboxOptionsInput, type SupportedVersion } from '../config/sandbox.ts';
import { drawSpawns, formatSpawnList, parseSpawnList } from './saveSpawns.ts';
import { BenchInputError, intArg } from './plan4mc/args.ts';

export interface World {
  preset: Preset;
  seed: number;
  /** A spawn point on a world save (`--world`): the sandbox serves the save, `preset` makes what lies beyond it. */
  save?: SaveSpot;
  /** The sandbox's Minecraft version, when a benchmark sets it (`bench versions`); else the default. */
  version?: SupportedVersion;
}

export interface SaveSpot { path: string; x: number; z: number }

/** What a result row says its world was: a preset of ours, or a world save. */
export type WorldKind = Preset | 'save';

export function worldKind(w: World): WorldKind {
  return w.save ? 'save' : w.preset;
}

/** The sandbox options that make this world. */
export function sandboxFor(w: World): SandboxOptionsInput {
  return {
    seed: w.seed, preset: w.preset, ...(w.version ? { version: w.version } : {}),
    ...(w.save ? { world: { path: w.save.path, spawn: { x: w.save.x, z: w.save.z } } } : {}),
  };
}

/** Seeds are drawn from 1 to this (the generator takes any 31-bit integer). */
const MAX_SEED = 2 ** 31 - 1;

/** Every preset of our generator has trees, stone, ores by depth, grass and water: any task can happen in any. */
export const ALL_PRESETS: readonly Preset[] = PRESETS;

/**
 * `n` random worlds: presets in turns over a shuffled order (so 60 worlds over 4 presets are 15
 * each), seeds uniform and all different.
 */
export function drawWorlds(n: number, presets: readonly Preset[] = ALL_PRESETS, rand: (max: number) => number = (max) => randomInt(max)): World[] {
  if (presets.length === 0) throw new BenchInputError('no preset to draw worlds from');
  const seeds = new Set<number>();
  const out: World[] = [];
  let order: Preset[] = [];
  for (let i = 0; i < n; i++) {
    if (order.length === 0) order = shuffle([...presets], rand);
    let seed: number;
    do seed = 1 + rand(MAX_SEED); while (seeds.has(seed));
    seeds.add(seed);
    out.push({ preset: order.pop()!, seed });
  }
  return out;
}

function shuffle<T>(xs: T[], rand: (max: number) => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = rand(i + 1);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** "plains:123,forest:456" → worlds; a bare seed takes `defaultPreset`. */
export function parseWorldList(text: string, defaultPreset: Preset = 'forest'): World[] {
  const out: World[] = [];
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(?:([a-z_]+):)?(\d+)$/.exec(part);
    const preset = (m?.[1] ?? defaultPreset) as Preset;
    const seed = Number(m?.[2]);
    if (!m || !PRESETS.includes(preset) || !Number.isSafeInteger(seed) || seed < 0) {
      throw new BenchInputError(`--seed-list: "${part}" is not preset:seed (presets: ${PRESETS.join(', ')})`);
    }
    out.push({ preset, seed });
  }
  if (out.length === 0) throw new BenchInputError('--seed-list is empty');
  return out;
}

export function formatWorldList(worlds: readonly World[]): string {
  return worlds.map((w) => `${w.preset}:${w.seed}`).join(',');
}

export function worldName(w: World): string {
  return w.save ? `save@${w.save.x}:${w.save.z}` : `${w.preset}:${w.seed}`;
}

/** The arguments that run these worlds again. */
export function repeatArgs(worlds: readonly World[]): string {
  const save = worlds[0]?.save;
  if (save && worlds.every((w) => w.save?.path === save.path)) return `--world ${save.path} --spawn-list ${formatSpawnList(worlds.map((w) => w.save!))}`;
  return `--seed-list ${formatWorldList(worlds)}`;
}

/**
 * With `--world PATH`: N spawn points drawn over the save's generated area (`--spawns N`, default
 * `def`), or the listed ones (`--spawn-list x:z,…`); undefined without `--world`. Each world's seed
 * (the setup's randomness, the generator beyond the save) follows from its spawn, so a list repeats.
 */
export async function saveWorldsFromArgs(values: Map<string, string>, def: number, max: number): Promise<World[] | undefined> {
  const path = values.get('--world');
  if (path === undefined) {
    if (values.has('--spawns') || values.has('--spawn-list')) throw new BenchInputError('--spawns and --spawn-list need --world PATH');
    return undefined;
  }
  if (values.has('--seeds') || values.has('--seed-list')) throw new BenchInputError('--world runs on the save: give --spawns N or --spawn-list, not --seeds or --seed-list');
  const list = values.get('--spawn-list');
  const spawns = list !== undefined ? parseSpawnList(list) : await drawSpawns(path, intArg(values, '--spawns', def, 1, max));
  return spawns.map((s) => ({ preset: 'forest', seed: ((s.x * 73_856_093) ^ (s.z * 19_349_663)) >>> 1, save: { path, x: s.x, z: s.z } }));
}

/**
 * The worlds a benchmark runs on: `--seed-list` as given, else `--seeds N` (default `def`) drawn at
 * random over `presets`. `drawn` says which, for the printed line that repeats the run.
 */
export function worldsFromArgs(values: Map<string, string>, def: number, max: number, presets: readonly Preset[] = ALL_PRESETS): { worlds: World[]; drawn: boolean } {
  const list = values.get('--seed-list');
  if (list !== undefined) {
    if (values.has('--seeds')) throw new BenchInputError('give --seeds N (random worlds) or --seed-list (these worlds), not both');
    return { worlds: parseWorldList(list), drawn: false };
  }
  return { worlds: drawWorlds(intArg(values, '--seeds', def, 1, max), presets), drawn: true };
}

/** The line a benchmark prints so that the same worlds can be run again. */
export function repeatLine(bench: string, worlds: readonly World[]): string {
  return `worlds (${worlds.length}): repeat with: npm run bench -- ${bench} ${repeatArgs(worlds)}`;
}

export interface Interval {
  rate: number;
  low: number;
  high: number;
}

/** The Wilson score interval for `k` successes in `n` runs (95 % by default). */
export function wilson(k: number, n: number, z = 1.959964): Interval {
  if (n === 0) return { rate: NaN, low: 0, high: 1 };
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** "0.98 (95 % CI 0.91–1.00), 59/60" */
export function formatRate(k: number, n: number): string {
  const w = wilson(k, n);
  return n === 0 ? 'no runs' : `${w.rate.toFixed(2)} (95 % CI ${w.low.toFixed(2)}–${w.high.toFixed(2)}), ${k}/${n}`;
}
