// The server's scoreboard: objectives, scores, display slots and teams, and the packets that keep
// clients in step. Like vanilla, only objectives shown in a display slot are sent to clients (with
// their scores); teams are sent to everyone.
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { componentField, type Text } from '../../text.ts';
import { registerSuggestions } from '../completion/suggest.ts';

export const TEXT_COLORS = ['black', 'dark_blue', 'dark_green', 'dark_aqua', 'dark_red', 'dark_purple', 'gold', 'gray', 'dark_gray', 'blue', 'green', 'aqua', 'red', 'light_purple', 'yellow', 'white'] as const;
/** Display slots by packet index: 0 list, 1 sidebar, 2 belowName, 3–18 the per-team-colour sidebars. */
export const DISPLAY_SLOTS = ['list', 'sidebar', 'belowName', ...TEXT_COLORS.map((c) => `sidebar.team.${c}`)];
/** Criteria whose scores the game sets; commands may not change them. */
export const READ_ONLY_CRITERIA = ['health', 'food', 'air', 'armor', 'xp', 'level', 'deathCount', 'playerKillCount', 'totalKillCount'];
export const CRITERIA = ['dummy', 'trigger', ...READ_ONLY_CRITERIA];

export interface Objective { name: string; criterion: string; displayName: Text; hearts: boolean }

export interface Team {
  name: string;
  displayName: Text;
  /** Index in TEXT_COLORS, or 21 (reset) when none is set. */
  color: number;
  prefix: Text;
  suffix: Text;
  friendlyFire: boolean;
  seeFriendlyInvisibles: boolean;
  nametagVisibility: string;
  deathMessageVisibility: string;
  collisionRule: string;
  members: Set<string>;
}

export interface Scoreboard {
  objectives: Map<string, Objective>;
  /** objective → score holder → score */
  scores: Map<string, Map<string, number>>;
  /** display slot index → objective name */
  display: Map<number, string>;
  teams: Map<string, Team>;
}

const boards = new WeakMap<SquidServer, Scoreboard>();

export function scoreboardOf(serv: SquidServer): Scoreboard {
  let b = boards.get(serv);
  if (!b) boards.set(serv, (b = { objectives: new Map(), scores: new Map(), display: new Map(), teams: new Map() }));
  return b;
}

function online(serv: SquidServer): SquidPlayer[] {
  return serv.players.filter((p) => !p.disconnected);
}

function writeAll(players: SquidPlayer[], name: string, params: Record<string, unknown>): void {
  for (const p of players) p._client.write(name, params);
}

const nbtScores = (serv: SquidServer) => serv.supportFeature('chatPacketsUseNbtComponents');

export function isDisplayed(board: Scoreboard, objective: string): boolean {
  return [...board.display.values()].includes(objective);
}

/** scoreboard_objective: 0 add, 1 remove, 2 update. */
export function objectivePacket(serv: SquidServer, o: Objective, action: 0 | 1 | 2): Record<string, unknown> {
  if (action === 1) return { name: o.name, action };
  return { name: o.name, action, displayText: componentField(serv, o.displayName), type: o.hearts ? 1 : 0, number_format: undefined };
}

export function scorePacket(serv: SquidServer, objective: string, holder: string, value: number): Record<string, unknown> {
  if (nbtScores(serv)) return { itemName: holder, scoreName: objective, value, display_name: undefined, number_format: undefined };
  return { itemName: holder, action: 0, scoreName: objective, value };
}

/** Tells clients a score changed, if its objective is on display. */
export function sendScore(serv: SquidServer, objective: string, holder: string): void {
  const board = scoreboardOf(serv);
  if (!isDisplayed(board, objective)) return;
  const value = board.scores.get(objective)?.get(holder);
  if (value === undefined) {
    if (nbtScores(serv)) writeAll(online(serv), 'reset_score', { entity_name: holder, objective_name: objective });
    else writeAll(online(serv), 'scoreboard_score', { itemName: holder, action: 1, scoreName: objective });
    return;
  }
  writeAll(online(serv), 'scoreboard_score', scorePacket(serv, objective, holder, value));
}

/** The objective and all its scores, for a client that starts seeing it. */
function trackPackets(serv: SquidServer, o: Objective): [string, Record<string, unknown>][] {
  const out: [string, Record<string, unknown>][] = [['scoreboard_objective', objectivePacket(serv, o, 0)]];
  for (const [holder, value] of scoreboardOf(serv).scores.get(o.name) ?? []) out.push(['scoreboard_score', scorePacket(serv, o.name, holder, value)]);
  return out;
}

/** Puts an objective in a display slot (or clears it), starting and stopping tracking as vanilla does. */
export function setDisplay(serv: SquidServer, slot: number, objective: Objective | undefined): void {
  const board = scoreboardOf(serv);
  const previous = board.display.get(slot);
  const players = online(serv);
  if (objective && !isDisplayed(board, objective.name)) {
    for (const [name, params] of trackPackets(serv, objective)) writeAll(players, name, params);
  }
  if (objective) board.display.set(slot, objective.name);
  else board.display.delete(slot);
  writeAll(players, 'scoreboard_display_objective', { position: slot, name: objective?.name ?? '' });
  const old = previous === undefined ? undefined : board.objectives.get(previous);
  if (old && !isDisplayed(board, old.name)) writeAll(players, 'scoreboard_objective', objectivePacket(serv, old, 1));
}

export function removeObjective(serv: SquidServer, o: Objective): void {
  const board = scoreboardOf(serv);
  for (const [slot, name] of [...board.display]) if (name === o.name) setDisplay(serv, slot, undefined);
  board.objectives.delete(o.name);
  board.scores.delete(o.name);
}

export function updateObjective(serv: SquidServer, o: Objective): void {
  if (isDisplayed(scoreboardOf(serv), o.name)) writeAll(online(serv), 'scoreboard_objective', objectivePacket(serv, o, 2));
}

/** teams: 0 create, 1 remove, 2 update, 3 add members, 4 remove members. */
export function teamPacket(serv: SquidServer, t: Team, mode: 0 | 1 | 2 | 3 | 4, players?: string[]): Record<string, unknown> {
  const info = mode === 0 || mode === 2 ? {
    name: componentField(serv, t.displayName),
    friendlyFire: (t.friendlyFire ? 1 : 0) | (t.seeFriendlyInvisibles ? 2 : 0),
    nameTagVisibility: t.nametagVisibility,
    collisionRule: t.collisionRule,
    formatting: t.color,
    prefix: componentField(serv, t.prefix),
    suffix: componentField(serv, t.suffix),
  } : {};
  const members = mode === 0 ? [...t.members] : mode === 3 || mode === 4 ? players : undefined;
  return { team: t.name, mode, ...info, ...(members ? { players: members } : {}) };
}

export function sendTeam(serv: SquidServer, t: Team, mode: 0 | 1 | 2 | 3 | 4, players?: string[]): void {
  writeAll(online(serv), 'teams', teamPacket(serv, t, mode, players));
}

export function newTeam(name: string, displayName: Text): Team {
  return {
    name, displayName, color: 21, prefix: '', suffix: '', friendlyFire: true, seeFriendlyInvisibles: true,
    nametagVisibility: 'always', deathMessageVisibility: 'always', collisionRule: 'always', members: new Set(),
  };
}

/** The team a score holder is on; a holder is on one team at most. */
export function teamOf(serv: SquidServer, holder: string): Team | undefined {
  for (const t of scoreboardOf(serv).teams.values()) if (t.members.has(holder)) return t;
  return undefined;
}

export const scoreboardPlugin: SandboxPlugin = {
  name: 'skillcraft-scoreboard',
  server(serv) {
    registerSuggestions(serv, 'team', (s) => scoreboardOf(s).teams.keys());
    registerSuggestions(serv, 'objective', (s) => scoreboardOf(s).objectives.keys());
  },
  player(player, serv) {
    // What vanilla sends a joining player: every team, then each displayed objective with its scores.
    player.once('spawned', () => {
      const board = scoreboardOf(serv);
      for (const t of board.teams.values()) player._client.write('teams', teamPacket(serv, t, 0));
      const sent = new Set<string>();
      for (const [slot, name] of board.display) {
        const o = board.objectives.get(name);
        if (!o) continue;
        if (!sent.has(name)) for (const [packet, params] of trackPackets(serv, o)) player._client.write(packet, params);
        sent.add(name);
        player._client.write('scoreboard_display_objective', { position: slot, name });
      }
    });
  },
};
