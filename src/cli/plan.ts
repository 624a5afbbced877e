import { Command } from 'commander';
import { createKnowledge, type Knowledge } from '../knowledge/kb.ts';
import { createGraphPlanner } from '../planner/graph/index.ts';
import { overworldFor } from '../knowledge/vanillaOverworld.ts';
import { DEFAULT_VERSION, SUPPORTED_VERSIONS } from '../config/sandbox.ts';
import { blankObservation } from '../planner/graph/simulate.ts';
import type { Decision } from '../planner/types.ts';
import { describeGoal } from '../tasks/goal/goal.ts';
import { TaskError } from '../tasks/errors.ts';
import { resolveName } from '../tasks/names.ts';
import { MAX_COUNT, NEEDS_CHAT_MODEL, parseTask } from '../tasks/parse.ts';
import { createSkillRegistry } from '../../skills/index.ts';
import { optionsOf, type RunJob } from './command.ts';
import type { CommandContext } from './context.ts';
import { EXIT_FAILED, EXIT_OK } from './errors.ts';

interface PlanOptions { task: string; inventory?: string; json?: boolean; vanilla?: boolean; mcVersion?: string }

export function planCommand(run: RunJob): Command {
  return new Command('plan')
    .description('print the plan for a task, offline: no server, the world\'s resources to be found by exploring')
    .requiredOption('--task <goal>', 'what to do, e.g. "craft a wooden pickaxe", "get 5 iron ingots", "iron_ingot:3"')
    .option('--inventory <items>', 'what the bot starts with, e.g. "oak_log:10,stone_pickaxe"')
    .option('--json', 'print the plan as JSON')
    .option('--vanilla', "plan for vanilla's overworld (a server or a world save: every wood, biome blocks) instead of the sandbox's")
    .option('--mc-version <v>', `the Minecraft version whose items and recipes to plan with (${SUPPORTED_VERSIONS.join(' | ')}; default ${DEFAULT_VERSION})`)
    .action(async (_opts: unknown, cmd: Command) => {
      const o = optionsOf<PlanOptions>(cmd);
      await run(cmd, { 'sandbox.mcVersion': o.mcVersion }, (ctx) => Promise.resolve(plan(ctx, o)));
    });
}

/** Exit 0 with a plan (or nothing left to do), 1 when the goal cannot be planned; bad input throws (exit 2). */
function plan(ctx: CommandContext, o: PlanOptions): number {
  const kb = createKnowledge(ctx.config.sandbox.mcVersion);
  const parsed = parseTask(kb, o.task);
  if (parsed.needsChatModel) throw new TaskError(`"${o.task}": ${NEEDS_CHAT_MODEL}`);
  const inventory = parseInventory(kb, o.inventory ?? '');
  const planner = createGraphPlanner({ skills: createSkillRegistry(), knowledge: kb, world: overworldFor(kb, o.vanilla ? 'vanilla' : 'sandbox') });
  const verdict = planner.plan(parsed.goal, blankObservation(inventory));
  const goal = describeGoal(parsed.goal);
  if (verdict.kind === 'unplannable') {
    if (o.json) ctx.io.out(JSON.stringify({ task: o.task, goal: parsed.goal, ...verdict }));
    ctx.io.err(`cannot plan ${goal}: ${verdict.reason}`);
    return EXIT_FAILED;
  }
  const steps = verdict.kind === 'next' ? verdict.plan ?? [verdict.decision] : [];
  if (o.json) {
    ctx.io.out(JSON.stringify({ task: o.task, goal: parsed.goal, inventory, kind: verdict.kind === 'done' ? 'done' : 'plan', plan: steps }));
    return EXIT_OK;
  }
  ctx.io.out(`task: ${o.task} → ${goal}`);
  if (steps.length === 0) ctx.io.out('nothing to do: the inventory already holds it');
  else ctx.io.out(`plan (${steps.length} steps):`);
  steps.forEach((d, i) => ctx.io.out(`${String(i + 1).padStart(3)}. ${formatCall(d)}${d.reason ? `  — ${d.reason}` : ''}`));
  return EXIT_OK;
}

function formatCall(d: Decision): string {
  return `${d.skill}(${Object.entries(d.args).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' ')})`;
}

/** "oak_log:10,stone_pickaxe" → { oak_log: 10, stone_pickaxe: 1 }; names as the task parser reads them. */
export function parseInventory(kb: Knowledge, text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(.+?)(?::(\d+))?$/.exec(part);
    const name = m?.[1] ?? part;
    const n = m?.[2] === undefined ? 1 : Number(m[2]);
    if (!Number.isInteger(n) || n < 1 || n > MAX_COUNT) throw new TaskError(`inventory: count must be 1-${MAX_COUNT} (got "${part}")`);
    const r = resolveName(kb, name);
    const item = r.items.length === 1 ? r.items[0]! : undefined;
    if (!item) throw new TaskError(`inventory: "${name}" is any of several items (${r.label ?? r.items.join(', ')}); name one`);
    out[item] = (out[item] ?? 0) + n;
  }
  return out;
}
