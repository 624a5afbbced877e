// Animals and monsters: cows, sheep, pigs and chickens, zombies and spiders, as server entities a
// stock client sees (src/sandbox/mobs/ holds the model; this file wires it into flying-squid).
import type { Logger } from 'pino';
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidEntity, SquidPlayer, SquidServer } from '../../squid/types.ts';
import { playerAttacks, resetSwing } from '../../mobs/combat.ts';
import { playerInteracts } from '../../mobs/interact.ts';
import { spawnMobFor } from '../../mobs/metadata.ts';
import { SPAWN_INTERVAL, spawnNaturally } from '../../mobs/spawning.ts';
import { STEP_TICKS, stepMobs } from '../../mobs/tick.ts';
import { isMob, type MobWorld } from '../../mobs/types.ts';
import { createMobWorld, mobWorldOf } from '../../mobs/world.ts';
import { playerInternals, type SquidEntityInternals } from '../items/types.ts';

export { mobWorldOf } from '../../mobs/world.ts';
export { createMob, removeMob } from '../../mobs/spawn.ts';
export { isMob, type MobEntity } from '../../mobs/types.ts';

interface UseEntityPacket {
  target: number;
  /** 0 interact, 1 attack, 2 interact at a point. */
  mouse: number;
  hand?: number;
}

/** use_entity mouse values. */
const INTERACT = 0;
const ATTACK = 1;

function startMobTicks(serv: SquidServer, mw: MobWorld, log: Logger): void {
  serv.on('tick', (_delta: number, tick: number) => {
    if (tick % STEP_TICKS === 0) stepMobs(mw, log);
    if (tick % SPAWN_INTERVAL === 0) {
      try {
        spawnNaturally(mw);
      } catch (err) {
        log.error({ err }, 'natural mob spawning failed');
      }
    }
  });
}

function handleUseEntity(mw: MobWorld, player: SquidPlayer, packet: UseEntityPacket): void {
  const target = mw.serv.entities[packet.target];
  if (!isMob(target)) return;
  if (packet.mouse === ATTACK) playerAttacks(mw, player, target);
  // A vanilla client sends "interact at" then "interact" for one click; only the latter acts on mobs.
  else if (packet.mouse === INTERACT) playerInteracts(mw, player, target, packet.hand ?? 0);
}

export const mobsPlugin: SandboxPlugin = {
  name: 'skillcraft-mobs',
  server(serv, ctx) {
    const mw = createMobWorld(serv, ctx.options.seed, { peaceful: ctx.options.peaceful, mobSpawning: ctx.options.mobSpawning });
    startMobTicks(serv, mw, ctx.log);
  },
  player(player, serv, ctx) {
    const mw = mobWorldOf(serv);
    player._client.on('use_entity', (packet: UseEntityPacket) => {
      try {
        handleUseEntity(mw, player, packet);
      } catch (err) {
        ctx.log.error({ err, player: player.username, target: packet.target }, 'use_entity on a mob failed');
      }
    });
    player._client.on('held_item_slot', () => resetSwing(mw, player));
    // flying-squid's pvp plugin would take 1 health per hit and forget the corpse: our rules apply instead.
    player.on('attack_cancel', (data: { attackedEntity?: SquidEntity }, cancel: (run?: boolean, hide?: boolean) => void) => {
      if (isMob(data.attackedEntity)) cancel(false, true);
    });
    // 'asap' runs after every flying-squid player plugin (and after the items plugin's override).
    player.once('asap', () => {
      const p = playerInternals(player);
      const spawnOther = p.spawnEntity.bind(p);
      p.spawnEntity = (entity: SquidEntityInternals) => {
        if (isMob(entity)) spawnMobFor(serv, player, entity);
        else spawnOther(entity);
      };
    });
  },
};
