// `/summon villager <x y z> {…}`: a villager whose trades come from the entity data's Offers, as
// vanilla reads them. It stands where it is summoned (no villager AI in the sandbox).
import { createRequire } from 'node:module';
import { Vec3 } from 'vec3';
import type { SquidEntity, SquidServer } from '../../squid/types.ts';
import { internals } from '../items/types.ts';
import { tr } from '../../text.ts';
import { CommandError, coordinate, feedback, originOf, type CommandContext } from '../commands/core.ts';
import { parseOffers, type MerchantOffer } from './offers.ts';

const require = createRequire(import.meta.url);
const mojangson = require('mojangson') as { parse(text: string): unknown; simplify(tag: unknown): Record<string, unknown> };

export interface Villager { entity: SquidEntity; offers: MerchantOffer[] }

const byServer = new WeakMap<SquidServer, Map<number, Villager>>();

export function villagersOf(serv: SquidServer): Map<number, Villager> {
  let m = byServer.get(serv);
  if (!m) byServer.set(serv, (m = new Map<number, Villager>()));
  return m;
}

/** Handles /summon for a villager; false for any other entity (the mob summoner's). */
export function summonVillager(serv: SquidServer, args: string, ctx: CommandContext): boolean {
  const brace = args.indexOf('{');
  const head = (brace < 0 ? args : args.slice(0, brace)).trim().split(/\s+/);
  const name = (head[0] ?? '').toLowerCase().replace(/^minecraft:/, '');
  if (name !== 'villager') return false;
  let data: Record<string, unknown> = {};
  if (brace >= 0) {
    try {
      data = mojangson.simplify(mojangson.parse(args.slice(brace).trim()));
    } catch (err) {
      throw new CommandError(`Invalid entity data: ${(err as Error).message}`);
    }
  }
  const coords = head.slice(1);
  if (coords.length !== 0 && coords.length !== 3) throw new CommandError('Usage: /summon villager [x y z] [nbt]');
  const base = originOf(ctx);
  const [x = '~', y = '~', z = '~'] = coords;
  const pos = new Vec3(coordinate(x, base?.x, true, 'x'), coordinate(y, base?.y, false, 'y'), coordinate(z, base?.z, true, 'z'));
  const typeId = serv.registry.entitiesByName.villager?.id;
  if (typeId === undefined) throw new CommandError('This version has no villagers');
  const world = ctx.player?.world ?? serv.overworld;
  const entity = internals(serv).initEntity('mob', typeId, world, pos) as unknown as SquidEntity & {
    yaw: number; pitch: number; headPitch: number; health: number; updateAndSpawn(): void;
  };
  entity.uuid = crypto.randomUUID();
  entity.name = 'villager';
  entity.velocity = new Vec3(0, 0, 0);
  entity.yaw = 0;
  entity.pitch = 0;
  entity.headPitch = 0;
  entity.metadata = [];
  entity.health = 20;
  villagersOf(serv).set(entity.id, { entity, offers: parseOffers(data) });
  entity.updateAndSpawn();
  feedback(serv, ctx, tr('commands.summon.success', { translate: 'entity.minecraft.villager' }));
  return true;
}
