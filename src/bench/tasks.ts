import { createSkillRegistry } from '../../skills/index.ts';
import { runAgent } from '../agent/loop.ts';
import { connectBot, disconnectBot } from '../bot/connect.ts';
import { createKnowledge } from '../knowledge/kb.ts';
import { createGraphPlanner } from '../planner/graph/index.ts';
import { startSandbox } from '../sandbox/server.ts';
import { parseTask } from '../tasks/parse.ts';
import type { BenchDeps } from './index.ts';
import { formatTable } from './table.ts';

function listArg(args: string[], name: string, def: string[]): string[] {
  const i = args.indexOf(name);
  return i < 0 ? def : (args[i + 1] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/**
 * `npm run bench -- tasks [--tasks "wooden pickaxe,stone pickaxe"] [--seeds 1,2,3,4,5]`: the whole agent
 * (graph planner, skills, sandbox) from an empty inventory, one fresh world per task and seed.
 */
export async function benchTasks(args: string[], { out, log }: BenchDeps): Promise<number> {
  const tasks = listArg(args, '--tasks', ['wooden pickaxe', 'stone pickaxe']);
  const seeds = listArg(args, '--seeds', ['1', '2', '3', '4', '5']).map(Number);
  if (seeds.some((s) => !Number.isInteger(s))) throw new Error('--seeds takes whole numbers separated by commas');
  const kb = createKnowledge('1.20.1');
  const skills = createSkillRegistry();
  const rows: string[][] = [];
  let failures = 0;
  for (const task of tasks) {
    const { goal } = parseTask(kb, task);
    for (const seed of seeds) {
      const sb = await startSandbox({ port: 0, seed, preset: 'forest' }, log);
      try {
        const bot = await connectBot({ host: sb.host, port: sb.port, username: 'bench', auth: 'offline', mcVersion: '1.20.1' }, { log, signal: AbortSignal.timeout(60_000) });
        try {
          const s = await runAgent({
            bot, goal, planner: createGraphPlanner({ skills, knowledge: kb }), skills, knowledge: kb, log,
            signal: AbortSignal.timeout(600_000),
          });
          if (!s.success) failures++;
          rows.push([task, String(seed), s.success ? 'yes' : `no (${s.reason}${s.detail ? `: ${s.detail}` : ''})`, String(s.steps), String(s.failures), s.wallSeconds.toFixed(1), s.gameSeconds.toFixed(1)]);
          out(`${task}, seed ${seed}: ${s.success ? 'done' : 'NOT done'} in ${s.steps} steps, ${s.wallSeconds} s`);
        } finally {
          await disconnectBot(bot, { log });
        }
      } finally {
        await sb.stop();
      }
    }
  }
  out(formatTable(['task', 'seed', 'success', 'steps', 'failed steps', 'wall s', 'game s'], rows));
  return failures === 0 ? 0 : 1;
}
