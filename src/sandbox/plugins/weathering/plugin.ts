// Copper weathering: copper blocks in loaded chunks age by vanilla's rule at the pace the
// `randomTickSpeed` gamerule sets (copper.ts).
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidServer } from '../../squid/types.ts';
import { Prng, subSeed } from '../../worldgen/random.ts';
import { getGameRule } from '../commands/time.ts';
import { WeatheringCopper } from './copper.ts';

/** Game ticks between passes: a few, so a raised randomTickSpeed is not lumped into whole seconds. */
export const WEATHER_EVERY_TICKS = 4;

const byServer = new WeakMap<SquidServer, WeatheringCopper>();

/** The copper a server is weathering (for tests and inspection). */
export function copperOf(serv: SquidServer): WeatheringCopper | undefined {
  return byServer.get(serv);
}

export const weatheringPlugin: SandboxPlugin = {
  name: 'skillcraft-weathering',
  server(serv, ctx) {
    const prng = new Prng(subSeed(ctx.options.seed, 0xc0ffe));
    const copper = new WeatheringCopper(serv, () => prng.next());
    byServer.set(serv, copper);
    copper.attach();
    let busy = false;
    serv.on('tick', () => {
      if (serv.tickCount % WEATHER_EVERY_TICKS !== 0 || busy || !copper.attach() || copper.size === 0) return;
      const speed = getGameRule(serv, 'randomTickSpeed');
      busy = true;
      copper.tick(WEATHER_EVERY_TICKS, typeof speed === 'number' ? speed : 0)
        .catch((err: unknown) => ctx.log.error({ err }, 'weathering the copper failed'))
        .finally(() => { busy = false; });
    });
  },
};
