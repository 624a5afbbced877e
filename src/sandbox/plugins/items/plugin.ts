import type { Logger } from 'pino';
import { Vec3 } from 'vec3';
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidEntity, SquidServer, SquidWorld } from '../../squid/types.ts';
import { dropItemEntity, isDroppedItem, removeItemEntity, spawnItemFor } from './entity.ts';
import { stepItem, voidLevel } from './physics.ts';
import { collectItem, collectors } from './pickup.ts';
import { playerInternals, type ItemEntity, type SquidEntityInternals } from './types.ts';

export { dropItemEntity, droppedItemOf, removeItemEntity, tossFromPlayer, type DropOptions, type DropStack } from './entity.ts';
export { collectItem } from './pickup.ts';
export { planInsert } from './stacks.ts';

interface SpawnObjectOptions {
  velocity?: Vec3;
  itemId?: number;
  itemDamage?: number;
  itemCount?: number;
  pickupTime?: number;
  deathTime?: number;
}

/**
 * Routes flying-squid's own item drops (`serv.spawnObject(item…)`, used by its digging and drop
 * handlers) to `dropItemEntity`, so every item entity gets correct metadata, physics and pickup.
 */
function routeSquidDrops(serv: SquidServer): void {
  const itemType = serv.registry.entitiesByName.item?.id;
  const original = serv.spawnObject.bind(serv);
  serv.spawnObject = (type: number, world: SquidWorld, position: Vec3, opts: Record<string, unknown>): SquidEntity => {
    const o = opts as SpawnObjectOptions;
    if (type !== itemType || o.itemId === undefined) return original(type, world, position, opts);
    return dropItemEntity(serv, world, position, { id: o.itemId, count: o.itemCount ?? 1, metadata: o.itemDamage ?? 0 }, {
      velocity: o.velocity,
      pickupDelayMs: o.pickupTime,
      lifetimeMs: o.deathTime,
    });
  };
}

async function tickItem(serv: SquidServer, entity: ItemEntity, now: number): Promise<void> {
  const st = entity.skillcraftItem;
  if (now >= st.despawnAt || entity.position.y < voidLevel(serv)) {
    removeItemEntity(serv, entity);
    return;
  }
  const { position, moved } = await stepItem(serv, entity);
  if (st.gone) return;
  if (moved) await entity.sendPosition(position, st.onGround);
  if (now < st.pickupAt) return;
  for (const player of collectors(serv, entity)) {
    collectItem(serv, player, entity);
    if (st.gone) return;
  }
}

function startItemTicks(serv: SquidServer, log: Logger): void {
  let ticking = false;
  serv.on('tick', () => {
    // A tick that has not finished (async block reads) is not overlapped: the next one catches up.
    if (ticking) return;
    ticking = true;
    const now = Date.now();
    const items = Object.values(serv.entities).filter(isDroppedItem);
    Promise.all(items.map((e) => tickItem(serv, e, now).catch((err: unknown) => {
      log.error({ err, entityId: e.id }, 'item entity tick failed');
    }))).finally(() => { ticking = false; }).catch((err: unknown) => log.error({ err }, 'item tick failed'));
  });
}

export const itemsPlugin: SandboxPlugin = {
  name: 'skillcraft-items',
  server(serv, ctx) {
    routeSquidDrops(serv);
    startItemTicks(serv, ctx.log);
  },
  player(player, serv) {
    // 'asap' runs after every flying-squid player plugin, so these replace its versions.
    player.once('asap', () => {
      const p = playerInternals(player);
      const spawnOther = p.spawnEntity.bind(p);
      p.spawnEntity = (entity: SquidEntityInternals) => {
        if (isDroppedItem(entity)) spawnItemFor(serv, p, entity);
        else spawnOther(entity);
      };
      // flying-squid's collect takes one item per entity into any slot; ours takes the whole stack.
      p.collect = (entity: SquidEntity) => {
        if (isDroppedItem(entity)) collectItem(serv, p, entity);
      };
    });
  },
};
