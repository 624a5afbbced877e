// Vanilla's laying hens (Chicken.aiStep): every grown-up chicken counts its EggLayTime down one a game
// tick and drops an egg at 0. Read by the sandbox (which lays at this pace and honours EggLayTime in
// /summon) and the planner (what waiting for eggs costs).

/**
 * Game ticks between two eggs of one hen, the least and one past the most: vanilla draws
 * `random.nextInt(6000) + 6000` when a chicken is made and again after each egg.
 */
export const EGG_LAY_TICKS = { min: 6000, max: 12000 } as const;

/** A hen's mean seconds from one egg to the next: 7.5 minutes. */
export const EGG_LAY_SECONDS = (EGG_LAY_TICKS.min + EGG_LAY_TICKS.max) / 2 / 20;

/**
 * Hens the planner counts on where chickens are found: vanilla spawns them four at a time, some wander
 * off or are eaten, so about three lay side by side and an egg comes every EGG_LAY_SECONDS / HENS_FOUND.
 */
export const HENS_FOUND = 3;

/** Eggs stack to 16; one collectEggs run waits for at most a stack. */
export const EGG_STACK = 16;
