// Concrete powder placed touching water sets into concrete at once (ConcretePowderBlock.
// getStateForPlacement): the placement puts the concrete there instead of the powder.
import { createRequire } from 'node:module';
import type { Block } from 'prismarine-block';
import type { Vec3 } from 'vec3';
import { concreteOf, concretePowders, setsIntoConcrete, type WetCell } from '../../../knowledge/interactions.ts';
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';

const require = createRequire(import.meta.url);

interface BlockClass { fromStateId(stateId: number, biome: number): Block }
interface PlaceData { player: SquidPlayer; placedPosition: Vec3 }
type PlaceServer = SquidServer & { onItemPlace(name: string, handler: (d: PlaceData) => { id: number; data: number }): void };

export function registerConcrete(serv: SquidServer): void {
  const registry = serv.registry;
  const BlockCls = (require('prismarine-block') as (r: unknown) => BlockClass)(registry);
  const s = serv as PlaceServer;
  for (const powder of concretePowders(registry)) {
    const powderBlock = registry.blocksByName[powder]!;
    const concrete = registry.blocksByName[concreteOf(registry, powder)!]!;
    if (!registry.itemsByName[powder]) continue;
    s.onItemPlace(powder, ({ player, placedPosition }) => {
      const cell = (pos: Vec3): WetCell => {
        const b = BlockCls.fromStateId(player.world.sync.getBlockStateId(pos), 0);
        return { name: b.name, properties: b.getProperties() };
      };
      const wet = setsIntoConcrete(cell(placedPosition), (dx, dy, dz) => cell(placedPosition.offset(dx, dy, dz)));
      return { id: wet ? concrete.id : powderBlock.id, data: 0 };
    });
  }
}
