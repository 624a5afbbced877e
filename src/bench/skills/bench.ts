import pathfinderPkg from 'mineflayer-pathfinder';
import { createSkillRegistry } from '../../../skills/index.ts';
import { connectBot, disconnectBot } from '../../bot/connect.ts';
import { createKnowledge } from '../../knowledge/kb.ts';
import { startSandbox } from '../../sandbox/server.ts';
import { waitUntil } from '../../base/wait.ts';
import type { BenchDeps } from '../index.ts';
import { SCENARIOS, type ScenarioResult } from './scenarios.ts';
import { formatTable, median } from '../table.ts';
import { BenchInputError, parseBenchArgs } from '../plan4mc/args.ts';
import { formatRate, repeatLine, worldName, worldsFromArgs } from '../worlds.ts';

/**
 * `npm run bench -- skills [--seeds 10 | --seed-list plains:5,…]`: the four skill tasks on fresh
 * sandboxes drawn over every preset (vanilla furnace speed), each from the state the previous one
 * left, run through the real skill runner.
 */
export async function benchSkills(args: string[], { out, log }: BenchDeps): Promise<number> {
  const { values, rest } = parseBenchArgs(args, ['--seeds', '--seed-list']);
  if (rest.length > 0) throw new BenchInputError(`unexpected argument ${rest[0]}`);
  const { worlds } = worldsFromArgs(values, 10, 100);
  out(repeatLine('skills', worlds));
  const seeds = worlds.length;
  const kb = createKnowledge('1.20.1');
  const skills = createSkillRegistry();
  const rows = new Map<string, ScenarioResult[]>(SCENARIOS.map((s) => [s.name, []]));
  for (const world of worlds) {
    const sb = await startSandbox({ port: 0, seed: world.seed, preset: world.preset }, log);
    try {
      const bot = await connectBot({ host: sb.host, port: sb.port, username: 'bench', auth: 'offline', mcVersion: '1.20.1' }, { log, signal: AbortSignal.timeout(60_000) });
      if (!bot.hasPlugin(pathfinderPkg.pathfinder)) bot.loadPlugin(pathfinderPkg.pathfinder);
      try {
        for (const sc of SCENARIOS) {
          for (const line of sc.setup) {
            const [, item = '', n = '1'] = line.split(' ').slice(1);
            const have = () => bot.inventory.items().filter((i) => i.name === item).reduce((a, i) => a + i.count, 0);
            const want = have() + Number(n);
            await sb.command(line.replace('@bot', bot.username));
            await waitUntil(() => have() >= want, { signal: AbortSignal.timeout(10_000), timeoutMs: 5000, what: `${item} from /give` });
          }
          const r = await sc.run({ bot, skills, kb, log, command: (l) => sb.command(l) });
          rows.get(sc.name)!.push(r);
          out(`${worldName(world)}: ${sc.name}: ${r.ok ? 'ok' : 'FAILED'} in ${r.seconds.toFixed(1)} s (lower bound ${r.lowerBound.toFixed(1)} s) — ${r.detail}`);
        }
      } finally {
        await disconnectBot(bot, { log });
      }
    } finally {
      await sb.stop();
    }
  }
  const table = SCENARIOS.map((sc) => {
    const rs = rows.get(sc.name)!;
    const ok = rs.filter((r) => r.ok);
    const ratio = median(ok.map((r) => r.seconds / Math.max(r.lowerBound, 0.1)));
    return [sc.name, formatRate(ok.length, rs.length), ok.length ? median(ok.map((r) => r.seconds)).toFixed(1) : '-', ok.length ? ratio.toFixed(2) : '-'];
  });
  out(`\nskills benchmark over ${seeds} random worlds (targets: success ${seeds}/${seeds}, median ratio ≤ 3)`);
  out(formatTable(['task', 'success', 'median s', 'median ratio to lower bound'], table));
  const allOk = SCENARIOS.every((sc) => rows.get(sc.name)!.every((r) => r.ok));
  return allOk ? 0 : 1;
}
