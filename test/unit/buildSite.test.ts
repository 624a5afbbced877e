// Where a build goes when no spot is given: an open level site when there is one, else (a dense forest)
// the level ground with the fewest blocks in the structure's cells, never up in the canopy.
import { Vec3 } from 'vec3';
import { describe, expect, it } from 'vitest';
import { findBuildSite, type SiteView } from '../../src/actions/build/site.ts';
import type { Structure } from '../../src/build/types.ts';

const farm: Structure = { name: 'farm', size: { x: 9, y: 2, z: 9 }, blocks: [], format: 'sponge' };
const block = (name: string) => ({ name, boundingBox: ['air', 'short_grass', 'water'].includes(name) ? 'empty' : 'block' });

/** Grass at y 63 and below; a tree (trunk y 64–68, leaves 67–69 around it) every `spacing` blocks, except in `clearing`. */
function forest(spacing: number, clearing?: { x0: number; x1: number; z0: number; z1: number }, feet = new Vec3(0, 64, 0)): SiteView {
  const open = (x: number, z: number) => clearing !== undefined && x >= clearing.x0 && x <= clearing.x1 && z >= clearing.z0 && z <= clearing.z1;
  const trunk = (x: number, z: number) => x % spacing === 0 && z % spacing === 0 && !open(x, z);
  return {
    entity: { position: feet.offset(0.5, 0, 0.5) },
    blockAt(p) {
      if (p.y <= 63) return block('grass_block');
      if (trunk(p.x, p.z) && p.y <= 68) return block('oak_log');
      if (p.y >= 67 && p.y <= 69) {
        for (let dx = -2; dx <= 2; dx++) for (let dz = -2; dz <= 2; dz++) if (trunk(p.x + dx, p.z + dz)) return block('oak_leaves');
      }
      return block('air');
    },
  };
}

describe('findBuildSite', () => {
  it('takes the nearest open level site when there is one', () => {
    const site = findBuildSite(forest(5, { x0: 11, x1: 24, z0: 11, z1: 24 }), farm);
    expect(site).toBeDefined();
    expect(site!.y).toBe(64);
    // The footprint and its margin are in the clearing (the leaves above them are higher than the farm).
    expect(site!.x - 1).toBeGreaterThanOrEqual(11);
    expect(site!.z - 1).toBeGreaterThanOrEqual(11);
  });

  it('in a forest with no open site, takes level ground with the fewest trunks in the way, on the ground', () => {
    const view = forest(5);
    const site = findBuildSite(view, farm);
    expect(site).toBeDefined();
    expect(site!.y).toBe(64);
    let trunks = 0;
    for (let x = site!.x; x < site!.x + 9; x++) for (let z = site!.z; z < site!.z + 9; z++) if (view.blockAt(new Vec3(x, 64, z))!.name === 'oak_log') trunks++;
    // 9 blocks in a row hold one or two multiples of 5: the site holds the least, one trunk.
    expect(trunks).toBe(1);
  });

  it('finds nothing over water', () => {
    const sea: SiteView = { entity: { position: new Vec3(0.5, 64, 0.5) }, blockAt: (p) => block(p.y <= 63 ? 'water' : 'air') };
    expect(findBuildSite(sea, farm)).toBeUndefined();
  });
});
