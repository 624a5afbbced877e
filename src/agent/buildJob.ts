// What comes before runBuild, shared by `skillcraft build` and owners' `!build`: the file read and turned,
// every block survival cannot give refused by name before anything is placed, and a site near the bot
// when none is given. And the one line either says when the build is over.
import type { Bot } from 'mineflayer';
import type { Vec3 } from 'vec3';
import { findBuildSite, loadStructure, refuseUnobtainable } from '../actions/index.ts';
import type { Rotation } from '../build/rotate.ts';
import type { BuildBill } from '../build/bom.ts';
import type { Structure } from '../build/types.ts';
import type { Knowledge } from '../knowledge/kb.ts';
import type { BuildRunSummary } from './build.ts';

/**
 * The structure in `file`, turned, once every block in it can be had in survival. Throws SkillError
 * BAD_ARGS with one line (the file unreadable, or `cannot build altar in survival: bedrock ×1 (…)`).
 */
export async function readBuildable(file: string, rotate: Rotation, kb: Knowledge): Promise<Structure> {
  const structure = await loadStructure(file, rotate);
  refuseUnobtainable(structure, kb);
  return structure;
}

/** Where the structure's lowest north-west corner goes: `at`, else the nearest open level site, else beside the bot. */
export function buildSite(bot: Bot, structure: Structure, at?: Vec3): Vec3 {
  // No level site within reach: beside the bot, where the skill clears what stands in the way.
  return at ?? findBuildSite(bot, structure) ?? bot.entity.position.floored().offset(3, 0, 3);
}

/** `hut (5×4×5, 98 blocks) at 10,64,-3, turned 90°` */
export function buildHeadline(structure: Structure, origin: Vec3, rotate: Rotation = 0): string {
  const { x, y, z } = structure.size;
  return `${structure.name} (${x}×${y}×${z}, ${structure.blocks.length} blocks) at ${origin.x},${origin.y},${origin.z}${rotate ? `, turned ${rotate}°` : ''}`;
}

/** `12 oak_planks, 1 oak_door; tools: wooden_hoe` */
export function materialsLine(bill: BuildBill): string {
  return `${Object.entries(bill.items).map(([item, n]) => `${n} ${item}`).join(', ')}${bill.tools.length ? `; tools: ${bill.tools.join(', ')}` : ''}`;
}

/**
 * `built: hut, 98 / 98 placed, wrong: 0 in 120.5 game s (…)` or `not built: hut, … — why`; the trace folder
 * only where a path is worth its room (the terminal, not chat's 256 characters).
 */
export function builtLine(name: string, s: BuildRunSummary, opts: { trace?: boolean } = {}): string {
  const extra = `${s.placed} placed${s.placedTwice ? `, ${s.placedTwice} twice` : ''}${s.interruptions ? `, ${s.interruptions} interruption(s)` : ''}`;
  const trace = opts.trace && s.traceDir ? `; trace ${s.traceDir}` : '';
  return `${s.success ? 'built' : 'not built'}: ${name}, ${s.progress} in ${s.gameSeconds} game s (${s.rounds} round(s), ${s.gatherSteps} gathering steps, ${extra})${s.detail ? ` — ${s.detail}` : ''}${trace}`;
}
