// The options of `skillcraft agent`, shared by one agent (src/cli/agent.ts) and a team (team.ts).
import { CliInputError } from '../errors.ts';

/** Parses `--view-port` (run, demo and agent); undefined when not given. */
export function viewPortOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 65535) throw new CliInputError(`--view-port must be an integer 0-65535 (got "${text}")`);
  return n;
}

export interface AgentCliOptions {
  owner?: string[]; host?: string; port?: string; username?: string; seed?: string; preset?: string; smeltSpeed?: string; peaceful?: boolean; world?: string; spawn?: string; save?: boolean; mcVersion?: string;
  view?: boolean; viewPort?: string; quietChat?: boolean; task?: string; runsDir?: string; bots?: string; schematics?: string;
}

/** The chat commands owners may give a team, as its first line lists them (a team does not build yet). */
export const CHAT_COMMANDS = '!task <goal>, !stop, !status, !plan, !come, !follow, !inventory';

/** The chat commands owners may give one agent, as its first line lists them. */
export const AGENT_CHAT_COMMANDS = '!task <goal>, !build <name>, !stop, !status, !plan, !come, !follow, !inventory';
