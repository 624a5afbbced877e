import { createRequire } from 'node:module';
import type { Item } from 'prismarine-item';
import type { Block } from 'prismarine-block';
import { Vec3 } from 'vec3';
import { cookTicks, fuelTicks, smeltRecipeFor, type FurnaceKind } from '../../../knowledge/smelting.ts';
import { RecipeIndex, type RawRecipe } from '../../crafting/recipeIndex.ts';
import { FurnaceState } from '../../furnace/furnaceState.ts';
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidPlayer, SquidServer, SquidWorld } from '../../squid/types.ts';
import { BlockStores } from '../../windows/blockStores.ts';
import { itemOps } from '../../windows/itemOps.ts';
import type { ItemFacts } from '../../windows/layouts.ts';
import { sameKind } from '../../windows/stack.ts';
import { dropItemEntity, itemClass } from '../items/entity.ts';
import { attachPlayerWindows, type PlayerWindows } from './player.ts';
import { chestState, partnerPosition } from '../chests/plugin.ts';
import { containerViewers } from '../chests/lid.ts';

const require = createRequire(import.meta.url);
const FURNACES: readonly FurnaceKind[] = ['furnace', 'smoker', 'blast_furnace'];
const CONTAINERS = ['chest', 'trapped_chest', 'barrel'];
/** Vanilla closes a container screen when the player is farther than 8 blocks from it. */
const MAX_VIEW_DISTANCE = 8;

type BlockCtor = { fromProperties(name: string, props: Record<string, unknown>, biome: number): Block };

const storesByServer = new WeakMap<SquidServer, BlockStores>();
const windowsByPlayer = new WeakMap<SquidPlayer, PlayerWindows>();

/** A player's windows, for plugins that open their own menus. */
export function playerWindowsOf(player: SquidPlayer): PlayerWindows | undefined {
  return windowsByPlayer.get(player);
}

/** The chests' and furnaces' contents of a sandbox server (read by tests and observers). */
export function blockStoresOf(serv: SquidServer): BlockStores | undefined {
  return storesByServer.get(serv);
}

/** Crafting tables, furnaces, chests and the player's own 2x2 grid, through the real window protocol. */
export const windowsPlugin: SandboxPlugin = {
  name: 'skillcraft-windows',
  server(serv, ctx) {
    const registry = serv.registry;
    const ItemClass = itemClass(registry);
    const ops = itemOps(ItemClass);
    const BlockClass = (require('prismarine-block') as (r: unknown) => BlockCtor)(registry);
    const nameOf = (id: number) => registry.items[id]?.name ?? 'unknown';
    const recipes = new RecipeIndex(registry.recipes as unknown as Record<string, RawRecipe[]>, nameOf);
    const stores = new BlockStores();
    storesByServer.set(serv, stores);
    const players = new Map<SquidPlayer, PlayerWindows>();

    const resultOf = (kind: FurnaceKind) => (input: Item) => {
      const r = smeltRecipeFor(nameOf(input.type), kind);
      const id = r ? registry.itemsByName[r.output]?.id : undefined;
      return id === undefined ? undefined : ops.make(id, 1);
    };
    const facts = (kind: FurnaceKind): ItemFacts<Item> => ({
      armorSlot: (item) => armorSlotOf(nameOf(item.type)),
      isFuel: (item) => fuelTicks(nameOf(item.type)) > 0,
      isSmeltable: (item) => resultOf(kind)(item) !== undefined,
    });
    const makeFurnace = (kind: FurnaceKind) => new FurnaceState<Item>({
      resultOf: resultOf(kind),
      fuelTicks: (f) => fuelTicks(nameOf(f.type)),
      fuelRemainder: (f) => (nameOf(f.type) === 'lava_bucket' ? ops.make(registry.itemsByName.bucket!.id, 1) : null),
      withCount: ops.withCount,
      sameKind,
      cookTicks: cookTicks(kind),
    });

    const deps = {
      stores,
      facts,
      log: ctx.log,
      grid: { recipes, make: ops.make, idOf: (n: string) => registry.itemsByName[n]?.id, nameOf, withCount: ops.withCount },
    };
    serv.on('newPlayer', (player: SquidPlayer) => {
      const pw = attachPlayerWindows(player, serv, deps);
      players.set(player, pw);
      windowsByPlayer.set(player, pw);
      player.once('disconnected', () => {
        players.get(player)?.closeFromServer();
        players.delete(player);
      });
    });

    const interact = (open: (pw: PlayerWindows, block: Block & { position: Vec3 }, player: SquidPlayer) => void) =>
      ({ block, player }: { block: Block & { position: Vec3 }; player: SquidPlayer & { crouching?: boolean } }) => {
        const held = player.inventory.slots[36 + player.heldItemSlot];
        if (player.crouching && held) return false; // sneaking with an item places it instead
        const pw = players.get(player);
        if (!pw) return false;
        open(pw, block, player);
        return true;
      };
    const s = serv as SquidServer & { onBlockInteraction(name: string, h: (d: never) => unknown): void };
    s.onBlockInteraction('crafting_table', interact((pw) => pw.openCrafting()));
    for (const kind of FURNACES) {
      s.onBlockInteraction(kind, interact((pw, block, player) => pw.openStore(stores.furnace(player.world, block.position, kind, () => makeFurnace(kind)))));
    }
    for (const name of CONTAINERS) {
      s.onBlockInteraction(name, interact((pw, block, player) => {
        openContainer(pw, block, player.world, name).catch((err: unknown) => ctx.log.error({ err }, 'container not opened'));
      }));
    }
    stores.onViewerCount = containerViewers(serv, (err) => ctx.log.error({ err }, 'container viewers not shown'));

    /** A barrel, a chest, or both halves of a double chest (the right half's slots first, as vanilla's). */
    async function openContainer(pw: PlayerWindows, block: Block & { position: Vec3 }, world: SquidWorld, name: string): Promise<void> {
      const here = stores.container(world, block.position, name, 27);
      const state = chestState(block, name);
      if (!state) { pw.openStore(here); return; }
      const partnerAt = partnerPosition(block.position, state);
      const partner = partnerAt && chestState(await world.getBlock(partnerAt), name);
      const paired = partnerAt && partner && partner.facing === state.facing && partner.type !== 'single' && partner.type !== state.type;
      // ChestBlock.isChestBlockedAt: a solid block on top keeps the lid (either lid of a double chest) shut.
      if (await blockedAbove(world, block.position) || (paired && await blockedAbove(world, partnerAt))) return;
      if (!paired) { pw.openStore(here); return; }
      const other = stores.container(world, partnerAt, name, 27);
      if (state.type === 'right') pw.openStore(here, other);
      else pw.openStore(other, here);
    }

    async function blockedAbove(world: SquidWorld, pos: Vec3): Promise<boolean> {
      const above = await world.getBlock(pos.offset(0, 1, 0));
      const full = above.shapes.length === 1 && above.shapes[0]!.join() === '0,0,0,1,1,1';
      return full && !above.transparent;
    }

    let tick = 0;
    let carry = 0;
    serv.on('tick', () => {
      tick++;
      carry += ctx.options.smeltSpeed;
      const steps = Math.floor(carry);
      carry -= steps;
      for (const [key, store] of stores.stores) {
        if (store.kind !== 'furnace') continue;
        if (store.state.active) {
          const wasLit = store.state.lit;
          let changed = false;
          for (let i = 0; i < steps; i++) changed = store.state.tick() || changed;
          if (changed) stores.syncViewers(key);
          if (wasLit !== store.state.lit) setLit(store.pos, store.state.lit, store.world).catch((err: unknown) => ctx.log.error({ err }, 'furnace lit state not updated'));
        }
        // Idle furnaces too: a viewer that just opened one gets the properties it missed (see furnaceProperties).
        for (const v of stores.viewers.get(key) ?? []) (v as PlayerWindows).furnaceProperties(store.state.properties());
      }
      if (tick % 5 === 0) checkBlocks().catch((err: unknown) => ctx.log.error({ err }, 'container check failed'));
    });

    async function setLit(pos: Vec3, lit: boolean, world: typeof serv.overworld): Promise<void> {
      const block = await world.getBlock(pos);
      if (!FURNACES.includes(block.name as FurnaceKind)) return;
      const state = BlockClass.fromProperties(block.name, { ...block.getProperties(), lit }, 0).stateId;
      if (state !== undefined && state !== block.stateId) await serv.setBlock(world, pos, state);
    }

    /** A container whose block is gone (dug, replaced) spills its contents; viewers too far away are closed. */
    async function checkBlocks(): Promise<void> {
      for (const [key, store] of [...stores.stores]) {
        const block = await store.world.getBlock(store.pos);
        if (block.name === store.block) continue;
        for (const v of [...(stores.viewers.get(key) ?? [])]) v.closeFromServer();
        for (const item of stores.takeAll(key)) {
          dropItemEntity(serv, store.world, store.pos.offset(0.5, 0.5, 0.5), item, { velocity: new Vec3(0, 2, 0) });
        }
      }
      for (const [player, pw] of players) {
        const key = pw.openKeys()[0];
        const store = key ? stores.stores.get(key) : undefined;
        if (store && player.position.distanceTo(store.pos.offset(0.5, 0.5, 0.5)) > MAX_VIEW_DISTANCE) pw.closeFromServer();
      }
    }
  },
};

function armorSlotOf(name: string): 5 | 6 | 7 | 8 | 45 | undefined {
  if (/_helmet$|^carved_pumpkin$|_head$|_skull$/.test(name)) return 5;
  if (/_chestplate$|^elytra$/.test(name)) return 6;
  if (/_leggings$/.test(name)) return 7;
  if (/_boots$/.test(name)) return 8;
  if (name === 'shield') return 45;
  return undefined;
}
