// /effect give|clear as vanilla answers them (1.13+ syntax).
import type { SquidServer } from '../../squid/types.ts';
import { tr } from '../../text.ts';
import { CommandError, feedback, parseInteger, resolvePlayers, senderPlayer, words, type CommandContext } from './core.ts';
import { clearEffects, effectKey, findEffect, giveEffect, isInstant, type EffectType } from '../survival/effects.ts';

/** Vanilla's bounds: seconds 1..1000000, amplifier 0..255. */
const MAX_SECONDS = 1_000_000;

function effectArg(serv: SquidServer, text: string | undefined): EffectType {
  if (!text) throw new CommandError('Usage: /effect give <targets> <effect> [seconds] [amplifier] [hideParticles]');
  const type = findEffect(serv, text);
  if (!type) throw new CommandError(`Unknown effect: ${text.includes(':') ? text : `minecraft:${text}`}`);
  return type;
}

const effectName = (type: EffectType) => tr(`effect.minecraft.${effectKey(type)}`);

/** Ticks from the seconds argument: "infinite" from 1.19.4, instant effects count ticks not seconds. */
function durationTicks(serv: SquidServer, type: EffectType, text: string | undefined): number {
  if (text === 'infinite' && serv.registry.version['>=']('1.19.4')) return -1;
  if (text === undefined) return isInstant(type) ? 1 : 30 * 20;
  const seconds = parseInteger(text, 'seconds', 1, MAX_SECONDS);
  return isInstant(type) ? seconds : seconds * 20;
}

function give(serv: SquidServer, a: string[], ctx: CommandContext): void {
  const [target, effectText, secondsText, ampText, hideText, ...rest] = a;
  if (!target || rest.length) throw new CommandError('Usage: /effect give <targets> <effect> [seconds] [amplifier] [hideParticles]');
  const type = effectArg(serv, effectText);
  const duration = durationTicks(serv, type, secondsText);
  const amplifier = ampText === undefined ? 0 : parseInteger(ampText, 'amplifier', 0, 255);
  if (hideText !== undefined && hideText !== 'true' && hideText !== 'false') throw new CommandError(`Invalid boolean '${hideText}'`);
  const flags = hideText === 'true' ? 0 : 6;
  const players = resolvePlayers(serv, ctx, target);
  const given = players.filter((p) => giveEffect(serv, p, { type, amplifier, duration, flags }));
  if (given.length === 0) throw new CommandError('Unable to apply this effect (target is either immune to effects, or has something stronger)');
  feedback(serv, ctx, given.length === 1
    ? tr('commands.effect.give.success.single', effectName(type), given[0]!.username)
    : tr('commands.effect.give.success.multiple', effectName(type), given.length));
}

function clear(serv: SquidServer, a: string[], ctx: CommandContext): void {
  const [target, effectText, ...rest] = a;
  if (rest.length) throw new CommandError(`Unexpected argument '${rest[0]}'`);
  const players = target === undefined ? [senderPlayer(ctx)] : resolvePlayers(serv, ctx, target);
  const type = effectText === undefined ? undefined : effectArg(serv, effectText);
  const cleared = players.filter((p) => clearEffects(p, type) > 0);
  if (type) {
    if (cleared.length === 0) throw new CommandError('Target doesn\'t have the requested effect');
    feedback(serv, ctx, cleared.length === 1
      ? tr('commands.effect.clear.specific.success.single', effectName(type), cleared[0]!.username)
      : tr('commands.effect.clear.specific.success.multiple', effectName(type), cleared.length));
    return;
  }
  if (cleared.length === 0) throw new CommandError('Target has no effects to remove');
  feedback(serv, ctx, cleared.length === 1
    ? tr('commands.effect.clear.everything.success.single', cleared[0]!.username)
    : tr('commands.effect.clear.everything.success.multiple', cleared.length));
}

function effect(serv: SquidServer, args: string, ctx: CommandContext): void {
  const [action, ...rest] = words(args);
  if (action === 'give') give(serv, rest, ctx);
  else if (action === 'clear') clear(serv, rest, ctx);
  else throw new CommandError('Usage: /effect give <targets> <effect> [seconds] [amplifier] [hideParticles] or /effect clear [targets] [effect]');
}

export const EFFECT_COMMANDS = [
  { base: 'effect', info: 'Adds or removes status effects', usage: '/effect <give|clear> <targets> [effect] [seconds] [amplifier] [hideParticles]', run: effect },
];
