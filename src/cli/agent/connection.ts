// Keeps the agent's bots on their server until Ctrl+C. A connection lost during a task is made again by the
// task itself (src/agent/run.ts); one lost while idle is made again here, with the same backoff.
import type { Bot } from 'mineflayer';
import { reconnect } from '../../agent/resilience/connection.ts';
import { waitUntil } from '../../base/wait.ts';
import type { CommandContext } from '../context.ts';

/** One bot the agent keeps connected: an OpenWorld, or a team's member. Reconnecting replaces `bot`. */
export interface Link {
  bot: Bot;
  /** Absent: the bot may not come back (a retired team member); losing it gives up. */
  connect?: (signal: AbortSignal) => Promise<Bot>;
}

export interface StayOptions<L extends Link> {
  /** Whether a task runs that reconnects its own bots. */
  busy: () => boolean;
  /** A new bot after an idle reconnect: whatever followed the old one (dashboard, chat, commands) moves to it. */
  onBot: (link: L, bot: Bot) => void;
  /** A line for the terminal about this link (`connection lost while idle; reconnecting`). */
  say: (link: L, text: string) => void;
}

/** How long a task may take to reconnect or end after its connection went, before the agent reconnects itself. */
const IDLE_RECONNECT_WAIT_MS = 5 * 60_000;

/** Resolves on Ctrl+C (`interrupted`), or once one link could not be made again (`gave_up`; the others are left alone). */
export async function stayConnected<L extends Link>(ctx: CommandContext, links: readonly L[], opts: StayOptions<L>): Promise<'interrupted' | 'gave_up'> {
  const quit = new AbortController();
  const signal = AbortSignal.any([ctx.signal, quit.signal]);
  const ends = await Promise.all(links.map(async (link) => {
    const why = await keep(ctx, link, signal, opts);
    if (why === 'gave_up') quit.abort(new Error('a connection could not be made again'));
    return why;
  }));
  return ends.includes('gave_up') ? 'gave_up' : 'interrupted';
}

async function keep<L extends Link>(ctx: CommandContext, link: L, signal: AbortSignal, opts: StayOptions<L>): Promise<'interrupted' | 'gave_up'> {
  for (;;) {
    const ended = link.bot;
    if (await untilStopped(signal, ended) === 'interrupted') return 'interrupted';
    try {
      await waitUntil(() => link.bot !== ended || !opts.busy(), { signal, timeoutMs: IDLE_RECONNECT_WAIT_MS, what: 'the task to reconnect or end' });
    } catch (err) {
      if (signal.aborted) return 'interrupted';
      ctx.log.warn({ err }, 'the running task neither reconnected nor ended; reconnecting');
    }
    if (link.bot !== ended) continue;
    const connect = link.connect;
    if (!connect) {
      opts.say(link, 'gave up: connection lost, and this bot may not come back');
      return 'gave_up';
    }
    opts.say(link, 'connection lost while idle; reconnecting');
    try {
      link.bot = await reconnect((s) => connect(s), signal);
    } catch (err) {
      if (signal.aborted) return 'interrupted';
      opts.say(link, `gave up: ${err instanceof Error ? err.message : String(err)}`);
      return 'gave_up';
    }
    opts.onBot(link, link.bot);
    opts.say(link, 'reconnected');
  }
}

/** Resolves on the signal or when the bot loses its connection. */
function untilStopped(signal: AbortSignal, bot: Bot): Promise<'interrupted' | 'disconnected'> {
  if (signal.aborted) return Promise.resolve('interrupted');
  return new Promise((resolve) => {
    const finish = (why: 'interrupted' | 'disconnected'): void => {
      signal.removeEventListener('abort', onAbort);
      bot.removeListener('end', onEnd);
      resolve(why);
    };
    const onAbort = (): void => finish('interrupted');
    const onEnd = (): void => finish('disconnected');
    signal.addEventListener('abort', onAbort, { once: true });
    bot.once('end', onEnd);
  });
}
