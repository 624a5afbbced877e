// The player list (tab list) as vanilla keeps it. flying-squid sends the joining player's list to the
// *other* players only (`toPlayer._writeOthers`), so a client never learns about itself (mineflayer's
// `bot.player` stays undefined, `bot.players[bot.username]` is missing) and learns about the others
// only when someone else joins. Since 1.19.3 player_info has no "remove" action (it became a bit set
// of updates) and vanilla sends player_remove; flying-squid's "remove_player" flag encodes as no action,
// so clients kept a player who left listed and mineflayer never emitted `playerLeft`.
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';

interface ListedPlayer extends SquidPlayer {
  uuid: string;
  profileProperties?: { name: string; value: string; signature?: string }[];
}

interface TabListServer extends SquidServer {
  _sendPlayerList(joined: SquidPlayer): void;
  _sendPlayerEventLeave(left: SquidPlayer): void;
}

function latency(p: SquidPlayer): number {
  return (p._client as unknown as { latency?: number }).latency ?? 0;
}

/** A `player_info` packet adding these players, with every field vanilla sends on join. */
export function addPlayersPacket(serv: SquidServer, players: SquidPlayer[]): Record<string, unknown> {
  const listed = players as ListedPlayer[];
  if (!serv.supportFeature('playerInfoActionIsBitfield')) {
    return {
      action: 'add_player',
      data: listed.map((p) => ({ uuid: p.uuid, name: p.username, properties: p.profileProperties ?? [], gamemode: p.gameMode, ping: latency(p), displayName: undefined })),
    };
  }
  return {
    // initialize_chat is left out: offline-mode players have no chat session (vanilla sends it empty).
    action: { add_player: true, update_game_mode: true, update_listed: true, update_latency: true, update_display_name: true },
    data: listed.map((p) => ({
      uuid: p.uuid,
      player: { name: p.username, properties: p.profileProperties ?? [] },
      gamemode: p.gameMode,
      listed: 1,
      latency: latency(p),
      displayName: undefined,
    })),
  };
}

function install(serv: TabListServer): void {
  serv._sendPlayerList = (joined) => {
    const online = serv.players.filter((p) => !p.disconnected);
    joined._client.write('player_info', addPlayersPacket(serv, online));
    const entry = addPlayersPacket(serv, [joined]);
    for (const p of online) if (p !== joined) p._client.write('player_info', entry);
  };
  if (!serv.supportFeature('playerInfoActionIsBitfield')) return;
  serv._sendPlayerEventLeave = (left) => {
    for (const other of serv.players) if (other !== left && !other.disconnected) other._client.write('player_remove', { players: [(left as ListedPlayer).uuid] });
  };
}

export const tabListPlugin: SandboxPlugin = {
  name: 'skillcraft-tab-list',
  player(player, serv) {
    // flying-squid's login plugin (re)defines these for every connecting player, after our hook ran;
    // 'asap' comes after it and before the login sequence that calls them.
    player.once('asap', () => install(serv as TabListServer));
  },
};
