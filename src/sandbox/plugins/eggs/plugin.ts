// Eggs: every chicken lays one every 5 to 10 minutes of game time (laying.ts), and /summon takes a
// chicken's EggLayTime (summon.ts, read by the commands plugin's summoner), so that a test or a user can have a hen lay on cue.
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidServer } from '../../squid/types.ts';
import { Hens } from './laying.ts';

const byServer = new WeakMap<SquidServer, Hens>();

/** The hens of a server (for tests and inspection). */
export function hensOf(serv: SquidServer): Hens | undefined {
  return byServer.get(serv);
}

export const eggsPlugin: SandboxPlugin = {
  name: 'skillcraft-eggs',
  server(serv, ctx) {
    const hens = new Hens(serv, ctx.options.seed);
    byServer.set(serv, hens);
    // One pass over the mobs a tick for every hen, not a timer each.
    serv.on('tick', () => {
      try {
        hens.tick();
      } catch (err) {
        ctx.log.error({ err }, 'the hens\' laying failed');
      }
    });
  },
};
