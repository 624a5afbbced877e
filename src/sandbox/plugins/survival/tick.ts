// One tick listener for the world's survival rules, in vanilla's order: ServerLevel.tick advances the
// weather, then checks the sleepers, then ticks the entities (a player's air, then its effects).
// Food has its own listener (hunger.ts).
import type { SandboxPlugin } from '../../plugin.ts';
import { bedTick } from '../bed/plugin.ts';
import { breathTick } from './breath.ts';
import { effectsTick } from './effects.ts';
import { weatherTick } from './weather.ts';

export const survivalTickPlugin: SandboxPlugin = {
  name: 'skillcraft-survival-tick',
  server(serv, ctx) {
    serv.on('tick', () => {
      weatherTick(serv);
      bedTick(serv, ctx);
      breathTick(serv);
      effectsTick(serv);
    });
  },
};
