// prismarine-world writes the chunks changed since its last write every second, and clears its queue
// once the write is done: a block placed while a write is under way queues a chunk that is already in
// the queue, and the clear then drops it, so that change is never saved (measured: the last block a
// player placed before a clean stop was gone after the restart). Here the queue is taken before the
// write, so a change made meanwhile queues its chunk again for the next write.

interface SavingWorld {
  savingQueue: Map<string, { chunkX: number; chunkZ: number }>;
  unloadQueue: Map<string, { chunkX: number; chunkZ: number }>;
  columns: Record<string, unknown>;
  finishedSaving: Promise<unknown>;
  storageProvider: { save(x: number, z: number, column: unknown): Promise<unknown> } | null;
  forceUnloadColumn(key: string, x: number, z: number): void;
  emit(event: string): boolean;
  saveNow(): Promise<void>;
}

export function saveWithoutLosingChanges(world: unknown): void {
  const w = world as SavingWorld;
  if (!w.storageProvider || !(w.savingQueue instanceof Map)) return;
  const storage = w.storageProvider;
  w.saveNow = async function saveNow(this: SavingWorld) {
    if (this.savingQueue.size === 0) return;
    const batch = [...this.savingQueue.entries()];
    this.savingQueue.clear();
    for (const [key, { chunkX, chunkZ }] of batch) this.finishedSaving = Promise.all([this.finishedSaving, storage.save(chunkX, chunkZ, this.columns[key])]);
    await this.finishedSaving;
    for (const [key, { chunkX, chunkZ }] of this.unloadQueue.entries()) this.forceUnloadColumn(key, chunkX, chunkZ);
    this.emit('doneSaving');
  };
}
