// /summon <mob> [count] [x y z] [color=<colour>]: animals, fish and monsters next to the sender or at a position.
import { Vec3 } from 'vec3';
import { MOBS, SANDBOX_NATURAL_MOBS, SANDBOX_SUMMONABLE_MOBS, WOOL_COLOURS, type WoolColour } from '../../../knowledge/mobs.ts';
import { isWaterMob, SANDBOX_WATER_MOBS } from '../../../knowledge/waterMobs.ts';
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { terrainOf } from '../../mobs/terrain.ts';
import { createMob } from '../../mobs/spawn.ts';
import { mobWorldOf } from '../../mobs/world.ts';
import { CommandError, coordinate, feedback, originOf, parseInteger, words, type CommandContext } from './core.ts';
import { tr } from '../../text.ts';
import { summonVillager } from '../villagers/summon.ts';
import { hensOf } from '../eggs/plugin.ts';
import { splitChickenData } from '../eggs/summon.ts';

const MAX_COUNT = 64;
const USAGE = '/summon <mob> [count] [x y z] [color=<colour>] [{EggLayTime:<ticks>} for a chicken]';
/** Blocks in front of the sender where a summoned mob appears. */
const IN_FRONT = 2;

export interface SummonArgs {
  mob: string;
  count: number;
  /** Coordinates as typed: numbers or `~`-relative. */
  at?: [string, string, string];
  colour?: WoolColour;
}

/** Parses the argument text of /summon (pure; positions are resolved later). */
export function parseSummon(args: string): SummonArgs {
  const tokens = words(args);
  const options = tokens.filter((t) => t.includes('='));
  const plain = tokens.filter((t) => !t.includes('='));
  const [first, ...rest] = plain;
  if (!first) throw new CommandError(`Usage: ${USAGE}`);
  const mob = first.toLowerCase().replace(/^minecraft:/, '');
  // The table also has mobs the sandbox does not simulate (creepers, squids…): those are not summonable.
  // The natural ones first (land animals and monsters, then fish), then those only /summon makes.
  const summonable = [...SANDBOX_NATURAL_MOBS, ...SANDBOX_WATER_MOBS, ...SANDBOX_SUMMONABLE_MOBS.filter((m) => !SANDBOX_NATURAL_MOBS.includes(m))];
  if (!summonable.includes(mob)) throw new CommandError(`Unknown mob '${first}' (summonable: ${summonable.join(', ')})`);
  let count = 1;
  let at: [string, string, string] | undefined;
  if (rest.length === 1 || rest.length === 4) count = parseInteger(rest.shift()!, 'count', 1, MAX_COUNT);
  if (rest.length === 3) at = [rest[0]!, rest[1]!, rest[2]!];
  else if (rest.length !== 0) throw new CommandError(`Usage: ${USAGE}`);
  let colour: WoolColour | undefined;
  for (const opt of options) {
    const [key, value = ''] = opt.split('=', 2);
    if (key !== 'color' && key !== 'colour') throw new CommandError(`Unknown option '${key}' (only color=<colour>)`);
    if (mob !== 'sheep') throw new CommandError('Only sheep have a colour');
    if (!(WOOL_COLOURS as readonly string[]).includes(value)) throw new CommandError(`Unknown colour '${value}' (one of ${WOOL_COLOURS.join(', ')})`);
    colour = value as WoolColour;
  }
  return { mob, count, at, colour };
}

/** Spots around `centre` for `count` mobs, each on a floor near the centre's height when there is one. */
function spotsNear(serv: SquidServer, player: SquidPlayer, centre: Vec3, count: number): Vec3[] {
  const terrain = terrainOf(serv.registry, player.world, serv.supportFeature('tallWorld'));
  const spots: Vec3[] = [];
  for (let i = 0; i < count; i++) {
    // A golden-angle spiral keeps several mobs from standing in one another.
    const r = i === 0 ? 0 : 1 + Math.sqrt(i) * 0.8;
    const a = i * 2.39996;
    const x = centre.x + Math.cos(a) * r;
    const z = centre.z + Math.sin(a) * r;
    const y = terrain.floorIn(Math.floor(x), Math.floor(z), Math.floor(centre.y) + 1, Math.floor(centre.y) - 4, 2);
    spots.push(y === undefined ? player.position.clone() : new Vec3(x, y, z));
  }
  return spots;
}

function inFront(player: SquidPlayer): Vec3 {
  // flying-squid keeps the look as protocol angle bytes (256 per turn).
  const yaw = ((player as SquidPlayer & { yaw: number }).yaw * 2 * Math.PI) / 256;
  return player.position.offset(-Math.sin(yaw) * IN_FRONT, 0, Math.cos(yaw) * IN_FRONT);
}

function summon(serv: SquidServer, args: string, ctx: CommandContext): void {
  if (summonVillager(serv, args, ctx)) return;
  // A chicken's entity data (its EggLayTime) is the eggs plugin's; the rest is summoned here.
  const chicken = splitChickenData(args);
  const parsed = parseSummon(chicken?.head ?? args);
  const mw = mobWorldOf(serv);
  if (mw.options.peaceful && MOBS[parsed.mob]?.kind === 'hostile') throw new CommandError(`Cannot summon ${parsed.mob}: the sandbox is peaceful`);
  const online = serv.players.filter((p) => !p.disconnected);
  const anchor = ctx.player ?? (online.length === 1 ? online[0] : undefined);
  let spots: Vec3[];
  let world;
  if (parsed.at) {
    const base = originOf(ctx);
    const [x, y, z] = parsed.at;
    const pos = new Vec3(coordinate(x, base?.x, true, 'x'), coordinate(y, base?.y, false, 'y'), coordinate(z, base?.z, true, 'z'));
    spots = Array.from({ length: parsed.count }, () => pos.clone());
    world = anchor?.world ?? serv.overworld;
  } else {
    if (!anchor) throw new CommandError(`Give a position when no single player is online: ${USAGE}`);
    // A fish goes where it is put (into the water in front), not onto a floor.
    spots = isWaterMob(parsed.mob) ? Array.from({ length: parsed.count }, () => inFront(anchor)) : spotsNear(serv, anchor, inFront(anchor), parsed.count);
    world = anchor.world;
  }
  const eggLayTime = chicken?.data.eggLayTime;
  for (const spot of spots) {
    const mob = createMob(mw, parsed.mob, world, spot, { colour: parsed.colour });
    if (eggLayTime !== undefined) hensOf(serv)?.setTime(mob, eggLayTime);
  }
  feedback(serv, ctx, tr('commands.summon.success', parsed.count === 1 ? { translate: `entity.minecraft.${parsed.mob}` } : `${parsed.count} ${parsed.mob}`));
}

export const SUMMON_COMMANDS = [
  { base: 'summon', info: 'Summons animals or monsters', usage: USAGE, run: summon },
];
