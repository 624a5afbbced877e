// `bench craft`: mineflayer's own bot.craft, planks (two crafts from two logs) then sticks, N times against
// `skillcraft serve` in its own process, directly or through the latency proxy. The count a user's
// plugin code sees: every try must end with 6 planks and 4 sticks, nothing else.
import type { Bot } from 'mineflayer';
import { resyncWindow } from '../net/windowClicks.ts';
import { waitUntil } from '../base/wait.ts';
import { openWorld } from '../world/open.ts';
import type { BenchDeps } from './index.ts';
import { BenchInputError, intArg, parseBenchArgs } from './plan4mc/args.ts';
import { DEFAULT_VERSION, SUPPORTED_VERSIONS } from '../config/sandbox.ts';
import { formatTable } from './table.ts';
import { benchConnection } from './worldTask.ts';
import { formatRate } from './worlds.ts';

export async function benchCraft(args: string[], { out, log, signal }: BenchDeps): Promise<number> {
  const { values } = parseBenchArgs(args, ['--tries', '--latency', '--jitter', '--seed', '--versions']);
  const versions = (values.get('--versions') ?? DEFAULT_VERSION).split(',').map((v) => v.trim()).filter(Boolean).map((v) => {
    const served = SUPPORTED_VERSIONS.find((s) => s === v);
    if (!served) throw new BenchInputError(`--versions: ${v} is not served (served: ${SUPPORTED_VERSIONS.join(', ')})`);
    return served;
  });
  const tries = intArg(values, '--tries', 100, 1, 10_000);
  const delayMs = intArg(values, '--latency', 0, 0, 5000);
  const jitterMs = intArg(values, '--jitter', 0, 0, 5000);
  const seed = intArg(values, '--seed', 9, 0, 2 ** 31 - 1);
  const route = delayMs ? `through ${delayMs}±${jitterMs} ms one way` : 'directly';
  out(`craft: bot.craft planks ×2 then sticks, ${tries} tries against skillcraft serve in its own process, ${route}, on ${versions.join(', ')}`);
  const rows: string[][] = [];
  const failures: string[] = [];
  let allOk = true;
  for (const version of versions) {
    if (signal.aborted) break;
    const world = await openWorld({
      connection: benchConnection('crafter'), sandbox: { seed, preset: 'forest', peaceful: true, version }, sandboxProcess: true,
      ...(delayMs ? { latency: { delayMs, jitterMs, seed } } : {}),
    }, { log, signal });
    let ok = 0;
    const started = performance.now();
    try {
      for (let i = 0; i < tries && !signal.aborted; i++) {
        const got = await oneTry(world.bot, signal).catch((err: unknown) => `error: ${err instanceof Error ? err.message : String(err)}`);
        if (got === null) ok++;
        else failures.push(`${version} try ${i + 1}: ${got}`);
      }
    } finally {
      await world.close();
    }
    if (ok !== tries) allOk = false;
    rows.push([version, route, String(tries), formatRate(ok, tries), ((performance.now() - started) / tries).toFixed(0)]);
  }
  out(formatTable(['version', 'route', 'tries', 'success', 'ms per try'], rows));
  for (const f of failures.slice(0, 10)) out(`  ${f}`);
  return allOk && !signal.aborted ? 0 : 1;
}

/** One try from a cleared inventory; null when it ended with exactly 6 planks and 4 sticks, else what was there. */
async function oneTry(bot: Bot, signal: AbortSignal): Promise<string | null> {
  const counts = () => {
    const c: Record<string, number> = {};
    for (const s of bot.inventory.items()) c[s.name] = (c[s.name] ?? 0) + s.count;
    return c;
  };
  const wait = (check: () => boolean, what: string) => waitUntil(check, { signal, timeoutMs: 5000, what });
  if (bot.inventory.items().length > 0) {
    bot.chat(`/clear ${bot.username}`);
    await wait(() => bot.inventory.items().length === 0, 'the inventory to clear');
  }
  bot.chat(`/give ${bot.username} oak_log 2`);
  await wait(() => counts().oak_log === 2, 'two oak logs');
  const reg = bot.registry;
  const planks = bot.recipesFor(reg.itemsByName.oak_planks!.id, null, 1, null)[0];
  if (!planks) return 'no plank recipe';
  await bot.craft(planks, 2, undefined);
  const sticks = bot.recipesFor(reg.itemsByName.stick!.id, null, 1, null)[0];
  if (!sticks) return `no stick recipe with ${JSON.stringify(counts())}`;
  await bot.craft(sticks, 1, undefined);
  // What the server holds, not mineflayer's guess.
  await resyncWindow(bot, bot.inventory, { signal, timeoutMs: 5000 });
  const c = counts();
  return c.oak_planks === 6 && c.stick === 4 && Object.keys(c).length === 2 ? null : JSON.stringify(c);
}
