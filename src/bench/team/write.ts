// `bench team`'s report: the terminal lines, and report.md with results.json under the output folder.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatTable } from '../table.ts';
import { formatRate } from '../worlds.ts';
import { f1, metText, splitOverall, splitTable, TARGETS, treeFigures, treeTables } from './report.ts';
import type { TeamRunResult } from './run.ts';

export interface TeamMeta {
  startedAt: string;
  wallSeconds: number;
  jobs: number;
  /** The arguments that run the same worlds again (`--seed-list … [--split-seeds K]`). */
  repeat: string;
}

const md = (t: { header: string[]; rows: string[][] }) =>
  [`| ${t.header.join(' | ')} |`, `| ${t.header.map(() => '---').join(' | ')} |`, ...t.rows.map((r) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`)].join('\n');
const plain = (t: { header: string[]; rows: string[][] }) => formatTable(t.header, t.rows);

/** The check lines under the split table: the targets and whether each was met. */
function splitChecks(results: readonly TeamRunResult[]): string[] {
  const o = splitOverall(results);
  return [
    `Success: ${formatRate(o.ok, o.runs)} over ${o.tasks} tasks; target ≥ ${TARGETS.splitRate.toFixed(2)}: ${metText(o.met.rate)}.`,
    `Hand-overs: ${f1(o.handovers)} per run (${o.drop} thrown, ${o.chest} through a chest; ${o.handoversFailed} not ok).`,
    `Blocks dug twice: ${o.dugTwice} (must be 0: ${metText(o.met.dugTwice)}). Items lost in hand-overs: ${o.itemsLost}${o.itemsGained ? `, ${o.itemsGained} gained` : ''} (must be 0: ${metText(o.met.itemsLost)}).`,
  ];
}

function treeChecks(results: readonly TeamRunResult[]): string[] {
  const t = treeFigures(results);
  const ratios = Object.entries(t.ratios).map(([n, r]) => `${n} bots ${Number.isFinite(r.ratio) ? r.ratio.toFixed(2) : '–'}${r.target === undefined ? '' : ` (≤ ${r.target.toFixed(2)}: ${metText(r.met)})`}`);
  return [
    `Median game seconds against one bot's: ${ratios.join(', ') || 'no team size beside one bot'}; every size done in every world: ${metText(t.sizes.every((n) => t.bySize[n]!.ok === t.bySize[n]!.runs))}.`,
    `Blocks dug twice: ${t.dugTwice}; items lost in hand-overs: ${t.itemsLost} (both must be 0)${t.itemsAstray ? `; ${t.itemsAstray} picked up by another team mate and handed on` : ''}.`,
  ];
}

function failures(results: readonly TeamRunResult[]): TeamRunResult[] {
  return results.filter((r) => !r.success || r.dugTwice > 0 || r.itemsLost > 0 || r.itemsGained > 0);
}

const why = (r: TeamRunResult) => [
  r.success ? 'done' : `${r.reason}${r.detail ? `: ${r.detail}` : ''}`,
  ...(r.dugTwice ? [`${r.dugTwice} block(s) dug twice (${r.dugTwiceByOthers} by two members)`] : []),
  ...(r.itemsLost || r.itemsGained ? [`${r.itemsLost} item(s) lost, ${r.itemsGained} gained in hand-overs`] : []),
].join('; ');

export function teamTerminal(results: readonly TeamRunResult[], meta: TeamMeta): string {
  const out: string[] = [];
  if (results.some((r) => r.kind === 'split')) out.push('split-inventory tasks:', plain(splitTable(results)), ...splitChecks(results), '');
  if (results.some((r) => r.kind === 'tree')) {
    const t = treeTables(results);
    out.push('tech tree (iron pickaxe from nothing):', plain(t.perWorld), '', plain(t.bySize), ...treeChecks(results), '');
  }
  const bad = failures(results);
  out.push(`${meta.wallSeconds.toFixed(0)} s wall with ${meta.jobs} job(s)`);
  if (bad.length) out.push('failures and findings:', ...bad.map((r) => `  ${r.task} (${r.bots} bots) in ${r.world}: ${why(r)}${r.trace ? ` — ${r.trace}` : ''}`));
  return out.join('\n');
}

export function writeTeamReport(dir: string, results: readonly TeamRunResult[], meta: TeamMeta): void {
  mkdirSync(dir, { recursive: true });
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, `${name}.tmp`), text);
    renameSync(join(dir, `${name}.tmp`), join(dir, name));
  };
  write('results.json', `${JSON.stringify({ meta: { bench: 'team', ...meta }, split: splitOverall(results), tree: treeFigures(results), results }, null, 1)}\n`);
  const worlds = [...new Set(results.map((r) => r.world))];
  const text: string[] = [
    '# `bench team`: a team of bots on one task',
    '',
    `${results.length} runs on the embedded sandbox, started ${meta.startedAt}, ${meta.wallSeconds.toFixed(0)} s wall with ${meta.jobs} worker process(es), in ${worlds.length} world(s) (${worlds.join(', ')}; drawn at random over every preset unless listed). Each run is a fresh sandbox with N bots in one process, the graph planner per member and the team coordinator of \`skillcraft run --bots N\` (src/team/coordinator.ts). Game seconds are the world's clock from the start of the task to its end. Repeat with \`npm run bench -- team ${meta.repeat}\`.`,
    '',
  ];
  if (results.some((r) => r.kind === 'split')) {
    text.push(
      '## Split-inventory tasks',
      '',
      'MineCollab-style: every ingredient starts in the team\'s inventories, spread over the members (src/bench/team/tasks.ts); the goal is the item in the first member\'s (the assembler\'s) inventory. Hand-overs, blocks dug twice and items lost are read from each run\'s team trace (src/team/traceCheck.ts): what left a giver against what reached the receiver.',
      '',
      md(splitTable(results)),
      '',
      ...splitChecks(results),
      '',
    );
  }
  if (results.some((r) => r.kind === 'tree')) {
    const t = treeTables(results);
    text.push(
      '## Tech tree: an iron pickaxe from nothing with 1, 2 and 3 bots',
      '',
      'The same worlds for every team size; a one-bot team runs through the coordinator too (it then works as a single bot). Medians are over the runs done.',
      '',
      md(t.perWorld),
      '',
      md(t.bySize),
      '',
      ...treeChecks(results),
      '',
    );
  }
  const bad = failures(results);
  text.push('## Failures and findings', '', bad.length === 0 ? 'None.' : md({
    header: ['task', 'bots', 'world', 'what', 'trace'],
    rows: bad.map((r) => [r.task, String(r.bots), r.world, why(r).slice(0, 240), r.trace ? `[trace](${r.trace})` : '–']),
  }), '');
  write('report.md', text.join('\n'));
}
