import type { SandboxPlugin } from '../plugin.ts';
import { itemsPlugin } from './items.ts';
import { diggingPlugin } from './digging.ts';
import { commandsPlugin } from './commands.ts';
import { compatSoundPlugin } from './compatSound.ts';
import { windowsPlugin } from './windows.ts';
import { survivalPlugin } from './survival.ts';
import { hungerPlugin } from './survivalHunger.ts';
import { mobsPlugin } from './mobs.ts';
import { mobsRespawnPlugin } from './mobsRespawn.ts';
import { deathDropsPlugin } from './deathDrops.ts';

/** Every sandbox plugin, in load order. Listed explicitly, like mineflayer's plugin map. */
export const SANDBOX_PLUGINS: readonly SandboxPlugin[] = [itemsPlugin, diggingPlugin, commandsPlugin, compatSoundPlugin, windowsPlugin, survivalPlugin, hungerPlugin, mobsPlugin, mobsRespawnPlugin, deathDropsPlugin];
