// `bench prompt --bots N` (issue 17): prompt tokens per decision when the chat-model planner decides for a
// member of a team. The team runs through the coordinator as `skillcraft run --bots N --planner llm|hybrid`
// runs it; each member asks a scripted server of its own, whose answers are the graph planner's steps for the
// goal that member is deciding now (its share, or the team's goal on the assembler's last run).
import type { Logger } from 'pino';
import { createSkillRegistry, MEMBER_MODEL_SKILLS, TEAM_SKILLS } from '../../skills/index.ts';
import { createKnowledge } from '../knowledge/kb.ts';
import { overworldFor } from '../knowledge/vanillaOverworld.ts';
import { createChatClient, type ChatClient } from '../llm/client.ts';
import { countTokens, promptTokens } from '../llm/tokens.ts';
import { ModelUsage, type ModelSummary } from '../llm/usage.ts';
import { createGraphPlanner, type GraphPlanner } from '../planner/graph/index.ts';
import { createLlmPlanner } from '../planner/llm/index.ts';
import type { Planner, PlannerInput } from '../planner/types.ts';
import { NEEDS_CHAT_MODEL, parseTask } from '../tasks/parse.ts';
import { runTeamTask } from '../team/coordinator.ts';
import type { TeamMember } from '../team/types.ts';
import { graphOracle } from '../testing/oracle.ts';
import { requestPurpose, startScriptedServer, type ScriptedRequest, type ScriptedServer } from '../testing/scriptedServer.ts';
import { openTeamWorld } from '../world/openTeam.ts';
import { BenchInputError } from './plan4mc/args.ts';
import { median } from './table.ts';
import { benchConnection } from './worldTask.ts';
import { sandboxFor, worldName, type World } from './worlds.ts';

export type PromptMode = 'llm' | 'hybrid';

/** One run of the prompt bench (one bot, or a team) in one world. */
export interface PromptRun {
  bots: number;
  world: string;
  success: boolean;
  reason: string;
  steps: number;
  wallSeconds: number;
  /** Prompt tokens of every decide request, answers asked again included (as sent: messages and answer schema). */
  sizes: number[];
  /** Tokens of the team lines of each decide request that carried them. */
  team: number[];
  /** Decide requests that carried no team lines. */
  withoutTeam: number;
  /** Decide requests per member. */
  decisions: Record<string, number>;
  /** A team run: each member's team lines in its last decide prompt (what its model was last told). */
  lastTeamLines?: Record<string, string | undefined>;
  model: Pick<ModelSummary, 'calls' | 'fallbacks' | 'promptTokens' | 'completionTokens'>;
}

/** Tokens of what a request sent as prompt: its messages and the answer schema it carried. */
export function sent(r: ScriptedRequest): number {
  const schema = r.mode === 'tools' ? r.body.tools : r.mode === 'json_schema' ? r.body.response_format : undefined;
  return promptTokens(r.messages, schema === undefined ? '' : JSON.stringify(schema));
}

/**
 * The team lines of a decide prompt's user message (src/team/state.ts, placed by prompts/decide.md between
 * the task and "Now:"), or undefined when it has none.
 */
export function teamLines(user: string): string | undefined {
  const start = user.search(/^Team \(you are /m);
  if (start < 0) return undefined;
  const end = user.indexOf('\nNow:\n', start);
  return end < 0 ? undefined : user.slice(start, end);
}

function decides(requests: readonly ScriptedRequest[]): ScriptedRequest[] {
  return requests.filter((r) => requestPurpose(r) === 'decide');
}

/** The decide requests' prompt sizes and their team lines' tokens. */
export function decideFigures(requests: readonly ScriptedRequest[]): { sizes: number[]; team: number[]; withoutTeam: number } {
  const team: number[] = [];
  let withoutTeam = 0;
  for (const r of decides(requests)) {
    // The turn's user message is the second; an answer asked again repeats it with the retry after.
    const lines = teamLines(r.messages[1]?.content ?? '');
    if (lines === undefined) withoutTeam++;
    else team.push(countTokens(lines));
  }
  return { sizes: decides(requests).map(sent), team, withoutTeam };
}

export interface SizeFigures {
  decisions: number;
  min: number;
  median: number;
  p95: number;
  max: number;
}

/** Min, median, p95 (nearest rank) and max of a list of token counts; NaN for an empty list. */
export function sizeFigures(xs: readonly number[]): SizeFigures {
  const s = [...xs].sort((a, b) => a - b);
  const p95 = s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] ?? NaN;
  return { decisions: s.length, min: s[0] ?? NaN, median: median(s), p95, max: s[s.length - 1] ?? NaN };
}

/** One table row per team size: every run of that size pooled. */
export function promptRows(runs: readonly PromptRun[], target: number): string[][] {
  const sizes = [...new Set(runs.map((r) => r.bots))].sort((a, b) => a - b);
  return sizes.map((bots) => {
    const rs = runs.filter((r) => r.bots === bots);
    const f = sizeFigures(rs.flatMap((r) => r.sizes));
    const team = sizeFigures(rs.flatMap((r) => r.team));
    const sum = (k: keyof PromptRun['model']) => String(rs.reduce((n, r) => n + r.model[k], 0));
    return [
      String(bots), String(f.decisions), String(f.min), String(f.median), String(f.p95), String(f.max), `≤ ${target}`,
      team.decisions === 0 ? '-' : `${team.median} / ${team.max}`, sum('calls'), sum('fallbacks'), sum('promptTokens'), sum('completionTokens'),
      `${rs.filter((r) => r.success).length}/${rs.length}`,
    ];
  });
}

export const PROMPT_HEADER = ['bots', 'decisions', 'min', 'median', 'p95', 'max', 'target', 'team lines median / max', 'calls', 'fallbacks', 'prompt tokens total', 'completion tokens total', 'done'];


/** "give me 5 iron" is not a goal a team can share: the offline parser must read the task. */
export function checkTeamTask(task: string): void {
  if (parseTask(createKnowledge('1.20.1'), task).needsChatModel) throw new BenchInputError(`"${task}": a team needs a goal the planner can read (an item and a count): ${NEEDS_CHAT_MODEL}`);
}

/** A team of `bots` on a fresh sandbox world makes `task` with the chat-model planner; every member's decide prompts measured. */
export async function measureTeam(w: World, bots: number, task: string, mode: PromptMode, { log, signal }: { log: Logger; signal: AbortSignal }): Promise<PromptRun> {
  const team = await openTeamWorld({ connection: benchConnection('bench'), sandbox: sandboxFor(w) }, bots, { log, signal });
  const servers = new Map<string, ScriptedServer>();
  try {
    const kb = createKnowledge(team.world.bot.version);
    const { goal } = parseTask(kb, task);
    const skills = createSkillRegistry(TEAM_SKILLS);
    const memberSkills = createSkillRegistry(MEMBER_MODEL_SKILLS);
    const terrain = overworldFor(kb, team.world.terrain);
    const graphs = new Map<string, GraphPlanner>();
    const graph = (m: TeamMember): GraphPlanner => {
      let g = graphs.get(m.name);
      if (!g) graphs.set(m.name, (g = createGraphPlanner({ skills, knowledge: kb, world: terrain })));
      return g;
    };
    // What each member's planner decides on now: the oracle answers for the goal of that member's current run
    // (a share's goal counts what it already holds), from the observation its prompt was rendered from.
    const deciding = new Map<string, PlannerInput>();
    const now = (m: TeamMember): PlannerInput => {
      const input = deciding.get(m.name);
      if (!input) throw new Error(`${m.name} asked the model before deciding`);
      return input;
    };
    const clients = new Map<string, ChatClient>();
    for (const m of team.members) {
      const server = await startScriptedServer({ script: graphOracle({ graph: graph(m), goal: () => now(m).goal, observe: () => now(m).observation, option: mode === 'hybrid' }) });
      servers.set(m.name, server);
      clients.set(m.name, createChatClient({ baseUrl: server.baseUrl, model: 'scripted', log }));
    }
    // One usage record for the team, as the CLI's one model setup; caps high enough never to cut a decision.
    const usage = new ModelUsage({ maxCalls: 5000, maxTokens: 100_000_000 });
    const planner = (m: TeamMember, teamState: () => string): Planner => {
      const llm = createLlmPlanner({ client: clients.get(m.name)!, usage, skills: memberSkills, knowledge: kb, graph: graph(m), mode, log, team: teamState });
      return { name: llm.name, decide: (input) => { deciding.set(m.name, input); return llm.decide(input); } };
    };
    const { summary: s } = await runTeamTask(team.members, goal, { skills, knowledge: kb, planner, graph, log, signal, text: task });
    const figures = decideFigures([...servers.values()].flatMap((sv) => sv.requests));
    const m = usage.summary();
    return {
      bots, world: worldName(w), success: s.success, reason: s.reason, steps: s.members.reduce((n, x) => n + x.steps, 0), wallSeconds: s.wallSeconds,
      ...figures, decisions: Object.fromEntries([...servers].map(([name, sv]) => [name, decides(sv.requests).length])),
      lastTeamLines: Object.fromEntries([...servers].map(([name, sv]) => [name, teamLines(decides(sv.requests).at(-1)?.messages[1]?.content ?? '')])),
      model: { calls: m.calls, fallbacks: m.fallbacks, promptTokens: m.promptTokens, completionTokens: m.completionTokens },
    };
  } finally {
    for (const sv of servers.values()) await sv.stop();
    await team.close();
  }
}
