// Removing a player who left from everyone's player list. Since 1.19.3 player_info has no "remove"
// action (it became a bit set of updates) and vanilla sends player_remove instead; flying-squid still
// writes a player_info "remove_player" flag, which encodes as no action at all, so clients kept the
// player listed and mineflayer never emitted `playerLeft`.
import type { SandboxPlugin } from '../plugin.ts';
import type { SquidPlayer, SquidServer } from '../squid/types.ts';

type LeaveServer = SquidServer & { _sendPlayerEventLeave(player: SquidPlayer): void };

export const playerListPlugin: SandboxPlugin = {
  name: 'skillcraft-player-list',
  player(player, serv) {
    if (!serv.supportFeature('playerInfoActionIsBitfield')) return;
    // flying-squid's login plugin assigns the server-wide function again for every player who connects,
    // so it is replaced after each of those ('asap' fires once every player plugin ran).
    player.once('asap', () => {
      (serv as LeaveServer)._sendPlayerEventLeave = (left: SquidPlayer) => {
        for (const other of serv.players) {
          if (other !== left && !other.disconnected) other._client.write('player_remove', { players: [left.uuid] });
        }
      };
    });
  },
};
