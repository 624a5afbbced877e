// Using a tool on a block (use_item_on): an axe on a log, shears on a pumpkin. The server changes the
// block in place; the world shows it, and that is what is waited for.
import type { Bot } from 'mineflayer';
import type { Item } from 'prismarine-item';
import { Vec3 } from 'vec3';
import { SkillError } from '../../base/errors.ts';
import { fmt } from '../../base/position.ts';
import { untilAborted, waitUntil } from '../../base/wait.ts';
import type { SkillContext } from '../../skills/types.ts';
import { findItem } from '../items/inventory.ts';
import { EYE_HEIGHT, canDigFromHere, digGoal } from '../mining/world.ts';
import { moveTo } from '../movement/move.ts';

/** The server answers a use at once; this covers the block update's way back. */
const CHANGE_WAIT_MS = 3000;
const FACES = [new Vec3(0, 1, 0), new Vec3(0, -1, 0), new Vec3(1, 0, 0), new Vec3(-1, 0, 0), new Vec3(0, 0, 1), new Vec3(0, 0, -1)];

/** The first of `tools` carried (they come cheapest first), or undefined. */
export function carriedTool(bot: Bot, tools: readonly string[]): Item | undefined {
  for (const t of tools) {
    const item = findItem(bot, t);
    if (item) return item;
  }
  return undefined;
}

/**
 * The open face of the block turned most towards the bot's eyes: a carved pumpkin's face is the one
 * clicked, and a face against another block cannot be clicked.
 */
export function faceTowardBot(bot: Bot, pos: Vec3): Vec3 {
  const towards = bot.entity.position.offset(0, EYE_HEIGHT, 0).minus(pos.offset(0.5, 0.5, 0.5));
  const open = FACES.filter((f) => bot.blockAt(pos.plus(f))?.boundingBox === 'empty');
  const faces = open.length > 0 ? open : FACES;
  return faces.reduce((best, f) => (f.dot(towards) > best.dot(towards) ? f : best));
}

/** NO_TOOL naming the tool (`an axe`) and the cheapest item that is one. */
export function missingTool(what: string, tools: readonly string[], block: string, doing: string): SkillError {
  return new SkillError('NO_TOOL', `need ${what} (${tools[0] ?? what}) to ${doing} ${block}`, { block, tool: tools[0] ?? what });
}

/**
 * Walks into reach of the block at `pos`, holds the first of `tools` carried and uses it on the face
 * turned to the bot; resolves once the world shows `becomes` there. NO_TOOL when none of `tools` is
 * carried (any longer), FAILED when the block went or did not change.
 */
export async function useToolOn(ctx: SkillContext, pos: Vec3, tools: readonly string[], becomes: string): Promise<void> {
  const { bot, signal } = ctx;
  const name = bot.blockAt(pos)?.name ?? 'nothing';
  const where = `${name} at ${fmt(pos)}`;
  if (!canDigFromHere(bot, pos)) await moveTo(ctx, digGoal(bot, pos), { what: where });
  const tool = carriedTool(bot, tools);
  if (!tool) throw new SkillError('NO_TOOL', `no ${tools.join(' or ')} left to use on ${where}`, { block: name, tool: tools[0] ?? 'a tool' });
  if (bot.heldItem?.name !== tool.name) await untilAborted(bot.equip(tool, 'hand'), signal);
  const block = bot.blockAt(pos);
  if (block?.name !== name) throw new SkillError('FAILED', `${where} is gone`);
  const face = faceTowardBot(bot, pos);
  await untilAborted(bot.activateBlock(block, face, new Vec3(0.5, 0.5, 0.5).plus(face.scaled(0.5))), signal);
  await waitUntil(() => bot.blockAt(pos)?.name === becomes, { signal, timeoutMs: CHANGE_WAIT_MS, what: `${where} to become ${becomes}` }).catch((err: unknown) => {
    if (signal.aborted || !(err instanceof SkillError) || err.code !== 'TIMEOUT') throw err;
    throw new SkillError('FAILED', `used ${tool.name} on ${where} but it did not become ${becomes} within ${CHANGE_WAIT_MS} ms`, undefined, { cause: err });
  });
}
