/** A position as people write it, in whole blocks: "3,64,-2". */
export function fmt(p: { x: number; y: number; z: number }): string {
  return `${Math.floor(p.x)},${Math.floor(p.y)},${Math.floor(p.z)}`;
}
