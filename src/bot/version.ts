import minecraftData from 'minecraft-data';
import mineflayer from 'mineflayer';
import mc from 'minecraft-protocol';
import { BotConnectError, toConnectError } from './errors.ts';
import type { Deadline } from './wait.ts';

/**
 * Asks the server which version it runs (a status ping) and checks mineflayer can speak it.
 * mineflayer's own `version: false` does the same ping, but an unsupported answer throws inside an
 * event handler where no caller can catch it; pinging first turns it into a typed error.
 */
export async function detectVersion(host: string, port: number, deadline: Deadline): Promise<string> {
  const address = `${host}:${port}`;
  let status: Awaited<ReturnType<typeof mc.ping>>;
  try {
    // The ping's own timer runs a little longer than ours so that our deadline (which names the stage)
    // reports the timeout; the ping then closes its socket by itself shortly after.
    status = await deadline.race('the server status', mc.ping({ host, port, closeTimeout: deadline.remaining() + 500 }));
  } catch (err) {
    throw toConnectError(err, address);
  }
  const reported = 'version' in status && typeof status.version === 'object' ? status.version : undefined;
  if (typeof reported?.protocol !== 'number') {
    throw new BotConnectError('UNSUPPORTED_VERSION', address, `cannot join ${address}: the server answered the status ping without a protocol version`);
  }
  const { name, protocol } = reported;
  const version = pickVersion(name, protocol);
  if (!version) {
    throw new BotConnectError('UNSUPPORTED_VERSION', address, `cannot join ${address}: unknown server version "${name}" (protocol ${protocol})`);
  }
  const data = minecraftData(version);
  const latest = mineflayer.latestSupportedVersion;
  const oldest = mineflayer.oldestSupportedVersion;
  const tooNew = data.version['>'](latest) && data.version.version !== minecraftData(latest).version.version;
  if (tooNew || data.version['<'](oldest)) {
    throw new BotConnectError('UNSUPPORTED_VERSION', address, `cannot join ${address}: server version ${version} is outside mineflayer's range ${oldest}-${latest}`);
  }
  return version;
}

/** The version named by the server when its protocol number agrees, else the newest with that protocol. */
export function pickVersion(name: string, protocol: number): string | undefined {
  const byProtocol = minecraftData.postNettyVersionsByProtocolVersion.pc[protocol] as unknown as minecraftData.Version[] | undefined;
  const named = (name.match(/\d+\.\d+(\.\d+)?/g) ?? []).find((v) => byProtocol?.some((d) => d.minecraftVersion === v));
  return named ?? byProtocol?.[0]?.minecraftVersion;
}

/**
 * The oldest version the agent plays on a user's server: its knowledge of items, blocks and terrain
 * (1.18+ ore heights, 1.20 recipes and names) starts there. The sandbox serves older ones for tests.
 */
export const AGENT_OLDEST_VERSION = '1.20.1';

/** Throws UNSUPPORTED_VERSION when `version` is older than `oldest`. */
export function assertAtLeast(version: string, oldest: string, address: string): void {
  if (minecraftData(version).version['<'](oldest)) {
    throw new BotConnectError('UNSUPPORTED_VERSION', address, `cannot join ${address}: server version ${version} is older than ${oldest}, the oldest Skillcraft's agent plays`);
  }
}
