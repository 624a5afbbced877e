// A structure file built at a spot: read, turned, its bill checked against what survival can give (a
// block nobody can place is refused before anything is placed, naming it), then built.
import type { Vec3 } from 'vec3';
import { SkillError } from '../../base/errors.ts';
import { billOfMaterials, blockCost, describeRefusals } from '../../build/bom.ts';
import { readStructure, StructureFileError } from '../../build/read.ts';
import { rotateStructure, type Rotation } from '../../build/rotate.ts';
import type { Cell } from '../../build/survey.ts';
import type { Structure } from '../../build/types.ts';
import type { Knowledge } from '../../knowledge/kb.ts';
import type { SkillContext } from '../../skills/types.ts';
import { buildStructure, type BuildResult } from './build.ts';

/** The item a structure block is placed from (undefined: the block comes with another, or none places it). */
export function itemForCell(kb: Knowledge): (cell: Cell) => string | undefined {
  return (cell) => {
    const cost = blockCost(cell.block, kb);
    return 'refused' in cost ? undefined : Object.keys(cost.items)[0];
  };
}

/** Reads and turns a structure file; BAD_ARGS (one line naming the file) when it cannot be read. */
export async function loadStructure(file: string, rotate: Rotation): Promise<Structure> {
  try {
    return rotateStructure(await readStructure(file), rotate);
  } catch (err) {
    if (err instanceof StructureFileError) throw new SkillError('BAD_ARGS', err.message, undefined, { cause: err });
    throw err;
  }
}

/** BAD_ARGS naming every block no survival player can place; nothing is placed then. */
export function refuseUnobtainable(structure: Structure, kb: Knowledge): void {
  const bill = billOfMaterials(structure, kb);
  if (bill.refused.length > 0) throw new SkillError('BAD_ARGS', `cannot build ${structure.name} in survival: ${describeRefusals(bill)}`);
}

export async function buildFromFile(ctx: SkillContext, file: string, origin: Vec3, rotate: Rotation): Promise<BuildResult> {
  const structure = await loadStructure(file, rotate);
  refuseUnobtainable(structure, ctx.knowledge);
  return buildStructure(ctx, structure, origin, { itemFor: itemForCell(ctx.knowledge) });
}
