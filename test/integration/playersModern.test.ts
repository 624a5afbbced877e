// Other players on 1.21.4, where players spawn with the generic spawn_entity packet and far moves are
// sent as sync_entity_position: a client must see other players as players, follow them across a
// /tp, and a player teleported as it joins must get the chunks where it lands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'mineflayer';
import { Vec3 } from 'vec3';
import type { Sandbox } from '../../src/sandbox/server.ts';
import type { SquidPlayer } from '../../src/sandbox/squid/types.ts';
import { quit, testBot, testSandbox, waitFor } from '../helpers/sandbox.ts';

describe('other players on 1.21.4', () => {
  let sb: Sandbox;
  let host: Bot;
  const guests: Bot[] = [];

  beforeAll(async () => {
    sb = await testSandbox({ seed: 9, preset: 'flat', version: '1.21.4' });
    host = await testBot(sb, 'host');
  });
  afterAll(async () => { quit(host); guests.forEach(quit); await sb.stop(); });

  it('shows a joining player as a player entity and follows it across a /tp', async () => {
    const guest = await testBot(sb, 'guest');
    guests.push(guest);
    await waitFor(() => host.players.guest?.entity !== undefined, 3000, 'the guest entity');
    expect(host.players.guest!.entity.type).toBe('player');
    expect(host.players.guest!.entity.name).toBe('player');
    const to = guest.entity.position.offset(30, 0, 4);
    await sb.command(`tp guest ${to.x} ${to.y} ${to.z}`);
    await waitFor(() => (host.players.guest?.entity.position.distanceTo(to) ?? 99) < 0.1, 3000, 'the host to see the guest arrive');
    // The far move reached the host as a packet it could read: it is still connected and moving.
    expect(host.entity.position).toBeDefined();
    await host.waitForTicks(2);
  });

  it('sends the chunks where a player lands when it is teleported while joining', async () => {
    const landing = new Vec3(60.5, -60, 8.5);
    sb.server.once('newPlayer', (p: SquidPlayer) => {
      // Right after flying-squid's 'spawned', in the same turn: before the client's first move packet.
      p.once('spawned', () => { void p.teleport(landing); });
    });
    // testBot waits for the chunks around the bot: only those where it landed can satisfy it.
    const late = await testBot(sb, 'late');
    guests.push(late);
    await waitFor(() => late.entity.position.distanceTo(landing) < 0.1, 3000, 'the late bot at its landing');
    await late.waitForChunksToLoad();
    expect(late.blockAt(landing.offset(0, -1, 0))?.name).toBe('grass_block');
  });
});
