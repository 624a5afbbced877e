// Respawning after death, which mobs make reachable. flying-squid compares the client_command
// action with 0, but the protocol of every version we run maps it to the name 'perform_respawn',
// so a dead player never respawns; flying-squid's respawn packet also sends the dimension as a
// number, which 1.19+ cannot encode. This does both: back at the spawn point, full health and food.
import type { Vec3 } from 'vec3';
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { GAME_MODES } from '../../gameModes.ts';
import { getGameRule } from '../commands/time.ts';
import { resetEffects } from '../survival/effects.ts';
import { resetExperience, sendExperience } from '../survival/experience.ts';
import { resetHunger } from '../survival/hunger.ts';
import { resetAir } from '../survival/breath.ts';
import { sendWeather } from '../survival/weather.ts';
import { bedRespawnPosition } from '../bed/plugin.ts';

type RespawningPlayer = SquidPlayer & {
  health: number;
  foodSaturation: number;
  nearbyEntities: unknown[];
  sendSelfPosition(position?: Vec3): void;
  updateHealth(health: number): void;
  updateFood(food: number): void;
  updateAndSpawn(): void;
  _unloadAllChunks(): void;
  worldSendInitialChunks(): Promise<void>;
  worldSendRestOfChunks(): Promise<void>;
};

interface LoginPacket {
  /** 1.19+: the dimension type's name. */
  worldType?: string;
  /** 1.18: the dimension type itself (NBT). */
  dimension?: unknown;
  worldName?: string;
  /** 1.20.5+: the world's spawn info, sent again in a respawn packet. */
  worldState?: Record<string, unknown>;
}


function sendRespawn(serv: SquidServer, p: RespawningPlayer): void {
  const login = (serv.registry as { loginPacket?: LoginPacket }).loginPacket ?? {};
  if (login.worldState) {
    // 1.20.5+ nests the world's spawn info (as in the login packet) and names the game mode.
    p._client.write('respawn', {
      worldState: { ...login.worldState, gamemode: GAME_MODES[p.gameMode] ?? 'survival', previousGamemode: 255, death: undefined, portalCooldown: 0 },
      copyMetadata: 0,
    });
    return;
  }
  p._client.write('respawn', {
    dimension: login.worldType ?? login.dimension,
    worldName: login.worldName ?? 'minecraft:overworld',
    hashedSeed: (serv as SquidServer & { hashedSeed?: unknown }).hashedSeed ?? [0, 0],
    gamemode: p.gameMode,
    previousGamemode: p.gameMode,
    isDebug: false,
    isFlat: false,
    copyMetadata: false,
    portalCooldown: 0,
  });
}

/**
 * As flying-squid's changeWorld: the client dropped its chunks with the respawn, so they are sent again.
 * As vanilla's PlayerList.respawn: beside the bed last slept in if it is still there (else the client is
 * told with no_respawn_block_available), a fresh entity without effects or (unless keepInventory)
 * experience, and the weather sent again.
 */
async function respawn(serv: SquidServer, p: RespawningPlayer): Promise<void> {
  const bed = bedRespawnPosition(serv, p);
  if (bed === null) p._client.write('game_state_change', { reason: 0, gameMode: 0 });
  const at = bed ?? p.spawnPoint.clone();
  sendRespawn(serv, p);
  p._unloadAllChunks();
  p.position = at.clone();
  resetEffects(p);
  resetHunger(p);
  resetAir(p);
  if (getGameRule(serv, 'keepInventory') !== true) resetExperience(p);
  else sendExperience(p);
  p.foodSaturation = 5;
  p.updateFood(20);
  p.updateHealth(20);
  sendWeather(serv, p);
  // Everything near is spawned again for the new client world.
  p.nearbyEntities = [];
  p.updateAndSpawn();
  await p.worldSendInitialChunks();
  p.sendSelfPosition(at.clone());
  await p.worldSendRestOfChunks();
}

export const mobsRespawnPlugin: SandboxPlugin = {
  name: 'skillcraft-respawn',
  player(player, serv, ctx) {
    const p = player as RespawningPlayer;
    player._client.on('client_command', (packet: { actionId?: unknown }) => {
      // The numeric form (older versions) is flying-squid's own case.
      if (packet.actionId !== 'perform_respawn' || p.health > 0) return;
      respawn(serv, p).catch((err: unknown) => ctx.log.error({ err, player: player.username }, 'respawn failed'));
    });
  },
};
