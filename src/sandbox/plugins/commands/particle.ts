// /particle as vanilla parses and sends it. flying-squid's takes a numeric id and always sends a bubble.
import { createRequire } from 'node:module';
import { Vec3 } from 'vec3';
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { tr } from '../../text.ts';
import { CommandError, coordinate, feedback, originOf, resolvePlayers, words, type CommandContext } from './core.ts';

const require = createRequire(import.meta.url);
type BlockClass = { fromString(text: string, biome: number): { stateId: number } };

/** Particles whose options are a block state (the others handled here have none, or a colour). */
const BLOCK_PARTICLES = ['block', 'block_marker', 'falling_dust', 'dust_pillar', 'block_crumble'];

const UNSUPPORTED_OPTIONS = ['item', 'vibration', 'dust_color_transition', 'sculk_charge', 'shriek', 'trail'];

interface ParticleOptions { block?: number; dust?: { red: number; green: number; blue: number; scale: number } }

function blockStateId(serv: SquidServer, text: string): number {
  const cls = (require('prismarine-block') as (r: unknown) => BlockClass)(serv.registry);
  try {
    return cls.fromString(text.includes(':') ? text : `minecraft:${text}`, 0).stateId;
  } catch {
    throw new CommandError(`Unknown block type '${text.replace(/\[.*$/, '')}'`);
  }
}

function num(text: string | undefined, what: string): number {
  if (text === undefined || !/^-?(\d+\.?\d*|\.\d+)$/.test(text)) throw new CommandError(`Invalid ${what} '${text ?? ''}'`);
  return Number(text);
}

/**
 * The particle and its options, consuming the words they take: before 1.20.5 options follow the name
 * (`block stone`, `dust 1 0 0 1`); since, they are SNBT after it (`block{block_state:"stone"}`).
 */
function parseParticle(serv: SquidServer, a: string[]): { id: number; name: string; options: ParticleOptions; used: number } {
  const [head = ''] = a;
  const brace = head.indexOf('{');
  const particle = particleByName(serv, brace < 0 ? head : head.slice(0, brace));
  const snbt = brace < 0 ? '' : head.slice(brace);
  const options: ParticleOptions = {};
  let used = 1;
  if (BLOCK_PARTICLES.includes(particle.name)) {
    const state = serv.supportFeature('updatedParticlesPacket') ? /(?:block_state:|Name:)"?([a-z0-9_:]+)"?/.exec(snbt)?.[1] : a[used++];
    if (!state) throw new CommandError(`Particle minecraft:${particle.name} needs a block state`);
    options.block = blockStateId(serv, state);
  } else if (particle.name === 'dust') {
    if (serv.supportFeature('updatedParticlesPacket')) {
      const color = /color:\[([^\]]*)\]/.exec(snbt)?.[1]?.split(',').map((c) => num(c.trim().replace(/[fd]$/, ''), 'color'));
      const scale = /scale:(-?[\d.]+)/.exec(snbt)?.[1];
      if (!color || color.length !== 3) throw new CommandError('Particle minecraft:dust needs {color:[r,g,b],scale:s}');
      options.dust = { red: color[0]!, green: color[1]!, blue: color[2]!, scale: scale === undefined ? 1 : Number(scale) };
    } else {
      options.dust = { red: num(a[1], 'red'), green: num(a[2], 'green'), blue: num(a[3], 'blue'), scale: num(a[4], 'scale') };
      used += 4;
    }
  } else if (snbt || UNSUPPORTED_OPTIONS.includes(particle.name) || (particle.name === 'entity_effect' && serv.supportFeature('updatedParticlesPacket'))) {
    // These need options (an item, a destination, a colour…) that this server does not parse.
    throw new CommandError(`Options for particle minecraft:${particle.name} are not supported`);
  }
  return { ...particle, options, used };
}

function particleData(serv: SquidServer, o: ParticleOptions): unknown {
  if (o.block !== undefined) return serv.supportFeature('updatedParticlesPacket') ? o.block : { blockState: o.block };
  if (o.dust) {
    const d = o.dust;
    // 1.21.2+ packs the colour into one RGB int.
    if (serv.registry.version['>=']('1.21.2')) return { color: (Math.round(d.red * 255) << 16) | (Math.round(d.green * 255) << 8) | Math.round(d.blue * 255), scale: d.scale };
    return d;
  }
  return undefined;
}

/** A world_particles packet in this version's shape (the particle by id before 1.20.5, by name since). */
export function particlePacket(
  serv: SquidServer, particle: { id: number; name: string; options?: ParticleOptions }, pos: Vec3, delta: Vec3, speed: number, count: number, force = false,
): Record<string, unknown> {
  const data = particleData(serv, particle.options ?? {});
  const common = { longDistance: force, x: pos.x, y: pos.y, z: pos.z, offsetX: delta.x, offsetY: delta.y, offsetZ: delta.z };
  return serv.supportFeature('updatedParticlesPacket')
    ? { ...common, alwaysShow: false, velocityOffset: speed, amount: count, particle: { type: particle.name, data } }
    : { ...common, particleId: particle.id, particleData: speed, particles: count, data };
}

/** A particle type of this version by name (with or without "minecraft:"). */
export function particleByName(serv: SquidServer, text: string): { id: number; name: string } {
  const name = text.replace(/^minecraft:/, '');
  const particles = (serv.registry as unknown as { particlesByName?: Record<string, { id: number; name: string }> }).particlesByName ?? {};
  const p = particles[name];
  if (!p) throw new CommandError(`Unknown particle: minecraft:${name}`);
  return p;
}

function particle(serv: SquidServer, args: string, ctx: CommandContext): void {
  const a = words(args);
  if (a.length === 0) throw new CommandError('Usage: /particle <name> [<pos>] [<delta> <speed> <count> [force|normal] [<viewers>]]');
  const p = parseParticle(serv, a);
  const rest = a.slice(p.used);
  const from = originOf(ctx);
  const pos = rest.length >= 3
    ? new Vec3(coordinate(rest[0]!, from?.x, true, 'x'), coordinate(rest[1]!, from?.y, false, 'y'), coordinate(rest[2]!, from?.z, true, 'z'))
    : from;
  if (!pos) throw new CommandError('A position is required when the console runs /particle');
  const delta = rest.length >= 6 ? new Vec3(num(rest[3], 'delta'), num(rest[4], 'delta'), num(rest[5], 'delta')) : new Vec3(0, 0, 0);
  const speed = rest.length >= 7 ? num(rest[6], 'speed') : 0;
  const count = rest.length >= 8 ? num(rest[7], 'count') : 0;
  if (speed < 0 || count < 0 || !Number.isInteger(count)) throw new CommandError('Speed and count must not be negative; count is a whole number');
  const mode = rest[8] ?? 'normal';
  if (mode !== 'force' && mode !== 'normal') throw new CommandError(`Unknown particle mode '${mode}'`);
  const force = mode === 'force';
  const world = (ctx.as ?? ctx.player)?.world ?? serv.overworld;
  const candidates: SquidPlayer[] = rest[9] ? resolvePlayers(serv, ctx, rest[9]) : serv.players.filter((pl) => !pl.disconnected);
  // Vanilla sends to players in the same world within 32 blocks, or 512 when forced.
  const viewers = candidates.filter((pl) => pl.world === world && pl.position.distanceTo(pos) <= (force ? 512 : 32));
  if (viewers.length === 0) throw new CommandError('The particle was not visible for anybody');
  const packet = particlePacket(serv, p, pos, delta, speed, count, force);
  for (const v of viewers) v._client.write('world_particles', packet);
  feedback(serv, ctx, tr('commands.particle.success', `minecraft:${p.name}`));
}

export const PARTICLE_COMMANDS = [
  { base: 'particle', info: 'Shows particles', usage: '/particle <name> [<pos>] [<delta> <speed> <count> [force|normal] [<viewers>]]', run: particle },
];
