import type { Bot } from 'mineflayer';

/** Servers send the world age once a second (vanilla every 20 ticks); between updates it is estimated. */
const TICK_MS = 50;
const UPDATE_TICKS = 20;

export interface GameClock {
  /** World age in ticks, interpolated since the last time packet (never more than one update ahead). */
  ticks(): number;
  close(): void;
}

/**
 * A finer game clock than `bot.time.age`, which moves in steps of a second: short tasks (a few
 * seconds) would otherwise be measured with a whole second of error at each end.
 */
export function gameClock(bot: Bot): GameClock {
  let age = Number(bot.time.age ?? 0);
  let at = performance.now();
  const onTime = () => {
    age = Number(bot.time.age ?? 0);
    at = performance.now();
  };
  bot.on('time', onTime);
  return {
    ticks: () => age + Math.min(UPDATE_TICKS, (performance.now() - at) / TICK_MS),
    close: () => { bot.removeListener('time', onTime); },
  };
}
