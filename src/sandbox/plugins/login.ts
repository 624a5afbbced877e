// The login packet as vanilla writes it. On 1.20.5+ flying-squid spreads minecraft-data's sample login
// packet, whose nested world state says "survival" whatever the player's mode, so a creative player
// believed itself in survival until its mode changed again. A superflat world says so (the client's
// horizon).
import type { SandboxPlugin } from '../plugin.ts';
import { GAME_MODES } from '../gameModes.ts';

interface LoginData { worldState?: Record<string, unknown>; isFlat?: boolean }

export const loginPlugin: SandboxPlugin = {
  name: 'skillcraft-login',
  player(player, _serv, ctx) {
    const isFlat = ctx.options.preset === 'flat';
    const client = player._client as unknown as { write(name: string, data: unknown): void };
    const write = client.write.bind(client);
    client.write = (name, data) => {
      if (name === 'login') {
        const d = data as LoginData;
        if (d.worldState) d.worldState = { ...d.worldState, gamemode: GAME_MODES[player.gameMode] ?? 'survival', previousGamemode: 255, isFlat };
        else d.isFlat = isFlat;
      }
      write(name, data);
    };
  },
};
