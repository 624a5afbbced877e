// Vanilla survival digging, replacing flying-squid's: dig time enforced against the held tool,
// harvest-tool drops from the knowledge tables with a seeded RNG, tool wear, 1.19+ acknowledgements.
import { performance } from 'node:perf_hooks';
import { Vec3 } from 'vec3';
import { createRng, type Rng } from '../../../knowledge/index.ts';
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidServer } from '../../squid/types.ts';
import { createDigController, type DigRequest } from './session.ts';
import { dropHeldItem, swapHands } from './hands.ts';

/** Salt for the drop RNG, so it does not replay the world generator's stream for the same seed. */
const DROP_RNG_SALT = 0x64726f70;

interface BlockDigPacket {
  status: number;
  location: { x: number; y: number; z: number };
  face: number;
  sequence?: number;
}

// One RNG per server, shared by its players: a run with the same seed and actions drops the same.
const rngs = new WeakMap<SquidServer, Rng>();

export const diggingPlugin: SandboxPlugin = {
  name: 'skillcraft-digging',
  server(serv, ctx) {
    rngs.set(serv, createRng(ctx.options.seed, DROP_RNG_SALT));
  },
  player(player, serv, ctx) {
    const rng = rngs.get(serv);
    if (!rng) throw new Error('digging plugin: server hook did not run');
    // flying-squid's digging.js (the only block_dig listener it has, loaded before external
    // plugins) drops loot without a tool check and accepts instant digs; it must not also run.
    const stock = player._client.listeners('block_dig');
    if (stock.length !== 1) ctx.log.warn({ count: stock.length }, 'expected exactly one stock block_dig listener');
    for (const listener of stock) player._client.removeListener('block_dig', listener as (...args: unknown[]) => void);

    const digs = createDigController(serv, player, rng, ctx.log);
    // Packets are handled one at a time: a finish must never overtake the start it belongs to.
    let queue: Promise<void> = Promise.resolve();

    async function handle(packet: BlockDigPacket, receivedAt: number): Promise<void> {
      const { status } = packet;
      if (status === 3 || status === 4) return dropHeldItem(serv, player, status === 3);
      if (status === 6) return swapHands(player);
      if (status > 2) return; // 5: release use item (bows, food) is not digging.
      const req: DigRequest = {
        pos: new Vec3(packet.location.x, packet.location.y, packet.location.z),
        face: packet.face,
        sequence: packet.sequence,
        receivedAt,
      };
      try {
        if (status === 0) await digs.start(req);
        else if (status === 1) digs.cancel(req);
        else await digs.finish(req);
      } catch (err) {
        ctx.log.error({ err, player: player.username, status, pos: req.pos.toString() }, 'dig failed; resending the block');
        await digs.restore(req);
      }
    }

    player._client.on('block_dig', (packet: BlockDigPacket) => {
      const receivedAt = performance.now();
      queue = queue
        .then(() => handle(packet, receivedAt))
        .catch((err: unknown) => ctx.log.error({ err, player: player.username }, 'block_dig handling failed'));
    });
    player.once('disconnected', () => digs.dispose());
  },
};
