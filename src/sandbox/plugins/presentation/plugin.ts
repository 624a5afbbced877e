// What the client shows besides the world (the player list, scoreboards and teams, boss bars, signs)
// and the blocks that answer redstone (note and command blocks). One entry in the plugin list.
import type { SandboxPlugin } from '../../plugin.ts';
import { tabListPlugin } from './tabList.ts';
import { bossBarsPlugin } from './bossBars.ts';
import { scoreboardPlugin } from './scoreboard.ts';
import { signsPlugin } from './signs.ts';
import { redstonePlugin } from '../redstone/plugin.ts';

const PARTS: readonly SandboxPlugin[] = [tabListPlugin, bossBarsPlugin, scoreboardPlugin, signsPlugin, redstonePlugin];

export const presentationPlugin: SandboxPlugin = {
  name: 'skillcraft-presentation',
  server(serv, ctx) {
    for (const part of PARTS) part.server?.(serv, ctx);
  },
  player(player, serv, ctx) {
    for (const part of PARTS) part.player?.(player, serv, ctx);
  },
};
