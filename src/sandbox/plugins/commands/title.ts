// /title: titles, subtitles and the action bar, sent with the packets vanilla uses since 1.17.
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { componentField, tr, type Text } from '../../text.ts';
import { parseComponent } from './chat.ts';
import { CommandError, feedback, parseTicks, resolvePlayers, restAfter, words, type CommandContext } from './core.ts';

function send(players: SquidPlayer[], name: string, params: Record<string, unknown>): void {
  for (const p of players) p._client.write(name, params);
}

/** Vanilla's feedback: the player's name for one target, the count for several. */
function report(serv: SquidServer, ctx: CommandContext, key: string, players: SquidPlayer[]): void {
  const one = players.length === 1;
  feedback(serv, ctx, tr(`${key}.${one ? 'single' : 'multiple'}`, one ? players[0]!.username : players.length));
}

const SHOW: Record<string, string> = { title: 'set_title_text', subtitle: 'set_title_subtitle', actionbar: 'action_bar' };

function title(serv: SquidServer, args: string, ctx: CommandContext): void {
  const [target, action, ...rest] = words(args);
  if (!target || !action) throw new CommandError('Usage: /title <targets> (clear|reset|title|subtitle|actionbar|times) ...');
  const players = resolvePlayers(serv, ctx, target);
  switch (action) {
    case 'clear':
    case 'reset':
      if (rest.length) throw new CommandError(`Unexpected argument '${rest[0]}'`);
      send(players, 'clear_titles', { reset: action === 'reset' });
      report(serv, ctx, action === 'clear' ? 'commands.title.cleared' : 'commands.title.reset', players);
      return;
    case 'times': {
      if (rest.length !== 3) throw new CommandError('Usage: /title <targets> times <fadeIn> <stay> <fadeOut>');
      const [fadeIn, stay, fadeOut] = [parseTicks(rest[0], 'fadeIn'), parseTicks(rest[1], 'stay'), parseTicks(rest[2], 'fadeOut')];
      send(players, 'set_title_time', { fadeIn, stay, fadeOut });
      report(serv, ctx, 'commands.title.times', players);
      return;
    }
    default: {
      const packet = SHOW[action];
      if (!packet) throw new CommandError(`Unknown title action '${action}'`);
      const json = restAfter(args, 2);
      if (!json) throw new CommandError(`Usage: /title <targets> ${action} <title>`);
      const text: Text = parseComponent(json);
      send(players, packet, { text: componentField(serv, text) });
      report(serv, ctx, `commands.title.show.${action}`, players);
    }
  }
}

export const TITLE_COMMANDS = [
  { base: 'title', info: 'Shows titles to players', usage: '/title <targets> (clear|reset|title|subtitle|actionbar|times) ...', run: title },
];
