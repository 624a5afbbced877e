import type { Item } from 'prismarine-item';
import type { Vec3 } from 'vec3';
import type { FurnaceKind } from '../../knowledge/smelting.ts';
import { FurnaceState } from '../furnace/furnaceState.ts';
import type { SquidWorld } from '../squid/types.ts';

/** Contents that live in a block: a chest's or barrel's slots, or a furnace's state. */
export type BlockStore =
  | { kind: 'container'; block: string; world: SquidWorld; pos: Vec3; slots: (Item | null)[] }
  | { kind: 'furnace'; block: FurnaceKind; world: SquidWorld; pos: Vec3; state: FurnaceState<Item> };

export const posKey = (pos: Vec3): string => `${pos.x},${pos.y},${pos.z}`;

/** Every block store of one server, keyed by position, with the sessions viewing each. */
export class BlockStores {
  readonly stores = new Map<string, BlockStore>();
  readonly viewers = new Map<string, Set<{ syncChanges(): void; closeFromServer(): void }>>();
  /** Told when the number of players viewing a store changes (a chest's lid opens and closes with it). */
  onViewerCount?: (store: BlockStore, count: number, previous: number) => void;

  get(pos: Vec3): BlockStore | undefined {
    return this.stores.get(posKey(pos));
  }

  container(world: SquidWorld, pos: Vec3, block: string, size: number): BlockStore & { kind: 'container' } {
    const found = this.stores.get(posKey(pos));
    if (found?.kind === 'container') return found;
    const store = { kind: 'container' as const, block, world, pos, slots: new Array<Item | null>(size).fill(null) };
    this.stores.set(posKey(pos), store);
    return store;
  }

  furnace(world: SquidWorld, pos: Vec3, block: FurnaceKind, make: () => FurnaceState<Item>): BlockStore & { kind: 'furnace' } {
    const found = this.stores.get(posKey(pos));
    if (found?.kind === 'furnace') return found;
    const store = { kind: 'furnace' as const, block, world, pos, state: make() };
    this.stores.set(posKey(pos), store);
    return store;
  }

  /** Everything a store holds, emptied out (the block is gone). */
  takeAll(key: string): Item[] {
    const store = this.stores.get(key);
    this.stores.delete(key);
    if (!store) return [];
    const slots = store.kind === 'container' ? store.slots : store.state.slots;
    return slots.filter((s): s is Item => s !== null);
  }

  addViewer(key: string, v: { syncChanges(): void; closeFromServer(): void }): void {
    const set = this.viewers.get(key) ?? new Set();
    const before = set.size;
    set.add(v);
    this.viewers.set(key, set);
    this.countChanged(key, before);
  }

  removeViewer(key: string, v: { syncChanges(): void; closeFromServer(): void }): void {
    const set = this.viewers.get(key);
    if (!set) return;
    const before = set.size;
    set.delete(v);
    this.countChanged(key, before);
  }

  private countChanged(key: string, before: number): void {
    const store = this.stores.get(key);
    const now = this.viewers.get(key)?.size ?? 0;
    if (store && now !== before) this.onViewerCount?.(store, now, before);
  }

  syncViewers(key: string, except?: unknown): void {
    for (const v of this.viewers.get(key) ?? []) if (v !== except) v.syncChanges();
  }
}
