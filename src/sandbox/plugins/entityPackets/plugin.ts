// Entity packets in the shapes newer versions read.
//
// 1.20.2 spawns players with `spawn_entity` like any entity, whose type must then be the player's;
// flying-squid leaves a player's type null (sent as 0, another entity), so clients never saw other
// players as players (mineflayer's `bot.players[name].entity` stayed unset).
//
// 1.21.2 split the old `entity_teleport` in two: `sync_entity_position` (what vanilla's entity tracker
// sends when an entity moved too far for a relative move) and a new `entity_teleport` with velocity and
// relative flags; both carry the look in float degrees instead of angle bytes. flying-squid (a player
// moved more than a few blocks, e.g. by /tp) and the mobs plugin still write the old shape, which the
// serializer cannot size: the write throws and the watching client is disconnected. Such packets are
// sent as the tracker's `sync_entity_position`, at rest, their angle bytes turned into degrees.
import type { SandboxPlugin } from '../../plugin.ts';

interface OldTeleport { entityId: number; x: number; y: number; z: number; yaw?: number; pitch?: number; onGround?: boolean; flags?: unknown }

export const entityPacketsPlugin: SandboxPlugin = {
  name: 'skillcraft-entity-packets',
  player(player, serv) {
    const playerType = serv.registry.entitiesByName.player?.id;
    if (serv.supportFeature('unifiedPlayerAndEntitySpawnPacket') && playerType !== undefined) {
      (player as typeof player & { entityType: number }).entityType = playerType;
    }
    const types = (serv.registry.protocol as unknown as { play?: { toClient?: { types?: Record<string, unknown> } } }).play?.toClient?.types;
    if (!types?.packet_sync_entity_position) return;
    const client = player._client;
    const degrees = (angleByte: number | undefined) => ((angleByte ?? 0) * 360) / 256;
    const inner = client.write.bind(client);
    client.write = (name: string, params: Record<string, unknown>) => {
      const p = params as unknown as OldTeleport;
      if (name === 'entity_teleport' && p.flags === undefined) {
        inner('sync_entity_position', { entityId: p.entityId, x: p.x, y: p.y, z: p.z, dx: 0, dy: 0, dz: 0, yaw: degrees(p.yaw), pitch: degrees(p.pitch), onGround: p.onGround ?? false });
      } else {
        inner(name, params);
      }
    };
  },
};
