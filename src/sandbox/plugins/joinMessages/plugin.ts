// "digger joined the game" as vanilla sends it: a yellow translatable system message whose argument is
// the player's display name (insertion, a /tell suggestion, an entity tooltip). flying-squid broadcasts
// plain coloured text, which clients and bots cannot tell from any other message (mineflayer's own
// example tests find a newly joined bot by `translate` and the name's `insertion`).
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { plainText, sendText, styled, tr, type Text } from '../../text.ts';

/** flying-squid's texts for both events (`&e` is its yellow). */
const FLYING_SQUID_TEXT = /^&e(\S+) (joined|left) the game\.$/;
const KEYS = { joined: 'multiplayer.player.joined', left: 'multiplayer.player.left' } as const;

type Broadcast = (message: unknown, opts?: { whitelist?: unknown; blacklist?: SquidPlayer[]; system?: boolean }) => void;

/** A player's name as vanilla decorates it in chat (Player.getDisplayName). */
export function playerName(player: SquidPlayer): Text {
  const name = player.username;
  const component = {
    text: name,
    insertion: name,
    clickEvent: { action: 'suggest_command', value: `/tell ${name} ` },
    hoverEvent: { action: 'show_entity', contents: { type: 'minecraft:player', id: player.uuid ?? '', name: { text: name } } },
  };
  // toNbt and JSON.stringify carry the click and hover events through, though Text does not name them.
  return component;
}

export const joinMessagesPlugin: SandboxPlugin = {
  name: 'skillcraft-join-messages',
  server(serv: SquidServer, ctx) {
    const s = serv as SquidServer & { broadcast: Broadcast };
    const original = s.broadcast.bind(s);
    s.broadcast = (message, opts) => {
      const m = typeof message === 'string' ? FLYING_SQUID_TEXT.exec(message) : null;
      const player = m ? serv.players.find((p) => p.username === m[1]) : undefined;
      if (!m || !player) { original(message, opts); return; }
      const text = styled(tr(KEYS[m[2] as 'joined' | 'left'], playerName(player)), { color: 'yellow' });
      ctx.log.info(plainText(serv, text));
      // The one leaving is no longer in vanilla's player list when the message goes out.
      for (const p of serv.players) if (!p.disconnected && !(m[2] === 'left' && p === player)) sendText(serv, p, text);
    };
  },
};
