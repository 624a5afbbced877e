// Custom boss bars (vanilla's /bossbar): the server's bars and the boss_bar packets that show them.
import { randomUUID } from 'node:crypto';
import type { SandboxPlugin } from '../../plugin.ts';
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { componentField, type Text } from '../../text.ts';
import { registerSuggestions } from '../completion/suggest.ts';

export const BAR_COLORS = ['pink', 'blue', 'red', 'green', 'yellow', 'purple', 'white'] as const;
export const BAR_STYLES = ['progress', 'notched_6', 'notched_10', 'notched_12', 'notched_20'] as const;

export interface BossBar {
  id: string;
  uuid: string;
  name: Text;
  color: number;
  style: number;
  value: number;
  max: number;
  visible: boolean;
  /** Player UUIDs: membership outlives a disconnect, as vanilla's does. */
  players: Set<string>;
}

const barsByServer = new WeakMap<SquidServer, Map<string, BossBar>>();

export function bossBars(serv: SquidServer): Map<string, BossBar> {
  let bars = barsByServer.get(serv);
  if (!bars) barsByServer.set(serv, (bars = new Map<string, BossBar>()));
  return bars;
}

export function createBossBar(serv: SquidServer, id: string, name: Text): BossBar {
  const bar: BossBar = { id, uuid: randomUUID(), name, color: BAR_COLORS.indexOf('white'), style: 0, value: 0, max: 100, visible: true, players: new Set() };
  bossBars(serv).set(id, bar);
  return bar;
}

/** The online players who see the bar. */
export function viewers(serv: SquidServer, bar: BossBar): SquidPlayer[] {
  if (!bar.visible) return [];
  return serv.players.filter((p) => !p.disconnected && bar.players.has(p.uuid ?? ''));
}

function health(bar: BossBar): number {
  return bar.max > 0 ? Math.min(1, Math.max(0, bar.value / bar.max)) : 0;
}

function addPacket(serv: SquidServer, bar: BossBar): Record<string, unknown> {
  return { entityUUID: bar.uuid, action: 0, title: componentField(serv, bar.name), health: health(bar), color: bar.color, dividers: bar.style, flags: 0 };
}

export function showBar(serv: SquidServer, bar: BossBar, players: SquidPlayer[]): void {
  const packet = addPacket(serv, bar);
  for (const p of players) p._client.write('boss_bar', packet);
}

export function hideBar(bar: BossBar, players: SquidPlayer[]): void {
  for (const p of players) p._client.write('boss_bar', { entityUUID: bar.uuid, action: 1 });
}

/** Tells the bar's viewers what changed: its value, name or style. */
export function updateBar(serv: SquidServer, bar: BossBar, what: 'health' | 'title' | 'style'): void {
  const packet =
    what === 'health' ? { entityUUID: bar.uuid, action: 2, health: health(bar) }
      : what === 'title' ? { entityUUID: bar.uuid, action: 3, title: componentField(serv, bar.name) }
        : { entityUUID: bar.uuid, action: 4, color: bar.color, dividers: bar.style };
  for (const p of viewers(serv, bar)) p._client.write('boss_bar', packet);
}

export const bossBarsPlugin: SandboxPlugin = {
  name: 'skillcraft-boss-bars',
  server(serv) {
    registerSuggestions(serv, 'bossbar', (s) => bossBars(s).keys());
  },
  player(player, serv) {
    // A player who rejoins sees the bars they were added to, as on vanilla.
    player.once('spawned', () => {
      for (const bar of bossBars(serv).values()) if (bar.visible && bar.players.has(player.uuid ?? '')) showBar(serv, bar, [player]);
    });
  },
};
