import type { Bot } from 'mineflayer';
import type { BotStatus } from './types.ts';

/** What the page shows of the bot: read from what the client already knows, no server round trip. */
export function botStatus(bot: Bot): BotStatus | null {
  // Before spawn (or after a failed login) there is no entity to read.
  if (!bot.entity?.position) return null;
  const p = bot.entity.position;
  const inventory: Record<string, number> = {};
  for (const item of bot.inventory.items()) {
    if (item.count > 0) inventory[item.name] = (inventory[item.name] ?? 0) + item.count;
  }
  return {
    username: bot.username,
    health: round1(finiteOr0(bot.health)),
    food: Math.round(finiteOr0(bot.food)),
    position: { x: round1(p.x), y: round1(p.y), z: round1(p.z) },
    inventory,
  };
}

/** Calls `onChange` with the bot's status whenever it differs from the last one sent; returns the stop function. */
export function watchBotStatus(bot: Bot, onChange: (s: BotStatus) => void, everyMs = 250): () => void {
  let last = '';
  const sample = (): void => {
    const s = botStatus(bot);
    if (!s) return;
    const key = JSON.stringify(s);
    if (key === last) return;
    last = key;
    onChange(s);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return () => clearInterval(timer);
}

function finiteOr0(n: number | undefined): number {
  return n !== undefined && Number.isFinite(n) ? Math.max(0, n) : 0;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
