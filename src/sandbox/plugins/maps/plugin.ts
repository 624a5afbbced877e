// An empty map used (use_item) as vanilla's EmptyMapItem.use: a new map of scale 0 centred where the player
// stands, with the world's next map id; in survival one empty map is used up and the filled one takes its
// place when it was the last, or goes into the inventory (dropped when full); in creative both are kept.
// The map's picture (map_data packets as the holder explores) is not drawn: the item and its id are.
import { createRequire } from 'node:module';
import type { Item } from 'prismarine-item';
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidServer } from '../../squid/types.ts';
import { handSlot, itemIn } from '../../mobs/hands.ts';
import { setComponent } from '../items/components.ts';
import { itemClass } from '../items/entity.ts';
import { internals } from '../items/types.ts';
import { addOrDrop, fillHeld } from '../interactions/held.ts';

const require = createRequire(import.meta.url);
const nbt = require('prismarine-nbt') as { comp(v: Record<string, unknown>, name?: string): object; int(v: number): unknown };

/** A filled map with its id: the `map` tag before 1.20.5, the map_id component after. */
export function filledMap(serv: SquidServer, mapId: number): Item {
  const Cls = itemClass(serv.registry);
  const id = serv.registry.itemsByName.filled_map!.id;
  if (!serv.supportFeature('itemsWithComponents')) return new Cls(id, 1, 0, nbt.comp({ map: nbt.int(mapId) }, ''));
  return setComponent(new Cls(id, 1), 'map_id', mapId);
}

/** Each server's next map id (vanilla's idcounts), for the server's run. */
const mapIds = new WeakMap<SquidServer, { next: number }>();

export const mapsPlugin: SandboxPlugin = {
  name: 'skillcraft-maps',
  server(serv) {
    mapIds.set(serv, { next: 0 });
  },
  player(player, serv, ctx) {
    player._client.on('use_item', ({ hand = 0 }: { hand?: number }) => {
      try {
        const slot = handSlot(player, hand);
        if (itemIn(player, slot)?.name !== 'map' || player.gameMode === 3) return;
        const ids = mapIds.get(serv);
        if (!ids) throw new Error('the maps plugin has no server side');
        const map = filledMap(serv, ids.next++);
        if (player.gameMode === 1) addOrDrop(serv, player, map);
        else fillHeld(serv, player, slot, map);
        internals(serv).playSound('ui.cartography_table.take_result', player.world, player.position, { volume: 1, pitch: 1, soundCategory: 'player' });
      } catch (err) {
        ctx.log.error({ err, player: player.username }, 'filling a map failed');
      }
    });
  },
};
