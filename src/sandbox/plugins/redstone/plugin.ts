// Blocks that react to redstone power placed next to them: note blocks and command blocks.
import type { Vec3 } from 'vec3';
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidServer, SquidWorld } from '../../squid/types.ts';
import { whenPluginsReady } from '../presentation/blockEntities.ts';
import { setCommandBlock, updateCommandBlock } from './commandBlocks.ts';
import { hitNoteBlocks, updateNoteBlock } from './noteBlocks.ts';

type UpdateHandler = (world: SquidWorld, block: { position: Vec3 }) => Promise<boolean>;
type UpdateServer = SquidServer & { onBlockUpdate(name: string, handler: UpdateHandler): void };

export const redstonePlugin: SandboxPlugin = {
  name: 'skillcraft-redstone',
  server(serv, ctx) {
    // flying-squid calls a block's handler when the block or a neighbour changes (its block-update queue).
    whenPluginsReady(serv, () => {
      const s = serv as UpdateServer;
      const guard = (what: string, f: (serv: SquidServer, world: SquidWorld, pos: Vec3) => Promise<boolean>): UpdateHandler =>
        async (world, block) => {
          try {
            return await f(serv, world, block.position);
          } catch (err) {
            ctx.log.error({ err }, `${what} update failed`);
            return false;
          }
        };
      s.onBlockUpdate('note_block', guard('note block', updateNoteBlock));
      for (const name of ['command_block', 'chain_command_block', 'repeating_command_block']) s.onBlockUpdate(name, guard('command block', updateCommandBlock));
    });
  },
  player(player, serv, ctx) {
    hitNoteBlocks(serv, player);
    player._client.on('update_command_block', (packet: Parameters<typeof setCommandBlock>[2]) => {
      setCommandBlock(serv, player, packet).catch((err: unknown) => ctx.log.error({ err }, 'command block update failed'));
    });
  },
};
