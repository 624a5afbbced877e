// `/summon chicken <x y z> {EggLayTime:40}`: a hen whose next egg is that many ticks away, as vanilla
// reads the entity data (Chicken.readAdditionalSaveData). The mob summoner (commands/summon.ts) takes the
// chicken's data apart here and sets the new hens' time.
import { createRequire } from 'node:module';
import { CommandError } from '../commands/core.ts';

const require = createRequire(import.meta.url);
const mojangson = require('mojangson') as { parse(text: string): unknown; simplify(tag: unknown): Record<string, unknown> };

/** The entity data a chicken summon sets: its EggLayTime, when given. */
export interface ChickenData {
  eggLayTime?: number;
}

/**
 * Splits `chicken … {…}` into the summoner's arguments and the chicken's data; undefined for any other
 * summon, or one without entity data. A non-numeric EggLayTime reads as 0, as vanilla's getInt does.
 */
export function splitChickenData(args: string): { head: string; data: ChickenData } | undefined {
  const brace = args.indexOf('{');
  if (brace < 0) return undefined;
  const head = args.slice(0, brace).trim();
  const name = (head.split(/\s+/)[0] ?? '').toLowerCase().replace(/^minecraft:/, '');
  if (name !== 'chicken') return undefined;
  let tag: Record<string, unknown>;
  try {
    tag = mojangson.simplify(mojangson.parse(args.slice(brace).trim()));
  } catch (err) {
    throw new CommandError(`Invalid entity data: ${(err as Error).message}`);
  }
  // A baby would not lay (vanilla leaves babies out); the sandbox has none, so it says so rather than make a laying adult.
  if (typeof tag.Age === 'number' && tag.Age < 0) throw new CommandError('The sandbox has no baby chickens (Age below 0)');
  const raw = tag.EggLayTime;
  if (raw === undefined) return { head, data: {} };
  return { head, data: { eggLayTime: typeof raw === 'number' && Number.isFinite(raw) ? Math.trunc(raw) : 0 } };
}
