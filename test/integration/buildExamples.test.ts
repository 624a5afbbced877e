// Every example schematic built by the buildStructure skill from its bill of materials (given, not gathered),
// on a platform, and checked block by block from a second bot's view: the placing half of a build, apart
// from gathering (bench build measures the whole).
import type { Bot } from 'mineflayer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStructure } from '../../skills/buildStructure.ts';
import { billOfMaterials } from '../../src/build/bom.ts';
import { EXAMPLE_NAMES } from '../../src/build/examples.ts';
import { readStructure } from '../../src/build/read.ts';
import { survey } from '../../src/build/survey.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { placeBot, Vec3 } from '../helpers/items.ts';
import { quit } from '../helpers/sandbox.ts';
import { buildSite, runOn, setSlots } from '../helpers/skills.ts';

let sb: Sandbox;
let builder: Bot;
let checker: Bot;
let centre: Vec3;

beforeAll(async () => {
  ({ sb, builder, checker, centre } = await buildSite(12, [0, 0, 1]));
}, 60_000);

afterAll(async () => {
  quit(builder);
  quit(checker);
  await sb?.stop();
});

/** The bill as inventory slots of at most 64, plus the tools a player would carry to clear a site. */
async function giveBill(items: Record<string, number>): Promise<void> {
  const slots: Record<number, string> = {};
  let slot = 36;
  for (const [item, total] of Object.entries({ ...items, stone_pickaxe: 1, stone_axe: 1, stone_shovel: 1 })) {
    for (let n = total; n > 0; n -= 64) {
      slots[slot] = `${item}x${Math.min(64, n)}`;
      slot = slot === 44 ? 9 : slot + 1;
    }
  }
  await setSlots(sb, builder, slots);
}

describe('the example schematics', () => {
  EXAMPLE_NAMES.forEach((name, i) => {
    it(`${name}: every block right, as a second bot sees it`, async () => {
      const file = `examples/schematics/${name}.schem`;
      const structure = await readStructure(file);
      await giveBill(billOfMaterials(structure, createKnowledge(builder.version)).items);
      // Back to the middle: a finished hut or house closes its builder in (it does not open doors).
      await placeBot(sb, builder, centre);
      // Five sites in a row on the platform, apart from one another and from where the bots stand.
      const origin = centre.offset(-10 + 11 * (i % 2), 0, -10 + 11 * Math.floor(i / 2));
      const r = await runOn(builder, buildStructure, { file, x: origin.x, y: origin.y, z: origin.z, rotate: 0 });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      const seen = survey(structure, origin, (x, y, z) => {
        const b = checker.blockAt(new Vec3(x, y, z));
        return b ? { name: b.name, props: b.getProperties() } : undefined;
      });
      expect(seen.correct.length, JSON.stringify(seen.wrong.slice(0, 3))).toBe(structure.blocks.length);
    }, 180_000);
  });
});
