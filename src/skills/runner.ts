import type { Bot } from 'mineflayer';
import type { Logger } from 'pino';
import type { Knowledge } from '../knowledge/kb.ts';
import { SkillError } from '../base/errors.ts';
import type { AnySkill, SkillContext, SkillOutcome } from './types.ts';

export interface RunEnv {
  bot: Bot;
  log: Logger;
  knowledge: Knowledge;
  /** Aborts the skill from outside (stop command, reflex). */
  signal?: AbortSignal;
  /** Overrides the skill's own timeout (tests). */
  timeoutMs?: number;
  /** Receives the skill's reports (SkillContext.report). */
  report?: SkillContext['report'];
}

/**
 * The one boundary between skills and the agent: validates arguments, enforces the timeout and the
 * abort signal, stops whatever the bot was doing when a skill is cut short, and turns every failure
 * into a SkillOutcome with a code and a message naming what is missing.
 */
export async function runSkill(skill: AnySkill, rawArgs: unknown, env: RunEnv): Promise<SkillOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const parsed = skill.params.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.') || 'args'}: ${i.message}`).join('; ');
    return { ok: false, skill: skill.name, args: rawArgs, elapsedMs: elapsed(), code: 'BAD_ARGS', message: `bad arguments for ${skill.name}: ${why}` };
  }
  const args: unknown = parsed.data;
  const timeoutMs = env.timeoutMs ?? (typeof skill.timeoutMs === 'function' ? skill.timeoutMs(args, env.knowledge) : skill.timeoutMs);
  const log = env.log.child({ skill: skill.name });
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(new SkillError('TIMEOUT', `${skill.name} did not finish within ${timeoutMs} ms`)), timeoutMs);
  const parent = env.signal;
  const onParentAbort = () => {
    const r: unknown = parent?.reason;
    ac.abort(r instanceof SkillError ? r : new SkillError('ABORTED', `${skill.name} was stopped${r instanceof Error ? `: ${r.message}` : ''}`));
  };
  if (parent?.aborted) onParentAbort();
  else parent?.addEventListener('abort', onParentAbort, { once: true });
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(ac.signal.reason as Error);
    if (ac.signal.aborted) onAbort();
    else ac.signal.addEventListener('abort', onAbort, { once: true });
  });
  const running = Promise.resolve().then(() => skill.run({ bot: env.bot, log, signal: ac.signal, knowledge: env.knowledge, ...(env.report ? { report: env.report } : {}) }, args));
  try {
    log.debug({ args }, 'skill start');
    const result = await Promise.race([running, aborted]);
    log.debug({ ms: elapsed() }, 'skill done');
    return { ok: true, skill: skill.name, args, elapsedMs: elapsed(), result };
  } catch (err) {
    const e = err instanceof SkillError ? err : new SkillError('FAILED', `${skill.name} failed: ${err instanceof Error ? err.message : String(err)}`, undefined, { cause: err });
    log.debug({ code: e.code, err: e.message, ms: elapsed() }, 'skill failed');
    return { ok: false, skill: skill.name, args, elapsedMs: elapsed(), code: e.code, message: e.message, ...(e.missing ? { missing: e.missing } : {}) };
  } finally {
    clearTimeout(timer);
    parent?.removeEventListener('abort', onParentAbort);
    if (onAbort) ac.signal.removeEventListener('abort', onAbort);
    if (ac.signal.aborted) {
      stopActivity(env.bot, log);
      // A skill cut short may still settle later; its outcome is already reported.
      running.then(
        () => log.debug('skill finished after it was cut short'),
        (err: unknown) => log.debug({ err: err instanceof Error ? err.message : String(err) }, 'skill settled after it was cut short'),
      );
    } else {
      ac.abort(new SkillError('ABORTED', `${skill.name} finished`)); // releases waits a skill left behind
    }
  }
}

/** Leaves the bot idle: no path, no digging, no keys held, no window open. */
export function stopActivity(bot: Bot, log: Logger): void {
  try {
    bot.pathfinder?.stop();
    bot.pathfinder?.setGoal(null);
    bot.stopDigging();
    bot.clearControlStates();
    if (bot.currentWindow) Promise.resolve(bot.closeWindow(bot.currentWindow)).catch((err: unknown) => log.warn({ err }, 'could not close the open window'));
  } catch (err) {
    log.warn({ err }, 'could not fully stop the bot');
  }
}
