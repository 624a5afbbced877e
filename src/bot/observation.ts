import { z } from 'zod';

const point = z.object({ x: z.number(), y: z.number(), z: z.number() });
const item = z.object({ name: z.string(), count: z.number().int().positive() });

export const blockGroupSchema = z.object({
  name: z.string(),
  count: z.number().int().positive(),
  /** Distance from the bot's feet to the centre of the nearest block of this type. */
  nearest: z.number().nonnegative(),
  /** Block coordinates of that nearest block. */
  at: point,
});

export const entityGroupSchema = z.object({
  /** mineflayer's entity type: player, hostile, animal, passive, object, ... */
  type: z.string(),
  /** The player's username, else the entity name (cow, zombie, item). */
  name: z.string(),
  count: z.number().int().positive(),
  nearest: z.number().nonnegative(),
  at: point,
});

export const stationSchema = z.object({
  at: point,
  /** Distance from the bot's eyes to the block centre. */
  distance: z.number().nonnegative(),
  /** Usable from where the bot stands (in reach and in sight): access is 'reach'. */
  inReach: z.boolean(),
  /**
   * src/bot/stationAccess.ts: 'reach' usable now, 'walk' usable after a short walk over the blocks as
   * they are, 'far' neither (through rock, up a pit wall, too far). Near means reach or walk.
   */
  access: z.enum(['reach', 'walk', 'far']),
});

/** One snapshot of what the bot knows about itself and its surroundings. */
export const observationSchema = z.object({
  position: point,
  dimension: z.string(),
  biome: z.string(),
  time: z.object({
    /** 0-23999; 0 is sunrise, 6000 noon, 18000 midnight. */
    timeOfDay: z.number().int().min(0).max(23999),
    day: z.number().int().nonnegative(),
    phase: z.enum(['day', 'sunset', 'night', 'sunrise']),
  }),
  health: z.number().min(0),
  food: z.number().int().min(0),
  saturation: z.number().min(0),
  heldItem: item.nullable(),
  equipment: z.object({
    head: item.nullable(),
    chest: item.nullable(),
    legs: item.nullable(),
    feet: item.nullable(),
    offhand: item.nullable(),
  }),
  /** Item name to total count over the main inventory and hotbar. */
  inventory: z.record(z.string(), z.number().int().positive()),
  /** Radius (blocks) the block and entity lists cover. */
  radius: z.number().int().positive(),
  /** Every block type but air within the radius, nearest first. */
  blocks: z.array(blockGroupSchema),
  /** Other entities within the radius grouped by name, nearest first. */
  entities: z.array(entityGroupSchema),
  stations: z.object({
    craftingTable: stationSchema.nullable(),
    furnace: stationSchema.nullable(),
  }),
  /**
   * Block types seen earlier this session and not in sight now, nearest first (src/bot/seen.ts):
   * what this world has, for the planner. Absent when the observer keeps no memory.
   */
  seen: z.array(z.object({ name: z.string(), at: point, distance: z.number().nonnegative() })).optional(),
});

export type Observation = z.infer<typeof observationSchema>;
export type BlockGroup = z.infer<typeof blockGroupSchema>;
export type EntityGroup = z.infer<typeof entityGroupSchema>;
export type Station = z.infer<typeof stationSchema>;
export type Point = z.infer<typeof point>;
