import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { CommandError, feedback, parseInteger, parseTicks, words, type CommandContext } from './core.ts';
import { tr } from '../../text.ts';
import { internals } from '../items/types.ts';

export type GameRuleValue = boolean | number;

/** The game rules the sandbox knows, with vanilla defaults; only some change the sandbox's behaviour. */
export const GAME_RULE_DEFAULTS: Readonly<Record<string, GameRuleValue>> = {
  doDaylightCycle: true,
  doMobSpawning: true,
  keepInventory: false,
  doWeatherCycle: true,
  doTileDrops: true,
  doMobLoot: true,
  doEntityDrops: true,
  mobGriefing: true,
  naturalRegeneration: true,
  doImmediateRespawn: false,
  fallDamage: true,
  doFireTick: true,
  randomTickSpeed: 3,
  spawnRadius: 10,
  playersSleepingPercentage: 100,
};

const rulesByServer = new WeakMap<SquidServer, Map<string, GameRuleValue>>();

function rules(serv: SquidServer): Map<string, GameRuleValue> {
  let map = rulesByServer.get(serv);
  if (!map) {
    map = new Map(Object.entries(GAME_RULE_DEFAULTS));
    rulesByServer.set(serv, map);
  }
  return map;
}

/** The current value of a game rule, for the plugins that honour one (mob spawning, drops…). */
export function getGameRule(serv: SquidServer, name: string): GameRuleValue | undefined {
  return rules(serv).get(name);
}

export function setGameRule(serv: SquidServer, name: string, value: GameRuleValue): void {
  const current = rules(serv).get(name);
  if (current === undefined) throw new CommandError(`Unknown game rule '${name}'`);
  if (typeof value !== typeof current) throw new CommandError(`Game rule ${name} takes ${typeof current === 'boolean' ? 'true or false' : 'an integer'}`);
  rules(serv).set(name, value);
  if (name === 'doDaylightCycle') {
    // flying-squid's day cycle advances time only while this flag is set.
    internals(serv).doDaylightCycle = value as boolean;
    sendTime(serv, serv.players);
  }
}

/**
 * Sends the time the vanilla way: the world age, and the time of day negated while the daylight
 * cycle is off so clients stop their own clock (mineflayer reads `doDaylightCycle` from the sign).
 */
export function sendTime(serv: SquidServer, players: SquidPlayer[]): void {
  const cycling = getGameRule(serv, 'doDaylightCycle') !== false;
  const time = BigInt(Math.trunc(serv.time));
  const packet = { age: BigInt(serv.tickCount), time: cycling ? time : time === 0n ? -1n : -time };
  for (const p of players) p._client.write('update_time', packet);
}

const NAMED_TIMES: Record<string, number> = { day: 1000, noon: 6000, night: 13000, midnight: 18000 };

function time(serv: SquidServer, args: string, ctx: CommandContext): void {
  const [action, value, ...rest] = words(args);
  if (rest.length) throw new CommandError(`Unexpected argument '${rest[0]}'`);
  if (action === 'query') {
    const day = Math.floor(serv.time / 24000);
    const answers: Record<string, number> = { daytime: serv.time % 24000, gametime: serv.tickCount, day };
    const answer = value === undefined ? undefined : answers[value];
    if (answer === undefined) throw new CommandError('Usage: /time query <daytime|gametime|day>');
    feedback(serv, ctx, tr('commands.time.query', answer));
    return;
  }
  if ((action !== 'set' && action !== 'add') || value === undefined) {
    throw new CommandError('Usage: /time set <day|noon|night|midnight|ticks> or /time add <ticks>');
  }
  const ticks = action === 'set' && value in NAMED_TIMES ? NAMED_TIMES[value]! : parseTicks(value, 'time');
  // Vanilla's day time counts on past 24000 (the day number and moon phase come from it); /time set
  // starts it again from the value.
  serv.time = action === 'set' ? ticks : serv.time + ticks;
  sendTime(serv, serv.players);
  feedback(serv, ctx, tr('commands.time.set', serv.time % 24000));
}

function parseRuleValue(name: string, text: string): GameRuleValue {
  const current = GAME_RULE_DEFAULTS[name];
  if (typeof current === 'boolean') {
    if (text !== 'true' && text !== 'false') throw new CommandError(`Invalid boolean '${text}' for ${name}: expected true or false`);
    return text === 'true';
  }
  return parseInteger(text, name);
}

function gamerule(serv: SquidServer, args: string, ctx: CommandContext): void {
  const [name, value, ...rest] = words(args);
  if (!name) throw new CommandError(`Usage: /gamerule <rule> [value]; rules: ${Object.keys(GAME_RULE_DEFAULTS).join(', ')}`);
  if (rest.length) throw new CommandError(`Unexpected argument '${rest[0]}'`);
  const current = getGameRule(serv, name);
  if (current === undefined) throw new CommandError(`Unknown game rule '${name}'`);
  if (value === undefined) {
    feedback(serv, ctx, tr('commands.gamerule.query', name, String(current)));
    return;
  }
  const parsed = parseRuleValue(name, value);
  setGameRule(serv, name, parsed);
  feedback(serv, ctx, tr('commands.gamerule.set', name, String(parsed)));
}

/** Replaces flying-squid's time broadcast (age always 0, cycle flag ignored) with `sendTime`. */
export function installTime(serv: SquidServer): void {
  const s = internals(serv);
  s.setTime = (t: number) => {
    // flying-squid's day cycle sets (time + 20) % 24000 every second: count on instead of wrapping.
    serv.time = t === (serv.time + 20) % 24000 ? serv.time + 20 : t;
    sendTime(serv, serv.players);
  };
}

export const TIME_COMMANDS = [
  { base: 'time', info: 'Changes or queries the time of day', usage: '/time <set|add|query> <value>', run: time },
  { base: 'gamerule', info: 'Sets or queries a game rule', usage: '/gamerule <rule> [value]', run: gamerule },
];
