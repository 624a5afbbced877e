// /team add|remove|empty|join|leave|list|modify with vanilla's feedback (state: presentation/scoreboard.ts).
import type { SquidServer } from '../../squid/types.ts';
import { tr, type Text } from '../../text.ts';
import { newTeam, scoreboardOf, sendTeam, teamOf, TEXT_COLORS, type Team } from '../presentation/scoreboard.ts';
import { parseComponent } from './chat.ts';
import { CommandError, feedback, resolvePlayers, senderPlayer, restAfter, words, type CommandContext } from './core.ts';

/** How vanilla names a team in feedback: its display name in brackets, in the team's colour. */
export function teamName(t: Team): Text {
  const color = TEXT_COLORS[t.color];
  return { text: '[', extra: [t.displayName, ']'], ...(color ? { color } : {}) };
}

function existing(serv: SquidServer, name: string | undefined): Team {
  const t = name === undefined ? undefined : scoreboardOf(serv).teams.get(name);
  if (!t) throw new CommandError(`Unknown team '${name ?? ''}'`);
  return t;
}

/** Score holders: selectors resolve to players; any other word is a holder name, online or not. */
export function scoreHolders(serv: SquidServer, ctx: CommandContext, target: string | undefined): string[] {
  if (target === undefined) return [senderPlayer(ctx).username];
  if (target === '*') throw new CommandError("The '*' score holder is not supported here");
  return target.startsWith('@') ? resolvePlayers(serv, ctx, target).map((p) => p.username) : [target];
}

function report(serv: SquidServer, ctx: CommandContext, key: string, holders: string[], ...rest: Text[]): void {
  const one = holders.length === 1;
  feedback(serv, ctx, tr(`${key}.${one ? 'single' : 'multiple'}`, one ? holders[0]! : holders.length, ...rest));
}

function join(serv: SquidServer, t: Team, holders: string[]): void {
  for (const h of holders) {
    const old = teamOf(serv, h);
    if (old === t) continue;
    if (old) {
      old.members.delete(h);
      sendTeam(serv, old, 4, [h]);
    }
    t.members.add(h);
    sendTeam(serv, t, 3, [h]);
  }
}

const VISIBILITY = ['always', 'never', 'hideForOtherTeams', 'hideForOwnTeam'];
const COLLISION = ['always', 'never', 'pushOtherTeams', 'pushOwnTeam'];

function modify(serv: SquidServer, args: string, ctx: CommandContext): void {
  const [, name, option, value] = words(args);
  const t = existing(serv, name);
  if (value === undefined) throw new CommandError(`Usage: /team modify <team> ${option ?? '<option>'} <value>`);
  const same = (msg: string): never => {
    throw new CommandError(`Nothing changed. ${msg}`);
  };
  switch (option) {
    case 'color': {
      const color = value === 'reset' ? 21 : TEXT_COLORS.indexOf(value as (typeof TEXT_COLORS)[number]);
      if (color < 0) throw new CommandError(`Invalid color '${value}'`);
      if (color === t.color) same('That team already has that color');
      t.color = color;
      sendTeam(serv, t, 2);
      feedback(serv, ctx, tr('commands.team.option.color.success', teamName(t), value));
      return;
    }
    case 'displayName':
    case 'prefix':
    case 'suffix': {
      const text = parseComponent(restAfter(args, 3));
      if (option === 'displayName' && JSON.stringify(text) === JSON.stringify(t.displayName)) same('That team already has that name');
      t[option] = text;
      sendTeam(serv, t, 2);
      if (option === 'displayName') feedback(serv, ctx, tr('commands.team.option.name.success', teamName(t)));
      else feedback(serv, ctx, tr(`commands.team.option.${option}.success`, text));
      return;
    }
    case 'friendlyFire':
    case 'seeFriendlyInvisibles': {
      if (value !== 'true' && value !== 'false') throw new CommandError(`Invalid boolean '${value}'`);
      const on = value === 'true';
      const key = option === 'friendlyFire' ? 'friendlyfire' : 'seeFriendlyInvisibles';
      if (t[option] === on) same(option === 'friendlyFire' ? `Friendly fire is already ${on ? 'enabled' : 'disabled'} for that team` : `That team ${on ? 'can already' : "already can't"} see invisible teammates`);
      t[option] = on;
      sendTeam(serv, t, 2);
      feedback(serv, ctx, tr(`commands.team.option.${key}.${on ? 'enabled' : 'disabled'}`, teamName(t)));
      return;
    }
    case 'nametagVisibility':
    case 'deathMessageVisibility':
    case 'collisionRule': {
      const allowed = option === 'collisionRule' ? COLLISION : VISIBILITY;
      if (!allowed.includes(value)) throw new CommandError(`Invalid ${option} '${value}'`);
      if (t[option] === value) same(`${option === 'collisionRule' ? 'Collision rule' : option === 'nametagVisibility' ? 'Nametag visibility' : 'Death message visibility'} is already that value`);
      t[option] = value;
      sendTeam(serv, t, 2);
      feedback(serv, ctx, tr(`commands.team.option.${option}.success`, teamName(t), value));
      return;
    }
    default:
      throw new CommandError(`Unknown team option '${option ?? ''}'`);
  }
}

function team(serv: SquidServer, args: string, ctx: CommandContext): void {
  const [sub, name, target] = words(args);
  const teams = scoreboardOf(serv).teams;
  switch (sub) {
    case 'add': {
      if (!name) throw new CommandError('Usage: /team add <team> [<displayName>]');
      if (teams.has(name)) throw new CommandError('A team already exists by that name');
      const display = restAfter(args, 2);
      const t = newTeam(name, display ? parseComponent(display) : name);
      teams.set(name, t);
      sendTeam(serv, t, 0);
      feedback(serv, ctx, tr('commands.team.add.success', teamName(t)));
      return;
    }
    case 'remove': {
      const t = existing(serv, name);
      teams.delete(t.name);
      sendTeam(serv, t, 1);
      feedback(serv, ctx, tr('commands.team.remove.success', teamName(t)));
      return;
    }
    case 'empty': {
      const t = existing(serv, name);
      const members = [...t.members];
      if (members.length === 0) throw new CommandError('Nothing changed. That team is already empty');
      t.members.clear();
      sendTeam(serv, t, 4, members);
      feedback(serv, ctx, tr('commands.team.empty.success', members.length, teamName(t)));
      return;
    }
    case 'join': {
      const t = existing(serv, name);
      const holders = scoreHolders(serv, ctx, target);
      join(serv, t, holders);
      report(serv, ctx, 'commands.team.join.success', holders, teamName(t));
      return;
    }
    case 'leave': {
      const holders = scoreHolders(serv, ctx, name);
      for (const h of holders) {
        const t = teamOf(serv, h);
        if (!t) continue;
        t.members.delete(h);
        sendTeam(serv, t, 4, [h]);
      }
      report(serv, ctx, 'commands.team.leave.success', holders);
      return;
    }
    case 'list': {
      if (name === undefined) {
        const all = [...teams.values()];
        if (all.length === 0) feedback(serv, ctx, tr('commands.team.list.teams.empty'));
        else feedback(serv, ctx, tr('commands.team.list.teams.success', all.length, { text: '', extra: all.flatMap((t, i) => (i ? [', ', teamName(t)] : [teamName(t)])) }));
        return;
      }
      const t = existing(serv, name);
      if (t.members.size === 0) feedback(serv, ctx, tr('commands.team.list.members.empty', teamName(t)));
      else feedback(serv, ctx, tr('commands.team.list.members.success', teamName(t), t.members.size, [...t.members].join(', ')));
      return;
    }
    case 'modify':
      modify(serv, args, ctx);
      return;
    default:
      throw new CommandError('Usage: /team (add|empty|join|leave|list|modify|remove) ...');
  }
}

export const TEAM_COMMANDS = [
  { base: 'team', info: 'Creates and manages teams', usage: '/team (add|empty|join|leave|list|modify|remove) ...', run: team },
];
