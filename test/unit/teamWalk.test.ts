import { describe, expect, it } from 'vitest';
import { Vec3 } from 'vec3';
import { walkSeconds } from '../../src/team/rendezvous.ts';

describe('how long a walk to a mate takes', () => {
  it('walks flat ground at 4 blocks a second, stopping 3 blocks short', () => {
    expect(walkSeconds(new Vec3(0, 64, 0), new Vec3(43, 64, 0))).toBe(10);
    expect(walkSeconds(new Vec3(0, 64, 0), new Vec3(2, 64, 0))).toBe(0);
  });

  it('prices a climb out of a shaft far above the same distance down', () => {
    const shaft = new Vec3(0, 44, 0);
    const spot = new Vec3(0, 64, 0);
    expect(walkSeconds(shaft, spot)).toBe(60);
    expect(walkSeconds(spot, shaft)).toBe(10);
  });
});
