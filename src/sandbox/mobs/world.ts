import { createRng } from '../../knowledge/rng.ts';
import type { SquidServer } from '../squid/types.ts';
import type { MobWorld, MobWorldOptions } from './types.ts';

// Salts keep the mob streams apart from the terrain and block-drop streams of the same seed.
const BEHAVIOUR_SALT = 0x6d6f6273; // "mobs"
const LOOT_SALT = 0x6c6f6f74; // "loot"
const FISH_SALT = 0x66697368; // "fish"

const worlds = new WeakMap<SquidServer, MobWorld>();

export function createMobWorld(serv: SquidServer, seed: number, options: MobWorldOptions): MobWorld {
  const mw: MobWorld = {
    serv,
    options,
    mobs: new Set(),
    rng: createRng(seed, BEHAVIOUR_SALT),
    lootRng: createRng(seed, LOOT_SALT),
    fishRng: createRng(seed, FISH_SALT),
    lastSwing: new WeakMap(),
    playerHurt: new WeakMap(),
  };
  worlds.set(serv, mw);
  return mw;
}

/** The mob state of a sandbox server; throws when the mobs plugin is not loaded. */
export function mobWorldOf(serv: SquidServer): MobWorld {
  const mw = worlds.get(serv);
  if (!mw) throw new Error('the mobs plugin is not loaded on this server');
  return mw;
}
