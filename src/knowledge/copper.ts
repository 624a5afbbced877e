// Vanilla's copper weathering (WeatheringCopper, ChangeOverTimeBlock): which blocks age, the rule by
// which a random tick ages one, and the wait it makes on average. Read by the skill (which stage it waits
// for), the planner (what the wait costs) and the sandbox (which ages its copper by this very rule).

/** The stages in order; a block only ever moves one stage up. */
export const COPPER_STAGES = ['unaffected', 'exposed', 'weathered', 'oxidized'] as const;
export type CopperStage = (typeof COPPER_STAGES)[number];
/** The stages a skill can wait for (the unaffected one is what is placed). */
export const WEATHERED_STAGES = ['exposed', 'weathered', 'oxidized'] as const;
export type WeatheredStage = (typeof WEATHERED_STAGES)[number];

/** The chance a random tick tries to age the block at all (ChangeOverTimeBlock: 64/1125). */
export const AGE_TRY_CHANCE = 0.05688889;
/** Unaffected copper ages slower (WeatheringCopper.getChanceModifier). */
export const UNAFFECTED_MODIFIER = 0.75;
/** How far (Manhattan) other copper holds a block back or speeds it up. */
export const NEIGHBOUR_DISTANCE = 4;
/** Blocks of a 16³ section a game tick picks at random per unit of the `randomTickSpeed` gamerule. */
export const SECTION_VOLUME = 4096;
export const DEFAULT_RANDOM_TICK_SPEED = 3;

/** The unaffected forms, each with the name prefix its later stages take (copper_block's is plain `_copper`). */
const FORMS: readonly (readonly [string, string])[] = [
  ['copper_block', 'copper'], ['cut_copper', 'cut_copper'], ['cut_copper_stairs', 'cut_copper_stairs'],
  ['cut_copper_slab', 'cut_copper_slab'], ['chiseled_copper', 'chiseled_copper'], ['copper_grate', 'copper_grate'],
  ['copper_bulb', 'copper_bulb'], ['copper_door', 'copper_door'], ['copper_trapdoor', 'copper_trapdoor'],
];

/** The stage of a block that weathers (waxed copper does not: undefined, as for any other block). */
export function copperStage(name: string): CopperStage | undefined {
  if (FORMS.some(([base]) => base === name)) return 'unaffected';
  const stage = WEATHERED_STAGES.find((s) => name.startsWith(`${s}_`));
  if (!stage) return undefined;
  const rest = name.slice(stage.length + 1);
  return FORMS.some(([, later]) => later === rest) ? stage : undefined;
}

/** The block `name` turns into at the next stage (undefined when oxidized or not weathering copper). */
export function nextCopper(name: string): string | undefined {
  const stage = copperStage(name);
  if (stage === undefined || stage === 'oxidized') return undefined;
  const next = COPPER_STAGES[COPPER_STAGES.indexOf(stage) + 1]!;
  if (stage === 'unaffected') return `${next}_${FORMS.find(([base]) => base === name)![1]}`;
  return `${next}_${name.slice(stage.length + 1)}`;
}

/** The item a stage of plain copper blocks is: copper_block, exposed_copper, weathered_copper, oxidized_copper. */
export function copperBlockAt(stage: CopperStage): string {
  return stage === 'unaffected' ? 'copper_block' : `${stage}_copper`;
}

/**
 * Doors and trapdoors (WeatheringCopperDoorBlock, WeatheringCopperTrapDoorBlock) age like blocks, keeping
 * facing, hinge, open and half. A door ages only on its lower half's random tick, the upper half changing
 * with it; that upper half is weathering copper at the same stage within distance 4, so a lone door ages
 * with ((0+1)/(1+1))² = a quarter of a lone block's chance.
 */
export function isCopperDoor(name: string): boolean {
  return name.endsWith('copper_door') && copperStage(name) !== undefined;
}

/** Weathering neighbours an unaffected `piece` set out alone always has: a door's other half. */
function ownNeighbours(piece: string): number {
  return isCopperDoor(piece) ? 1 : 0;
}

/**
 * The chance that one random tick ages a block of `stage` whose weathering neighbours within Manhattan
 * distance 4 are at `neighbours`: none if one is at a lower stage, else
 * 0.0569 × ((higher+1)/(higher+same+1))² × (0.75 when unaffected).
 */
export function ageChance(stage: CopperStage, neighbours: readonly CopperStage[]): number {
  if (stage === 'oxidized') return 0;
  const mine = COPPER_STAGES.indexOf(stage);
  let higher = 0;
  let same = 0;
  for (const n of neighbours) {
    const theirs = COPPER_STAGES.indexOf(n);
    if (theirs < mine) return 0;
    if (theirs > mine) higher++;
    else same++;
  }
  const f = (higher + 1) / (higher + same + 1);
  return AGE_TRY_CHANCE * f * f * (stage === 'unaffected' ? UNAFFECTED_MODIFIER : 1);
}

/**
 * One random tick by vanilla's rule, with vanilla's two draws: whether the block tries, then whether
 * its neighbours let it. Whether the block ages.
 */
export function ageOnRandomTick(stage: CopperStage, neighbours: readonly CopperStage[], random: () => number): boolean {
  if (stage === 'oxidized' || random() >= AGE_TRY_CHANCE) return false;
  return random() < ageChance(stage, neighbours) / AGE_TRY_CHANCE;
}

/**
 * The mean game seconds an isolated piece (or a group all at one stage, that do not hold each other back)
 * takes to leave `stage`: one random tick every 4096/3 game ticks, aging with `ageChance`.
 */
export function stageSeconds(stage: CopperStage, randomTickSpeed = DEFAULT_RANDOM_TICK_SPEED, piece = 'copper_block'): number {
  const chance = ageChance(stage, Array<CopperStage>(ownNeighbours(piece)).fill(stage));
  if (chance === 0) return Infinity;
  return SECTION_VOLUME / randomTickSpeed / chance / 20;
}

/** The mean game seconds from the unaffected piece to `stage`: the stages before it one after another. */
export function secondsToStage(stage: WeatheredStage, randomTickSpeed = DEFAULT_RANDOM_TICK_SPEED, piece = 'copper_block'): number {
  let total = 0;
  for (const s of COPPER_STAGES.slice(0, COPPER_STAGES.indexOf(stage))) total += stageSeconds(s, randomTickSpeed, piece);
  return total;
}

/** What weatherCopper sets out: each weathers alone and is mined back as itself (stairs, slabs and the rest come from recipes). */
export const COPPER_PIECES = ['copper_block', 'copper_door', 'copper_trapdoor'] as const;
export type CopperPiece = (typeof COPPER_PIECES)[number];

/** The item `piece` is at `stage`: weathered_copper, exposed_copper_door. */
export function weatheredAt(piece: CopperPiece, stage: WeatheredStage): string {
  return piece === 'copper_block' ? copperBlockAt(stage) : `${stage}_${piece}`;
}

/**
 * Why this version has no `piece` (undefined: it has). 1.20.3-1.20.4's data list copper doors and
 * trapdoors, but only the update_1_21 experiment enables them, with no recipe: a 1.20 world has none.
 */
export function pieceMissing(piece: CopperPiece, registry: { itemsByName: Readonly<Record<string, unknown>>; isOlderThan(v: string): boolean }): string | undefined {
  if (registry.itemsByName[piece] === undefined) return `${piece} is not an item in this version`;
  if (piece !== 'copper_block' && registry.isOlderThan('1.21')) return `${piece} came with 1.21 (an experimental item before)`;
  return undefined;
}
