// Weather as vanilla's ServerLevel runs it: clear/rain/thunder timers that count down (while the
// doWeatherCycle rule is on), rain and thunder levels that fade by 0.01 a tick, and game_state_change
// packets: the levels while they change, "start/stop raining" when the rain level crosses 0.2, and the
// whole state to a player who joins or respawns. Only the overworld exists here, and it has a sky.
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { getGameRule } from '../commands/time.ts';

export interface Weather {
  clearTime: number;
  rainTime: number;
  thunderTime: number;
  raining: boolean;
  thundering: boolean;
  rainLevel: number;
  thunderLevel: number;
}

// Game event reasons (ClientboundGameEventPacket), the same numbers on every version served.
const START_RAINING = 1;
const STOP_RAINING = 2;
const RAIN_LEVEL_CHANGE = 7;
const THUNDER_LEVEL_CHANGE = 8;

/** Vanilla's random weather spans in ticks (ServerLevel.RAIN_DELAY and friends). */
export const SPANS = {
  rainDelay: [12_000, 180_000],
  rainDuration: [12_000, 24_000],
  thunderDelay: [12_000, 180_000],
  thunderDuration: [3_600, 15_600],
} as const;

export function sample([min, max]: readonly [number, number]): number {
  return min + Math.floor(Math.random() * (max - min + 1));
}

const byServer = new WeakMap<SquidServer, Weather>();

export function weatherOf(serv: SquidServer): Weather {
  let w = byServer.get(serv);
  if (!w) {
    w = { clearTime: 0, rainTime: 0, thunderTime: 0, raining: false, thundering: false, rainLevel: 0, thunderLevel: 0 };
    byServer.set(serv, w);
  }
  return w;
}

/** Level.isRaining: the rain has faded in past 0.2. */
export function isRaining(w: Weather): boolean {
  return w.rainLevel > 0.2;
}

/** Level.isThundering: thunder weighted by rain, past 0.9. */
export function isThundering(w: Weather): boolean {
  return w.thunderLevel * w.rainLevel > 0.9;
}

/** ServerLevel.setWeatherParameters, which /weather calls. */
export function setWeather(serv: SquidServer, clearTime: number, weatherTime: number, raining: boolean, thundering: boolean): void {
  const w = weatherOf(serv);
  w.clearTime = clearTime;
  w.rainTime = weatherTime;
  w.thunderTime = weatherTime;
  w.raining = raining;
  w.thundering = thundering;
}

function gameEvent(players: SquidPlayer[], reason: number, value: number): void {
  for (const p of players) if (!p.disconnected) p._client.write('game_state_change', { reason, gameMode: value });
}

/** What vanilla's PlayerList.sendLevelInfo tells a player about the weather (join, respawn). */
export function sendWeather(serv: SquidServer, player: SquidPlayer): void {
  const w = weatherOf(serv);
  if (!isRaining(w)) return;
  gameEvent([player], START_RAINING, 0);
  gameEvent([player], RAIN_LEVEL_CHANGE, w.rainLevel);
  gameEvent([player], THUNDER_LEVEL_CHANGE, w.thunderLevel);
}

function advanceTimers(w: Weather): void {
  if (w.clearTime > 0) {
    w.clearTime--;
    w.thunderTime = w.thundering ? 0 : 1;
    w.rainTime = w.raining ? 0 : 1;
    w.thundering = false;
    w.raining = false;
    return;
  }
  if (w.thunderTime > 0) {
    if (--w.thunderTime === 0) w.thundering = !w.thundering;
  } else {
    w.thunderTime = sample(w.thundering ? SPANS.thunderDuration : SPANS.thunderDelay);
  }
  if (w.rainTime > 0) {
    if (--w.rainTime === 0) w.raining = !w.raining;
  } else {
    w.rainTime = sample(w.raining ? SPANS.rainDuration : SPANS.rainDelay);
  }
}

const step = (level: number, up: boolean) => Math.max(0, Math.min(1, Math.fround(level + (up ? 0.01 : -0.01))));

/** ServerLevel.advanceWeatherCycle, once a tick. */
export function weatherTick(serv: SquidServer): void {
  const w = weatherOf(serv);
  const wasRaining = isRaining(w);
  if (getGameRule(serv, 'doWeatherCycle') !== false) advanceTimers(w);
  const oldThunder = w.thunderLevel;
  const oldRain = w.rainLevel;
  w.thunderLevel = step(w.thunderLevel, w.thundering);
  w.rainLevel = step(w.rainLevel, w.raining);
  const players = serv.players;
  if (oldRain !== w.rainLevel) gameEvent(players, RAIN_LEVEL_CHANGE, w.rainLevel);
  if (oldThunder !== w.thunderLevel) gameEvent(players, THUNDER_LEVEL_CHANGE, w.thunderLevel);
  if (wasRaining !== isRaining(w)) {
    gameEvent(players, wasRaining ? STOP_RAINING : START_RAINING, 0);
    gameEvent(players, RAIN_LEVEL_CHANGE, w.rainLevel);
    gameEvent(players, THUNDER_LEVEL_CHANGE, w.thunderLevel);
  }
}

/** The weather of the world a joining player spawns in (its timers run in the survival tick). */
export const weatherPlugin: SandboxPlugin = {
  name: 'skillcraft-weather',
  player(player, serv) {
    player.once('spawned', () => sendWeather(serv, player));
  },
};
