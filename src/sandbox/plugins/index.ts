import type { SandboxPlugin } from '../plugin.ts';
import { itemsPlugin } from './items/plugin.ts';
import { diggingPlugin } from './digging/plugin.ts';
import { commandsPlugin } from './commands/plugin.ts';
import { compatSoundPlugin } from './compatSound.ts';
import { windowsPlugin } from './windows/plugin.ts';
import { survivalPlugin } from './survival/plugin.ts';
import { hungerPlugin } from './survival/hunger.ts';
import { mobsPlugin } from './mobs/plugin.ts';
import { mobsRespawnPlugin } from './mobs/respawn.ts';
import { deathDropsPlugin } from './deathDrops.ts';
import { loginPlugin } from './login.ts';
import { completionPlugin } from './completion/plugin.ts';
import { presentationPlugin } from './presentation/plugin.ts';
import { fishingPlugin } from './fishing/plugin.ts';
import { elytraPlugin } from './elytra/plugin.ts';
import { joinMessagesPlugin } from './joinMessages/plugin.ts';
import { chestsPlugin } from './chests/plugin.ts';
import { sneakingPlugin } from './sneaking/plugin.ts';
import { entityPacketsPlugin } from './entityPackets/plugin.ts';
import { survivalTickPlugin } from './survival/tick.ts';
import { weatherPlugin } from './survival/weather.ts';
import { bedPlugin } from './bed/plugin.ts';
import { enchantingPlugin } from './enchanting/plugin.ts';
import { villagersPlugin } from './villagers/plugin.ts';
import { interactionsPlugin } from './interactions/plugin.ts';

/** Every sandbox plugin, in load order. Listed explicitly, like mineflayer's plugin map. */
export const SANDBOX_PLUGINS: readonly SandboxPlugin[] = [itemsPlugin, diggingPlugin, commandsPlugin, compatSoundPlugin, windowsPlugin, survivalPlugin, hungerPlugin, mobsPlugin, mobsRespawnPlugin, deathDropsPlugin, loginPlugin, completionPlugin, joinMessagesPlugin, survivalTickPlugin, weatherPlugin, bedPlugin, chestsPlugin, sneakingPlugin, entityPacketsPlugin, presentationPlugin, fishingPlugin, elytraPlugin, enchantingPlugin, villagersPlugin, interactionsPlugin];
