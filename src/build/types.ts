// A structure to build, whatever file it came from: the blocks (air left out) at positions relative to
// the structure's lowest north-west corner, each with its block state as vanilla names it.

export interface StructureBlock {
  x: number;
  y: number;
  z: number;
  /** Block name without namespace, as the connected version names it (oak_stairs). */
  name: string;
  /** Block state properties as vanilla writes them (facing: 'north', half: 'bottom'); {} for none. */
  props: Readonly<Record<string, string>>;
}

export interface Structure {
  /** File name without extension (hut). */
  name: string;
  size: { x: number; y: number; z: number };
  blocks: StructureBlock[];
  /** Where it came from: Sponge .schem, MCEdit .schematic, vanilla structure .nbt, Litematica .litematic. */
  format: 'sponge' | 'mcedit' | 'nbt' | 'litematica';
}

/** What a structure takes, as items, and the blocks no survival player can place (refused before anything is placed). */
export interface BillOfMaterials {
  /** Item → count (a door's two blocks are one door; a wall torch is a torch). */
  items: Record<string, number>;
  /** Blocks that cannot be had in survival, with why (bedrock, command_block). Empty when buildable. */
  refused: { block: string; count: number; why: string }[];
}
