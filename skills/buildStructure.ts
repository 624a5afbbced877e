import { Vec3 } from 'vec3';
import { z } from 'zod';
import { buildFromFile, defineSkill } from '../src/actions/index.ts';

const params = z.object({
  file: z.string().min(1).describe('schematic file: Sponge .schem, MCEdit .schematic or a structure .nbt'),
  x: z.number().int(),
  y: z.number().int().describe('the height of the structure\'s lowest layer (the block above the ground)'),
  z: z.number().int(),
  rotate: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]).default(0).describe('degrees clockwise, seen from above'),
});

// A build's placing half (src/agent/build.ts gathers the materials first): only a build registers it.
export const buildStructure = defineSkill({
  name: 'buildStructure',
  summary: 'Build a structure from a schematic at x,y,z: clear the site, place every block bottom-up in its state, remove scaffolding.',
  details: 'Resumes: blocks already right are left alone. Fails MISSING_ITEMS naming the first item short for what is left to place, ' +
    'FAILED with "placed / total, wrong: n" when blocks are not right at the end.',
  params,
  example: { file: 'examples/schematics/hut.schem', x: 10, y: 64, z: -4, rotate: 0 as const },
  preconditions: () => ({}),
  effects: () => ({}),
  // A block every 4 s at most, for structures of a few hundred blocks (the examples: under 250).
  timeoutMs: 30 * 60_000,
  run: (ctx, { file, x, y, z, rotate }) => buildFromFile(ctx, file, new Vec3(x, y, z), rotate),
});
