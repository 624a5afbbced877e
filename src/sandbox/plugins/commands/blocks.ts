// /setblock and /fill as vanilla answers them (relative coordinates, block states, the modes).
import { createRequire } from 'node:module';
import type { Vec3 } from 'vec3';
import type { SquidServer } from '../../squid/types.ts';
import { tr } from '../../text.ts';
import { posKey } from '../../windows/blockStores.ts';
import { blockStoresOf } from '../windows/plugin.ts';
import { blockPosition, CommandError, feedback, words, type CommandContext } from './core.ts';

const require = createRequire(import.meta.url);
/** Vanilla's limit on the blocks one /fill may change. */
const FILL_LIMIT = 32_768;

interface StateLike { stateId: number; name: string }
type BlockClass = { fromString(text: string, biome: number): StateLike };
const blockClasses = new WeakMap<object, BlockClass>();

/** `stone`, `minecraft:oak_log[axis=x]`: the state id, or the error vanilla gives. */
function blockState(serv: SquidServer, text: string | undefined): StateLike {
  if (!text) throw new CommandError('Missing block');
  let cls = blockClasses.get(serv.registry);
  if (!cls) {
    cls = (require('prismarine-block') as (r: unknown) => BlockClass)(serv.registry);
    blockClasses.set(serv.registry, cls);
  }
  try {
    return withDefaults(serv, cls.fromString(text.includes('[') || text.includes(':') ? text : `minecraft:${text}`, 0), text);
  } catch {
    throw new CommandError(`Unknown block type '${text.replace(/\[.*$/, '')}'`);
  }
}

/** Properties the text leaves out keep the block's default state (prismarine-block takes the first value). */
function withDefaults(serv: SquidServer, state: StateLike, text: string): StateLike {
  const def = serv.registry.blocksByName[state.name];
  if (!def || def.defaultState === undefined || def.minStateId === undefined) return state;
  const given = new Set((/\[(.*)\]/.exec(text)?.[1] ?? '').split(',').map((kv) => kv.split('=')[0]!.trim()).filter(Boolean));
  const states = (def as unknown as { states?: { name: string; num_values: number }[] }).states ?? [];
  let data = 0;
  let rest = state.stateId - def.minStateId;
  let dflt = def.defaultState - def.minStateId;
  let scale = 1;
  for (let i = states.length - 1; i >= 0; i--) {
    const n = states[i]!.num_values;
    const v = given.has(states[i]!.name) ? rest % n : dflt % n;
    data += v * scale;
    scale *= n;
    rest = Math.floor(rest / n);
    dflt = Math.floor(dflt / n);
  }
  return { stateId: def.minStateId + data, name: state.name };
}

/**
 * Vanilla empties a container's contents before /setblock or /fill replaces it (nothing drops); only the
 * `destroy` mode breaks it as a player would, and then the windows plugin spills what it held.
 */
function clearContents(serv: SquidServer, pos: Vec3): void {
  const stores = blockStoresOf(serv);
  const key = posKey(pos);
  if (!stores?.stores.has(key)) return;
  for (const v of [...(stores.viewers.get(key) ?? [])]) v.closeFromServer();
  stores.takeAll(key);
}

function worldOf(serv: SquidServer, ctx: CommandContext) {
  return (ctx.as ?? ctx.player)?.world ?? serv.overworld;
}

async function setblock(serv: SquidServer, args: string, ctx: CommandContext): Promise<void> {
  const a = words(args);
  if (a.length < 4 || a.length > 5) throw new CommandError('Usage: /setblock <pos> <block> [destroy|keep|replace]');
  const pos = blockPosition(a, ctx);
  const state = blockState(serv, a[3]);
  const mode = a[4] ?? 'replace';
  if (!['destroy', 'keep', 'replace'].includes(mode)) throw new CommandError(`Unknown mode '${mode}'`);
  const world = worldOf(serv, ctx);
  const current = await world.getBlockStateId(pos);
  if (current === state.stateId || (mode === 'keep' && current !== 0)) throw new CommandError('Could not set the block');
  if (mode !== 'destroy') clearContents(serv, pos);
  await serv.setBlock(world, pos, state.stateId);
  feedback(serv, ctx, tr('commands.setblock.success', pos.x, pos.y, pos.z));
}

async function fill(serv: SquidServer, args: string, ctx: CommandContext): Promise<void> {
  const a = words(args);
  if (a.length < 7) throw new CommandError('Usage: /fill <from> <to> <block> [destroy|hollow|keep|outline|replace [filter]]');
  const from = blockPosition(a.slice(0, 3), ctx);
  const to = blockPosition(a.slice(3, 6), ctx);
  const state = blockState(serv, a[6]);
  const mode = a[7] ?? 'replace';
  if (!['destroy', 'hollow', 'keep', 'outline', 'replace'].includes(mode)) throw new CommandError(`Unknown mode '${mode}'`);
  const filter = mode === 'replace' && a[8] ? blockState(serv, a[8]).name : undefined;
  const min = from.min(to);
  const max = from.max(to);
  const volume = (max.x - min.x + 1) * (max.y - min.y + 1) * (max.z - min.z + 1);
  if (volume > FILL_LIMIT) throw new CommandError(`Too many blocks in the specified area (maximum ${FILL_LIMIT}, specified ${volume})`);
  const world = worldOf(serv, ctx);
  const air = serv.registry.blocksByName.air?.defaultState ?? 0;
  let changed = 0;
  const edge = (p: Vec3) => p.x === min.x || p.x === max.x || p.y === min.y || p.y === max.y || p.z === min.z || p.z === max.z;
  for (let y = min.y; y <= max.y; y++) {
    for (let x = min.x; x <= max.x; x++) {
      for (let z = min.z; z <= max.z; z++) {
        const pos = min.clone().set(x, y, z);
        let want = state.stateId;
        if ((mode === 'hollow' || mode === 'outline') && !edge(pos)) {
          if (mode === 'outline') continue;
          want = air;
        }
        const current = await world.getBlockStateId(pos);
        if (mode === 'keep' && current !== air) continue;
        if (filter && (await world.getBlock(pos))?.name !== filter) continue;
        if (current === want) continue;
        if (mode !== 'destroy') clearContents(serv, pos);
        await serv.setBlock(world, pos, want);
        changed++;
      }
    }
  }
  if (changed === 0) throw new CommandError('No blocks were filled');
  feedback(serv, ctx, tr('commands.fill.success', changed));
}

export const BLOCK_COMMANDS = [
  { base: 'setblock', info: 'Changes a block', usage: '/setblock <x> <y> <z> <block> [destroy|keep|replace]', run: setblock },
  { base: 'fill', info: 'Fills a region with a block', usage: '/fill <x1> <y1> <z1> <x2> <y2> <z2> <block> [destroy|hollow|keep|outline|replace [filter]]', run: fill },
];
