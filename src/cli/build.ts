import { Command } from 'commander';
import { Vec3 } from 'vec3';
import { runBuild } from '../agent/build.ts';
import { buildHeadline, buildSite, builtLine, materialsLine, readBuildable } from '../agent/buildJob.ts';
import { RunEvents } from '../agent/events.ts';
import { terminalSink } from '../agent/format.ts';
import { itemForCell, refuseUnobtainable, SkillError } from '../actions/index.ts';
import { billOfMaterials } from '../build/bom.ts';
import type { Rotation } from '../build/rotate.ts';
import type { Structure } from '../build/types.ts';
import { startRunWatch, type RunWatch } from '../control/watchRun.ts';
import { createKnowledge } from '../knowledge/kb.ts';
import { overworldFor } from '../knowledge/vanillaOverworld.ts';
import { createGraphPlanner } from '../planner/graph/index.ts';
import type { OpenWorld } from '../world/open.ts';
import { BUILD_SKILLS, createSkillRegistry } from '../../skills/index.ts';
import { viewPortOf } from './agent/options.ts';
import { optionsOf, type RunJob } from './command.ts';
import type { CommandContext } from './context.ts';
import { CliInputError } from './errors.ts';
import { versionFlag, withWorldOptions } from './options.ts';
import { knowledgeVersion, openCliWorld, usesSandbox } from './world.ts';

export interface BuildCliOptions {
  schematic?: string; at?: string; rotate?: string;
  host?: string; port?: string; username?: string; seed?: string; preset?: string; smeltSpeed?: string; peaceful?: boolean; world?: string; spawn?: string; save?: boolean; mcVersion?: string;
  view?: boolean; viewPort?: string; runsDir?: string; json?: boolean;
}

export function buildCommand(run: RunJob): Command {
  return withWorldOptions(new Command('build'))
    .description('build a structure from a schematic in survival, from an empty inventory: gather, place every block, check every block')
    .requiredOption('--schematic <file>', 'Sponge .schem, MCEdit .schematic or vanilla structure .nbt')
    .option('--at <x,y,z>', "where the structure's lowest north-west corner goes (default: the nearest open, level site the footprint fits on)")
    .option('--rotate <deg>', 'turn it clockwise seen from above: 0 | 90 | 180 | 270 (default 0)')
    .option('--no-view', 'do not serve the dashboard')
    .option('--view-port <n>', 'dashboard port (default: a free one)')
    .option('--runs-dir <dir>', 'where traces go (default runs)')
    .option('--json', 'print the summary as JSON')
    .action(async (_opts: unknown, cmd: Command) => {
      const o = optionsOf<BuildCliOptions>(cmd);
      await run(cmd, { host: o.host, port: o.port, username: o.username, seed: o.seed, preset: o.preset, smeltSpeed: o.smeltSpeed, peaceful: o.peaceful, world: o.world, spawn: o.spawn, save: o.save, ...versionFlag(o) }, (ctx) => build(ctx, o));
    });
}

export function rotationOf(text: string | undefined): Rotation {
  if (text === undefined) return 0;
  const n = Number(text);
  if (n !== 0 && n !== 90 && n !== 180 && n !== 270) throw new CliInputError(`--rotate must be 0, 90, 180 or 270 (got "${text}")`);
  return n;
}

export function positionOf(text: string | undefined): Vec3 | undefined {
  if (text === undefined) return undefined;
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length !== 3 || parts.some((p) => !/^-?\d+$/.test(p))) throw new CliInputError(`--at must be three whole numbers x,y,z (got "${text}")`);
  const [x, y, z] = parts.map(Number) as [number, number, number];
  return new Vec3(x, y, z);
}

/** Reads the file and refuses what survival cannot build, before anything connects: one line, exit 2. */
async function structureOf(file: string, rotate: Rotation, version: string): Promise<Structure> {
  try {
    return await readBuildable(file, rotate, createKnowledge(version));
  } catch (err) {
    if (err instanceof SkillError && err.code === 'BAD_ARGS') throw new CliInputError(err.message);
    throw err;
  }
}

/** A task that names a structure file ("build ./hut.schem"): `run --task` builds it as `build` does. */
export const BUILD_TASK = /^build\s+(\S+\.(?:schem|schematic|nbt|litematic))$/i;

export async function build(ctx: CommandContext, o: BuildCliOptions): Promise<number> {
  const file = o.schematic!;
  const rotate = rotationOf(o.rotate);
  const at = positionOf(o.at);
  const viewPort = viewPortOf(o.viewPort);
  const useSandbox = usesSandbox(ctx, o);
  const version = knowledgeVersion(ctx, useSandbox);
  const structure = await structureOf(file, rotate, version);
  let world: OpenWorld | undefined;
  let watch: RunWatch | undefined;
  try {
    world = await openCliWorld(ctx, useSandbox, { quiet: o.json === true });
    const kb = createKnowledge(world.bot.version);
    refuseUnobtainable(structure, kb);
    const origin = buildSite(world.bot, structure, at);
    const w = await startRunWatch(ctx, world.bot, { view: o.view !== false, ...(viewPort === undefined ? {} : { viewPort }), owners: [], quietChat: true });
    watch = w;
    if (w.dashboardUrl && !o.json) ctx.io.out(`dashboard: ${w.dashboardUrl}`);
    const events = new RunEvents(ctx.logger);
    events.on(w.sink);
    if (!o.json) events.on(terminalSink((line) => ctx.io.out(line)));
    if (!o.json) {
      ctx.io.out(`build: ${buildHeadline(structure, origin, rotate)}`);
      ctx.io.out(`materials: ${materialsLine(billOfMaterials(structure, kb))}`);
    }
    const skills = createSkillRegistry(BUILD_SKILLS);
    const world_ = world;
    // What the dashboard's "now" shows between the gathering's steps and while the blocks go in.
    events.emit({ event: 'activity', text: `building ${structure.name}` });
    const summary = await runBuild(world_, { file, rotate, structure, origin }, {
      skills, knowledge: kb, planner: () => createGraphPlanner({ skills, knowledge: kb, world: overworldFor(kb, world_.terrain) }),
      log: w.logger.child({ component: 'agent' }), signal: w.signal, itemFor: itemForCell(kb), events, traceRoot: o.runsDir ?? 'runs',
    });
    events.emit({ event: 'activity', text: null });
    ctx.io.out(o.json ? JSON.stringify(summary) : builtLine(structure.name, summary, { trace: true }));
    return summary.success ? 0 : 1;
  } finally {
    await watch?.close();
    await world?.close();
  }
}
