// Beds: placing one puts down both halves, right-clicking one sleeps (or says why not), "leave bed" wakes, daylight or a broken bed
// wakes, and once enough players slept 100 ticks the night is skipped (ServerLevel.tick).
import type { Vec3 } from 'vec3';
import type { Block } from 'prismarine-block';
import type { SandboxPlugin, SandboxContext } from '../../plugin.ts';
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { getGameRule, sendTime } from '../commands/time.ts';
import { isRaining, weatherOf } from '../survival/weather.ts';
import { bedState, isDay, standUpPosition } from './blocks.ts';
import { registerBedPlacement, trackLook } from './place.ts';
import { activePlayers, forgetRespawnBed, respawnBedOf, sleepers, sleepersNeeded, sleepPercentage, useBed, wake } from './sleep.ts';

type BedServer = SquidServer & { onBlockInteraction(name: string, h: (d: { block: Block & { position: Vec3 }; player: SquidPlayer }) => unknown): void };
type LivingPlayer = SquidPlayer & { health: number; crouching?: boolean };

/** Sleeping players long enough for the night to pass (Player.isSleepingLongEnough). */
const DEEP_SLEEP_TICKS = 100;

function report(ctx: SandboxContext, player: SquidPlayer, what: string) {
  return (err: unknown) => ctx.log.error({ err, player: player.username }, what);
}

/** Wakes sleepers whose night (or bed) ended, and skips the night once enough slept (ServerLevel.tick). */
export function bedTick(serv: SquidServer, ctx: SandboxContext): void {
  const asleep = sleepers(serv);
  if (asleep.size === 0) return;
  const day = isDay(serv);
  for (const [player, s] of [...asleep]) {
    const p = player as LivingPlayer;
    s.ticks = Math.min(DEEP_SLEEP_TICKS, s.ticks + 1);
    const bedGone = !bedState(serv.registry, player.world.sync.getBlockStateId(s.head));
    // Hurt (or killed) sleepers wake without getting up properly, as LivingEntity.hurt does.
    const hurt = p.health < s.health || p.health <= 0;
    s.health = p.health;
    if (player.disconnected || hurt || bedGone) wake(serv, player, false).catch(report(ctx, player, 'waking failed'));
    else if (day) wake(serv, player, true).catch(report(ctx, player, 'waking failed'));
  }
  const needed = sleepersNeeded(serv, sleepPercentage(serv));
  const active = activePlayers(serv).filter((p) => asleep.has(p));
  const deep = active.filter((p) => (asleep.get(p)?.ticks ?? 0) >= DEEP_SLEEP_TICKS);
  if (active.length < needed || deep.length < needed) return;
  if (getGameRule(serv, 'doDaylightCycle') !== false) {
    const next = serv.time + 24000;
    serv.time = next - (next % 24000);
    sendTime(serv, serv.players);
  }
  for (const player of [...asleep.keys()]) wake(serv, player, true).catch(report(ctx, player, 'waking failed'));
  const weather = weatherOf(serv);
  if (getGameRule(serv, 'doWeatherCycle') !== false && isRaining(weather)) {
    // ServerLevel.resetWeatherCycle: the rain stops and new timers are drawn.
    Object.assign(weather, { rainTime: 0, raining: false, thunderTime: 0, thundering: false });
  }
}

/**
 * Where a player who slept in a bed respawns: beside the bed (undefined when they never slept), or
 * null when the bed is gone or walled in. Vanilla then says so (no_respawn_block_available) and forgets it.
 */
export function bedRespawnPosition(serv: SquidServer, player: SquidPlayer): Vec3 | null | undefined {
  const head = respawnBedOf(player);
  if (!head) return undefined;
  const bed = bedState(serv.registry, player.world.sync.getBlockStateId(head));
  const stand = bed?.part === 'head' ? standUpPosition(serv.registry, player.world, head, bed.facing) : undefined;
  if (!stand) {
    forgetRespawnBed(player);
    return null;
  }
  return stand;
}

export const bedPlugin: SandboxPlugin = {
  name: 'skillcraft-bed',
  server(serv, ctx) {
    const s = serv as BedServer;
    registerBedPlacement(serv);
    for (const name of Object.keys(serv.registry.blocksByName).filter((n) => n.endsWith('_bed'))) {
      s.onBlockInteraction(name, ({ block, player }) => {
        const p = player as LivingPlayer;
        const held = player.inventory.slots[36 + player.heldItemSlot];
        // Sneaking with an item places it; spectators use nothing.
        if ((p.crouching && held) || player.gameMode === 3) return false;
        const bed = bedState(serv.registry, block.stateId);
        if (!bed) return false;
        useBed(serv, player, block.position, bed).catch(report(ctx, player, 'sleeping failed'));
        return true;
      });
    }
  },
  player(player, serv, ctx) {
    trackLook(player);
    player._client.on('entity_action', ({ actionId }: { actionId: unknown }) => {
      if ((actionId === 'stop_sleeping' || actionId === 2) && sleepers(serv).has(player)) {
        wake(serv, player, true).catch(report(ctx, player, 'waking failed'));
      }
    });
    // A player who leaves the game gets out of bed (ServerPlayer.disconnect), freeing it.
    player.once('disconnected', () => { wake(serv, player, false).catch(report(ctx, player, 'waking failed')); });
  },
};
