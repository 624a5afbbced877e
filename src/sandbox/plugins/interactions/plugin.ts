// Using an item on a block as vanilla does it (the facts are src/knowledge/interactions.ts): an axe strips
// a log and shears carve a pumpkin on use_item_on (tools.ts), an empty bucket or a glass bottle takes from
// the fluid the eyes look at on use_item (containers.ts), concrete powder placed touching water sets
// (concrete.ts). Mobs have their own (src/sandbox/mobs/interact.ts: milking, shearing sheep).
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidServer } from '../../squid/types.ts';
import { registerConcrete } from './concrete.ts';
import { containerUses, type UseItemPacket } from './containers.ts';
import { trackLook } from './look.ts';
import { FluidTicks } from './refill.ts';
import { registerToolUses } from './tools.ts';

type UseHandler = ReturnType<typeof containerUses>;
const handlers = new WeakMap<SquidServer, UseHandler>();

export const interactionsPlugin: SandboxPlugin = {
  name: 'skillcraft-interactions',
  server(serv, ctx) {
    registerToolUses(serv, ctx.log);
    registerConcrete(serv);
    const refill = new FluidTicks(serv);
    handlers.set(serv, containerUses(serv, refill));
    serv.on('tick', () => {
      refill.tick().catch((err: unknown) => ctx.log.error({ err }, 'a fluid tick failed'));
    });
  },
  player(player, serv, ctx) {
    trackLook(player);
    const use = handlers.get(serv);
    if (!use) throw new Error('the interactions plugin has no server side');
    player._client.on('use_item', (packet: UseItemPacket) => {
      use(player, packet).catch((err: unknown) => ctx.log.error({ err }, 'using a container failed'));
    });
  },
};
