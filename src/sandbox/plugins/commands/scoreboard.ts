// /scoreboard objectives … and /scoreboard players … with vanilla's feedback (state: presentation/scoreboard.ts).
import type { SquidServer } from '../../squid/types.ts';
import { tr, type Text } from '../../text.ts';
import {
  CRITERIA, DISPLAY_SLOTS, READ_ONLY_CRITERIA, removeObjective, scoreboardOf, sendScore, setDisplay, updateObjective, type Objective,
} from '../presentation/scoreboard.ts';
import { parseComponent } from './chat.ts';
import { CommandError, feedback, parseInteger, restAfter, words, type CommandContext } from './core.ts';
import { scoreHolders } from './team.ts';

/** How vanilla names an objective in feedback: its display name in brackets. */
function shown(o: Objective): Text {
  return { text: '[', extra: [o.displayName, ']'] };
}

function objective(serv: SquidServer, name: string | undefined, writable = false): Objective {
  const o = name === undefined ? undefined : scoreboardOf(serv).objectives.get(name);
  if (!o) throw new CommandError(`Unknown scoreboard objective '${name ?? ''}'`);
  if (writable && READ_ONLY_CRITERIA.includes(o.criterion)) throw new CommandError(`Scoreboard objective '${o.name}' is read-only`);
  return o;
}

function objectives(serv: SquidServer, args: string, ctx: CommandContext): void {
  const [, action, name, arg] = words(args);
  const board = scoreboardOf(serv);
  switch (action) {
    case 'add': {
      if (!name || !arg) throw new CommandError('Usage: /scoreboard objectives add <objective> <criteria> [<displayName>]');
      if (board.objectives.has(name)) throw new CommandError('An objective already exists by that name');
      if (!CRITERIA.includes(arg)) throw new CommandError(`Unknown criterion '${arg}'`);
      const display = restAfter(args, 4);
      const o: Objective = { name, criterion: arg, displayName: display ? parseComponent(display) : name, hearts: arg === 'health' };
      board.objectives.set(name, o);
      board.scores.set(name, new Map());
      feedback(serv, ctx, tr('commands.scoreboard.objectives.add.success', shown(o)));
      return;
    }
    case 'remove': {
      const o = objective(serv, name);
      removeObjective(serv, o);
      feedback(serv, ctx, tr('commands.scoreboard.objectives.remove.success', shown(o)));
      return;
    }
    case 'list': {
      const all = [...board.objectives.values()];
      if (all.length === 0) feedback(serv, ctx, tr('commands.scoreboard.objectives.list.empty'));
      else feedback(serv, ctx, tr('commands.scoreboard.objectives.list.success', all.length, { text: '', extra: all.flatMap((o, i) => (i ? [', ', shown(o)] : [shown(o)])) }));
      return;
    }
    case 'setdisplay': {
      const slot = DISPLAY_SLOTS.indexOf(name ?? '');
      if (slot < 0) throw new CommandError(`Unknown display slot '${name ?? ''}'`);
      if (arg === undefined) {
        if (!board.display.has(slot)) throw new CommandError('Nothing changed. That display slot is already empty');
        setDisplay(serv, slot, undefined);
        feedback(serv, ctx, tr('commands.scoreboard.objectives.display.cleared', name!));
        return;
      }
      const o = objective(serv, arg);
      if (board.display.get(slot) === o.name) throw new CommandError('Nothing changed. That display slot is already showing that objective');
      setDisplay(serv, slot, o);
      feedback(serv, ctx, tr('commands.scoreboard.objectives.display.set', name!, shown(o)));
      return;
    }
    case 'modify': {
      const o = objective(serv, name);
      const value = restAfter(args, 4);
      if (arg === 'displayname') {
        o.displayName = parseComponent(value);
        updateObjective(serv, o);
        feedback(serv, ctx, tr('commands.scoreboard.objectives.modify.displayname', o.name, shown(o)));
      } else if (arg === 'rendertype' && (value === 'hearts' || value === 'integer')) {
        o.hearts = value === 'hearts';
        updateObjective(serv, o);
        feedback(serv, ctx, tr('commands.scoreboard.objectives.modify.rendertype', shown(o)));
      } else throw new CommandError('Usage: /scoreboard objectives modify <objective> (displayname <text>|rendertype hearts|integer)');
      return;
    }
    default:
      throw new CommandError('Usage: /scoreboard objectives (add|list|modify|remove|setdisplay) ...');
  }
}

function required(target: string | undefined): string {
  if (!target) throw new CommandError('Missing score holder (a player name or selector)');
  return target;
}

function setScore(serv: SquidServer, o: Objective, holder: string, value: number): void {
  scoreboardOf(serv).scores.get(o.name)!.set(holder, value);
  sendScore(serv, o.name, holder);
}

function report(serv: SquidServer, ctx: CommandContext, key: string, holders: string[], single: Text[], multiple: Text[]): void {
  feedback(serv, ctx, holders.length === 1 ? tr(`${key}.single`, ...single) : tr(`${key}.multiple`, ...multiple));
}

function players(serv: SquidServer, args: string, ctx: CommandContext): void {
  const [, action, target, objName, amountText] = words(args);
  const board = scoreboardOf(serv);
  switch (action) {
    case 'set':
    case 'add':
    case 'remove': {
      const holders = scoreHolders(serv, ctx, required(target));
      const o = objective(serv, objName, true);
      const amount = parseInteger(amountText ?? '', 'score', action === 'set' ? undefined : 0);
      let last = 0;
      for (const h of holders) {
        const current = board.scores.get(o.name)!.get(h) ?? 0;
        last = action === 'set' ? amount : action === 'add' ? current + amount : current - amount;
        setScore(serv, o, h, last);
      }
      if (action === 'set') report(serv, ctx, 'commands.scoreboard.players.set.success', holders, [shown(o), holders[0]!, amount], [shown(o), holders.length, amount]);
      else report(serv, ctx, `commands.scoreboard.players.${action}.success`, holders, [amount, shown(o), holders[0]!, last], [amount, shown(o), holders.length]);
      return;
    }
    case 'reset': {
      const holders = scoreHolders(serv, ctx, required(target));
      const only = objName === undefined ? undefined : objective(serv, objName);
      for (const h of holders) {
        for (const [name, scores] of board.scores) {
          if (only && name !== only.name) continue;
          if (scores.delete(h)) sendScore(serv, name, h);
        }
      }
      if (only) report(serv, ctx, 'commands.scoreboard.players.reset.specific', holders, [shown(only), holders[0]!], [shown(only), holders.length]);
      else report(serv, ctx, 'commands.scoreboard.players.reset.all', holders, [holders[0]!], [holders.length]);
      return;
    }
    case 'get': {
      const [holder] = scoreHolders(serv, ctx, required(target));
      const o = objective(serv, objName);
      const value = board.scores.get(o.name)!.get(holder!);
      if (value === undefined) throw new CommandError(`Can't get value of ${o.name} for ${holder!}; none is set`);
      feedback(serv, ctx, tr('commands.scoreboard.players.get.success', holder!, value, shown(o)));
      return;
    }
    case 'list': {
      if (target === undefined) {
        const holders = new Set([...board.scores.values()].flatMap((m) => [...m.keys()]));
        if (holders.size === 0) feedback(serv, ctx, tr('commands.scoreboard.players.list.empty'));
        else feedback(serv, ctx, tr('commands.scoreboard.players.list.success', holders.size, [...holders].join(', ')));
        return;
      }
      const [holder] = scoreHolders(serv, ctx, target);
      const entries = [...board.objectives.values()].filter((o) => board.scores.get(o.name)!.has(holder!));
      if (entries.length === 0) {
        feedback(serv, ctx, tr('commands.scoreboard.players.list.entity.empty', holder!));
        return;
      }
      feedback(serv, ctx, tr('commands.scoreboard.players.list.entity.success', holder!, entries.length));
      for (const o of entries) feedback(serv, ctx, tr('commands.scoreboard.players.list.entity.entry', shown(o), board.scores.get(o.name)!.get(holder!)!));
      return;
    }
    case 'enable': {
      const holders = scoreHolders(serv, ctx, required(target));
      const o = objective(serv, objName);
      if (o.criterion !== 'trigger') throw new CommandError('Enable only works on trigger-objectives');
      for (const h of holders) if (!board.scores.get(o.name)!.has(h)) setScore(serv, o, h, 0);
      report(serv, ctx, 'commands.scoreboard.players.enable.success', holders, [shown(o), holders[0]!], [shown(o), holders.length]);
      return;
    }
    default:
      throw new CommandError('Usage: /scoreboard players (add|enable|get|list|remove|reset|set) ...');
  }
}

function scoreboard(serv: SquidServer, args: string, ctx: CommandContext): void {
  const [group] = words(args);
  if (group === 'objectives') objectives(serv, args, ctx);
  else if (group === 'players') players(serv, args, ctx);
  else throw new CommandError('Usage: /scoreboard (objectives|players) ...');
}

export const SCOREBOARD_COMMANDS = [
  { base: 'scoreboard', info: 'Manages scoreboard objectives and players', usage: '/scoreboard (objectives|players) ...', run: scoreboard },
];
