import type { Logger } from 'pino';
import type { Vec3 } from 'vec3';
import type { SandboxPlugin } from '../plugin.ts';
import type { SquidPlayer, SquidServer, SquidWorld } from '../squid/types.ts';
import { internals, type SoundOptions } from './items/types.ts';

// flying-squid still uses some pre-1.9 sound names.
const LEGACY_SOUNDS: Record<string, string> = {
  'random.pop': 'entity.item.pickup',
  'game.player.hurt': 'entity.player.hurt',
  'dig.stone': 'block.stone.place',
  'dig.grass': 'block.grass.place',
  'dig.wood': 'block.wood.place',
  'dig.cloth': 'block.wool.place',
  'dig.gravel': 'block.gravel.place',
  'dig.sand': 'block.sand.place',
  'dig.glass': 'block.glass.place',
};

const CATEGORIES = ['master', 'music', 'record', 'weather', 'block', 'hostile', 'neutral', 'player', 'ambient', 'voice'];

type SoundRegistry = SquidServer['registry'] & { soundsByName?: Record<string, { id: number }> };

export function soundId(serv: SquidServer, name: string): number | undefined {
  const bare = name.replace(/^minecraft:/, '');
  const modern = LEGACY_SOUNDS[bare] ?? (bare.startsWith('note.') ? `block.note_block.${bare.slice(5)}` : bare);
  return (serv.registry as SoundRegistry).soundsByName?.[modern]?.id;
}

function listeners(serv: SquidServer, world: SquidWorld | null, position: Vec3 | null, opts: SoundOptions): SquidPlayer[] {
  const blacklist = opts.blacklist ?? [];
  let players: SquidPlayer[];
  if (opts.whitelist !== undefined) players = Array.isArray(opts.whitelist) ? opts.whitelist : [opts.whitelist];
  else if (world && position) players = internals(serv).getNearby({ world, position, radius: opts.radius ?? 32 });
  else players = [];
  return players.filter((p) => !blacklist.includes(p));
}

/**
 * Builds a sound packet clients can parse. flying-squid's on 1.19.3+ passes the sound by name
 * (`sound: { data }`); minecraft-protocol's registry-holder writer then skips the leading id byte
 * instead of writing 0, leaving whatever the unzeroed packet buffer held (about a third of such
 * packets failed to parse in a measurement). Sounds are sent by registry id instead, which every
 * supported version encodes fully; the pitch goes as the float it has been since 1.10.
 */
export function soundPacket(serv: SquidServer, id: number, at: Vec3, opts: SoundOptions): { name: string; params: Record<string, unknown> } {
  const category = opts.soundCategory ?? 0;
  const common = {
    x: Math.trunc(at.x * 8),
    y: Math.trunc(at.y * 8),
    z: Math.trunc(at.z * 8),
    volume: opts.volume ?? 1,
    pitch: opts.pitch ?? 1,
  };
  if (serv.supportFeature('removedNamedSoundEffectPacket')) {
    const soundCategory = typeof category === 'number' ? (CATEGORIES[category] ?? 'master') : category;
    return { name: 'sound_effect', params: { sound: { soundId: id }, soundCategory, ...common, seed: 0n } };
  }
  const soundCategory = typeof category === 'number' ? category : Math.max(0, CATEGORIES.indexOf(category));
  return { name: 'sound_effect', params: { soundId: id, soundCategory, ...common } };
}

export function installSounds(serv: SquidServer, log: Logger): void {
  const s = internals(serv);
  const unknown = new Set<string>();
  const play = (id: number, world: SquidWorld | null, position: Vec3 | null, opts: SoundOptions = {}) => {
    for (const player of listeners(serv, world, position, opts)) {
      const { name, params } = soundPacket(serv, id, position ?? player.position, opts);
      player._client.write(name, params);
    }
  };
  s.playSoundId = play;
  s.playSound = (sound, world, position, opts) => {
    const id = soundId(serv, sound);
    if (id !== undefined) {
      play(id, world, position, opts);
      return;
    }
    // A name this version's registry lacks cannot be sent by id, and the by-name form is the one
    // that does not encode correctly (see soundPacket): such a sound is skipped, logged once.
    if (!unknown.has(sound)) log.debug({ sound }, 'sound not in this version\'s registry; not sent');
    unknown.add(sound);
  };
}

export const compatSoundPlugin: SandboxPlugin = {
  name: 'skillcraft-compat-sound',
  server(serv, ctx) {
    installSounds(serv, ctx.log);
  },
};
