import type { SandboxPlugin } from '../../plugin.ts';
import { complete } from './suggest.ts';

interface TabCompleteRequest { transactionId?: number; text: string }

/**
 * Answers `tab_complete` as vanilla does since 1.13: the request's transaction id, the range of the word
 * being completed and `{ match, tooltip }` entries. flying-squid's handler writes the pre-1.13 shape (a
 * list of strings), which the client's encoder rejects, ending the connection; it must not run.
 */
export const completionPlugin: SandboxPlugin = {
  name: 'skillcraft-completion',
  player(player, serv, ctx) {
    // flying-squid's own player plugins (tabComplete.js among them) run after ours; 'asap' follows them all.
    player.once('asap', () => {
      player._client.removeAllListeners('tab_complete');
      player._client.on('tab_complete', (packet: TabCompleteRequest) => reply(packet));
    });
    function reply(packet: TabCompleteRequest): void {
      if (typeof packet.text !== 'string') return;
      let reply = { start: packet.text.length, length: 0, matches: [] as string[] };
      try {
        reply = complete(serv, packet.text);
      } catch (err) {
        // A failing suggestion source must not cost the client its reply (mineflayer waits for one).
        ctx.log.error({ err, text: packet.text }, 'tab completion failed');
      }
      player._client.write('tab_complete', {
        transactionId: packet.transactionId ?? 0,
        start: reply.start,
        length: reply.length,
        matches: reply.matches.map((match) => ({ match })),
      });
    }
  },
};
