// Which food to eat: pure choices over minecraft-data's food table, so that they can be tested alone.

/** The fields of a minecraft-data food entry the choice reads. */
export interface FoodInfo {
  name: string;
  foodPoints: number;
  saturation: number;
}

/**
 * Foods never eaten unless asked for by name: harmful ones (poison, hunger, nausea, random
 * teleports) and golden apples, which are worth more as healing than as a meal.
 */
export const AVOIDED_FOODS: ReadonlySet<string> = new Set([
  'rotten_flesh', 'spider_eye', 'poisonous_potato', 'pufferfish', 'chicken', 'suspicious_stew', 'chorus_fruit',
  'golden_apple', 'enchanted_golden_apple',
]);

/** Vanilla's cap on the food bar. */
export const MAX_FOOD = 20;

/**
 * The food to eat when the bar is at `food`: the one that fills the gap best without waste (the
 * most food points that still fit), else, when every food overfills, the smallest of them;
 * saturation breaks ties. Returns null when none of `carried` is a safe food.
 */
export function pickFood(carried: readonly FoodInfo[], food: number): FoodInfo | null {
  const safe = carried.filter((f) => !AVOIDED_FOODS.has(f.name) && f.foodPoints > 0);
  if (safe.length === 0) return null;
  const gap = MAX_FOOD - food;
  const fits = safe.filter((f) => f.foodPoints <= gap);
  const bySaturation = (a: FoodInfo, b: FoodInfo) => b.saturation - a.saturation || a.name.localeCompare(b.name);
  if (fits.length > 0) return [...fits].sort((a, b) => b.foodPoints - a.foodPoints || bySaturation(a, b))[0]!;
  return [...safe].sort((a, b) => a.foodPoints - b.foodPoints || bySaturation(a, b))[0]!;
}
