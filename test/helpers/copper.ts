// What the copper weathering tests share: the fast random tick rate, a skill result read or thrown, and the
// room the bot stands in with the slots it is given.
import type { Bot } from 'mineflayer';
import type { Vec3 } from 'vec3';
import type { WeatherResult } from '../../skills/weatherCopper.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import type { SkillOutcome } from '../../src/skills/types.ts';
import { serverPlayer } from './items.ts';
import { waitFor } from './sandbox.ts';
import { clearRoom, standAt } from './skillsGather.ts';
import { setSlots } from './skills.ts';

/** Random ticks a block gets: one a game tick on average, 1365 times vanilla's default of 3 (as a player sets it). */
export const FAST = 4096;

export function resultOf(out: SkillOutcome): WeatherResult {
  if (!out.ok) throw new Error(`skill failed: ${out.code} ${out.message}`);
  return out.result as WeatherResult;
}

/** A cleared room around `centre`, the bot standing in its middle with `slots`. */
export async function copperRoom(sb: Sandbox, bot: Bot, centre: Vec3, slots: Readonly<Record<number, string>>): Promise<void> {
  // In one run of seven, a bot teleported while it still slid from the last skill's walk did not end up
  // on the spot, so it comes to rest first, at the place where the server also has it.
  await waitFor(() => bot.entity.velocity.x === 0 && bot.entity.velocity.z === 0 && serverPlayer(sb, bot).position.distanceTo(bot.entity.position) < 0.01, 5000, 'the bot to stand still');
  await clearRoom(sb, bot, centre, 6);
  await standAt(sb, bot, centre);
  await setSlots(sb, bot, slots);
}
