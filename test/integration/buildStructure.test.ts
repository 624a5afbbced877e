// The buildStructure skill on the sandbox with a real bot: a small structure placed block by block in
// its state, checked by a second bot's view of the world; a resumed build places only what is missing;
// a structure with a block survival cannot give is refused before anything is placed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStructure } from '../../skills/buildStructure.ts';
import { spongeBytes } from '../../src/build/examples.ts';
import { survey } from '../../src/build/survey.ts';
import type { Structure, StructureBlock } from '../../src/build/types.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { Vec3 } from '../helpers/items.ts';
import { quit } from '../helpers/sandbox.ts';
import { buildSite, runOn, setBlocks, setInventory } from '../helpers/skills.ts';

let sb: Sandbox;
let builder: Bot;
let checker: Bot;
let centre: Vec3;
const dir = mkdtempSync(path.join(tmpdir(), 'skillcraft-build-'));

const b = (x: number, y: number, z: number, name: string, props: Record<string, string> = {}): StructureBlock => ({ x, y, z, name, props });
function schem(name: string, blocks: StructureBlock[]): string {
  const size = { x: Math.max(...blocks.map((k) => k.x)) + 1, y: Math.max(...blocks.map((k) => k.y)) + 1, z: Math.max(...blocks.map((k) => k.z)) + 1 };
  const s: Structure = { name, size, blocks, format: 'sponge' };
  const file = path.join(dir, `${name}.schem`);
  writeFileSync(file, spongeBytes(s));
  return file;
}
/** A low wall with a log lying east-west on it and a plank beside: names and an axis state. */
const wall = [b(0, 0, 0, 'cobblestone'), b(1, 0, 0, 'cobblestone'), b(2, 0, 0, 'cobblestone'), b(0, 1, 0, 'oak_log', { axis: 'x' }), b(1, 1, 0, 'oak_log', { axis: 'x' }), b(2, 1, 0, 'oak_planks')];
const structureOf = (blocks: StructureBlock[]): Structure => ({ name: 'x', size: { x: 3, y: 2, z: 1 }, blocks, format: 'sponge' });

/** What the checker sees at the structure's cells. */
function seenBy(bot: Bot, blocks: StructureBlock[], origin: Vec3) {
  return survey(structureOf(blocks), origin, (x, y, z) => {
    const k = bot.blockAt(new Vec3(x, y, z));
    return k ? { name: k.name, props: k.getProperties() } : undefined;
  });
}

beforeAll(async () => {
  ({ sb, builder, checker, centre } = await buildSite(8, [-4, 0, -4]));
}, 60_000);

afterAll(async () => {
  quit(builder);
  quit(checker);
  await sb?.stop();
});

describe('buildStructure', () => {
  it('places every block in its state, as a second bot sees it; a build run again places only what is missing', async () => {
    const file = schem('wall', wall);
    const origin = centre.offset(2, 0, 3);
    await setInventory(sb, builder, { cobblestone: 3, oak_log: 2, oak_planks: 1 });
    const r = await runOn(builder, buildStructure, { file, x: origin.x, y: origin.y, z: origin.z, rotate: 0 });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(r.ok && r.result).toMatchObject({ placed: 6, already: 0, wrong: 0, total: 6 });
    const seen = seenBy(checker, wall, origin);
    expect(seen.correct.length, JSON.stringify(seen.wrong)).toBe(6);
    // Two blocks gone (a creeper, a restart mid-build): only those two are placed again.
    await setBlocks(sb, builder, [[origin.offset(2, 0, 0), 'air'], [origin.offset(1, 1, 0), 'air']]);
    await setInventory(sb, builder, { cobblestone: 1, oak_log: 1 });
    const again = await runOn(builder, buildStructure, { file, x: origin.x, y: origin.y, z: origin.z, rotate: 0 });
    expect(again.ok && again.result, JSON.stringify(again)).toMatchObject({ placed: 2, already: 4, wrong: 0 });
    expect(seenBy(checker, wall, origin).correct.length).toBe(6);
  }, 120_000);

  it('fails MISSING_ITEMS naming what it lacks, and refuses a block survival cannot give before placing anything', async () => {
    const file = schem('wall2', wall);
    const origin = centre.offset(-3, 0, 3);
    await setInventory(sb, builder, { cobblestone: 3 });
    const short = await runOn(builder, buildStructure, { file, x: origin.x, y: origin.y, z: origin.z, rotate: 0 });
    expect(short.ok ? 'ok' : short.code).toBe('MISSING_ITEMS');
    expect(short.ok ? '' : short.message).toMatch(/oak_log|oak_planks/);
    const bedrock = schem('bedrock', [...wall.slice(0, 3), b(1, 1, 0, 'bedrock')]);
    await setInventory(sb, builder, { cobblestone: 3 });
    const refused = await runOn(builder, buildStructure, { file: bedrock, x: origin.x, y: origin.y, z: origin.z, rotate: 0 });
    expect(refused.ok ? 'ok' : refused.code).toBe('BAD_ARGS');
    expect(refused.ok ? '' : refused.message).toMatch(/bedrock/);
    expect(seenBy(checker, wall, origin).correct).toEqual([]);
    expect(builder.inventory.count(builder.registry.itemsByName.cobblestone!.id, null)).toBe(3);
  }, 60_000);
});
