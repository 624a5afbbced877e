// /weather clear|rain|thunder [duration] as vanilla answers it.
import type { SquidServer } from '../../squid/types.ts';
import { tr } from '../../text.ts';
import { CommandError, feedback, parseInteger, words, type CommandContext } from './core.ts';
import { sample, setWeather, SPANS } from '../survival/weather.ts';

/**
 * The duration in ticks, or undefined when none was given. Before 1.19.3 it is whole seconds
 * (0..1000000); from 1.19.3 a time argument (ticks, or a number with d, s or t).
 */
function duration(serv: SquidServer, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!serv.registry.version['>=']('1.19.3')) return parseInteger(text, 'duration', 0, 1_000_000) * 20;
  const m = /^(\d+(?:\.\d+)?|\.\d+)([dst]?)$/.exec(text);
  if (!m) throw new CommandError(`Invalid duration '${text}' (use ticks, or a number with d, s or t)`);
  const scale = m[2] === 'd' ? 24_000 : m[2] === 's' ? 20 : 1;
  return Math.round(Number(m[1]) * scale);
}

/** Without a duration, 1.18.2 keeps the weather 6000 ticks; later versions pick vanilla's random span. */
function defaultTicks(serv: SquidServer, span: readonly [number, number]): number {
  return serv.registry.version['>=']('1.19.3') ? sample(span) : 6000;
}

function weather(serv: SquidServer, args: string, ctx: CommandContext): void {
  const [kind, durationText, ...rest] = words(args);
  if (rest.length) throw new CommandError(`Unexpected argument '${rest[0]}'`);
  const ticks = duration(serv, durationText);
  switch (kind) {
    case 'clear':
      setWeather(serv, ticks ?? defaultTicks(serv, SPANS.rainDelay), 0, false, false);
      break;
    case 'rain':
      setWeather(serv, 0, ticks ?? defaultTicks(serv, SPANS.rainDuration), true, false);
      break;
    case 'thunder':
      setWeather(serv, 0, ticks ?? defaultTicks(serv, SPANS.thunderDuration), true, true);
      break;
    default:
      throw new CommandError('Usage: /weather <clear|rain|thunder> [duration]');
  }
  feedback(serv, ctx, tr(`commands.weather.set.${kind}`));
}

export const WEATHER_COMMANDS = [
  { base: 'weather', info: 'Sets the weather', usage: '/weather <clear|rain|thunder> [duration]', run: weather },
];
