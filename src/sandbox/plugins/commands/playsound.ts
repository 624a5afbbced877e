// /playsound as vanilla runs it: per listener, the sound at the position if within earshot, otherwise
// (with a minimum volume) two blocks from the listener in its direction.
import { Vec3 } from 'vec3';
import type { SquidServer } from '../../squid/types.ts';
import { tr } from '../../text.ts';
import { soundId, soundPacket } from '../compatSound.ts';
import { CommandError, coordinate, feedback, originOf, resolvePlayers, words, type CommandContext } from './core.ts';

export const SOUND_SOURCES = ['master', 'music', 'record', 'weather', 'block', 'hostile', 'neutral', 'player', 'ambient', 'voice'];

function float(text: string | undefined, what: string, min: number, max: number, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(text)) throw new CommandError(`Invalid ${what} '${text}'`);
  const n = Number(text);
  if (n < min) throw new CommandError(`${what} must not be less than ${min}, found ${n}`);
  if (n > max) throw new CommandError(`${what} must not be more than ${max}, found ${n}`);
  return n;
}

function playsound(serv: SquidServer, args: string, ctx: CommandContext): void {
  const a = words(args);
  const [soundText, source = 'master', target] = a;
  if (!soundText) throw new CommandError('Usage: /playsound <sound> <source> <targets> [<pos>] [<volume>] [<pitch>] [<minVolume>]');
  if (!SOUND_SOURCES.includes(source)) throw new CommandError(`Unknown sound source '${source}'`);
  const name = soundText.includes(':') ? soundText : `minecraft:${soundText}`;
  const players = target === undefined ? resolvePlayers(serv, ctx, '@s') : resolvePlayers(serv, ctx, target);
  const from = originOf(ctx);
  const at = a.length >= 6 ? new Vec3(coordinate(a[3]!, from?.x, true, 'x'), coordinate(a[4]!, from?.y, false, 'y'), coordinate(a[5]!, from?.z, true, 'z')) : from;
  if (!at) throw new CommandError('A position is required when the console runs /playsound');
  const volume = float(a[6], 'volume', 0, Infinity, 1);
  const pitch = float(a[7], 'pitch', 0, 2, 1);
  const minVolume = float(a[8], 'minVolume', 0, 1, 0);
  // The by-name form cannot be sent on 1.19.3+ (see compatSound.ts); a name the registry lacks is refused.
  const id = soundId(serv, name);
  const byName = !serv.supportFeature('removedNamedSoundEffectPacket');
  if (id === undefined && !byName) throw new CommandError(`Unknown sound '${name}' for this version`);
  const range = Math.pow(volume > 1 ? volume * 16 : 16, 2);
  let heard = 0;
  for (const p of players) {
    if (p.world !== ((ctx.as ?? ctx.player)?.world ?? p.world)) continue;
    const d = at.minus(p.position);
    const dist2 = d.x * d.x + d.y * d.y + d.z * d.z;
    let pos = at;
    let vol = volume;
    if (dist2 > range) {
      if (minVolume <= 0) continue;
      pos = p.position.plus(d.scaled(2 / Math.sqrt(dist2)));
      vol = minVolume;
    }
    if (byName) {
      // Before 1.19.3 vanilla names the sound (named_sound_effect), as /playsound may name any sound.
      p._client.write('named_sound_effect', {
        soundName: name, soundCategory: SOUND_SOURCES.indexOf(source), x: Math.trunc(pos.x * 8), y: Math.trunc(pos.y * 8), z: Math.trunc(pos.z * 8), volume: vol, pitch,
      });
    } else {
      const packet = soundPacket(serv, id!, pos, { soundCategory: source, volume: vol, pitch });
      p._client.write(packet.name, packet.params);
    }
    heard++;
  }
  if (heard === 0) throw new CommandError('The sound is too far away to be heard');
  if (players.length === 1) feedback(serv, ctx, tr('commands.playsound.success.single', name, players[0]!.username));
  else feedback(serv, ctx, tr('commands.playsound.success.multiple', name, players.length));
}

export const PLAYSOUND_COMMANDS = [
  { base: 'playsound', info: 'Plays a sound', usage: '/playsound <sound> <source> <targets> [<pos>] [<volume>] [<pitch>] [<minVolume>]', run: playsound },
];
