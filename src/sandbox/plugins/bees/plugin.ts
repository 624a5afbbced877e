// Bee nests and beehives: the bees fill them over the game's ticks (hives.ts) and a full one gives
// honeycomb to shears and honey to a glass bottle (harvest.ts).
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidServer } from '../../squid/types.ts';
import { isNight } from '../../mobs/spawning.ts';
import { isRaining, weatherOf } from '../survival/weather.ts';
import { registerHarvests } from './harvest.ts';
import { FILL_EVERY_TICKS, Hives } from './hives.ts';

const byServer = new WeakMap<SquidServer, Hives>();

/** The nests a server's bees are filling (for tests and inspection). */
export function hivesOf(serv: SquidServer): Hives | undefined {
  return byServer.get(serv);
}

export const beesPlugin: SandboxPlugin = {
  name: 'skillcraft-bees',
  server(serv, ctx) {
    registerHarvests(serv, ctx.log);
    const hives = new Hives(serv, ctx.options.seed);
    byServer.set(serv, hives);
    hives.attach();
    let busy = false;
    serv.on('tick', () => {
      if (serv.tickCount % FILL_EVERY_TICKS !== 0 || busy || !hives.attach()) return;
      // Bees stay in their nests by night and in the rain (Bee.wantsToEnterHive).
      if (isNight(serv.time) || isRaining(weatherOf(serv))) return;
      busy = true;
      hives.work(FILL_EVERY_TICKS)
        .catch((err: unknown) => ctx.log.error({ err }, 'filling the bee nests failed'))
        .finally(() => { busy = false; });
    });
  },
};
