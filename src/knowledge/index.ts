// Minecraft facts shared by the sandbox and the planner: pure data and functions over a
// prismarine-registry / minecraft-data instance. Never imports the sandbox.
export * from './tools.ts';
export * from './harvest.ts';
export * from './digTime.ts';
export * from './dropData.ts';
export * from './drops.ts';
export * from './support.ts';
export * from './rng.ts';
export * from './smelting.ts';
export * from './kb.ts';
