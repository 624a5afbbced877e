import type { Bot } from 'mineflayer';
import type { Logger } from 'pino';
import { ChatLog } from '../../bot/chatLog.ts';
import type { ChatReporter } from './reporter.ts';
import { inventoryLine } from './text.ts';
import { helpLine, parseCommand, type CommandName } from '../commands.ts';
import { KeyedLimiter } from '../rateLimit.ts';
import type { Controllable } from '../session.ts';

export interface ChatCommandsOptions {
  bot: Bot;
  control: Controllable;
  reporter: ChatReporter;
  /** Player names allowed to give commands, compared exactly (case included). */
  owners: readonly string[];
  log: Logger;
  /** Where other players' chat is kept, as data only (default: a new ChatLog). */
  chatLog?: ChatLog;
  /** Commands an owner may give in a burst, then one more every `refillMs` (defaults 5 and 2000); !stop always passes. */
  burst?: number;
  refillMs?: number;
}

/** `!build`'s answer where only one fixed job runs (`skillcraft run` or `build`). */
export const NO_BUILD = '!build is for `skillcraft agent`; this bot runs one job only';

/**
 * Owners' chat commands (`!task`, `!stop`, …). Commands from anyone else are ignored and logged;
 * chat that is not a command is never acted on: it is only kept, quoted and labelled, as data.
 */
export class ChatCommands {
  readonly chatLog: ChatLog;
  private readonly owners: ReadonlySet<string>;
  private readonly limiter: KeyedLimiter;
  /** Owners told to slow down, so a flood gets one warning rather than one per message. */
  private readonly warned = new Set<string>();
  private readonly log: Logger;
  private started = false;

  constructor(private readonly opts: ChatCommandsOptions) {
    this.owners = new Set(opts.owners);
    this.chatLog = opts.chatLog ?? new ChatLog();
    this.limiter = new KeyedLimiter(opts.burst ?? 5, opts.refillMs ?? 2000);
    this.log = opts.log.child({ component: 'chat' });
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.opts.bot.on('chat', this.onChat);
    this.opts.bot.on('whisper', this.onWhisper);
  }

  stop(): void {
    this.started = false;
    this.opts.bot.removeListener('chat', this.onChat);
    this.opts.bot.removeListener('whisper', this.onWhisper);
  }

  // receive() reports its own failures (log and a chat reply), so nothing is left to await here.
  private readonly onChat = (username: string, message: string): void => { void this.receive(username, message, 'chat'); };
  private readonly onWhisper = (username: string, message: string): void => { void this.receive(username, message, 'whisper'); };

  /** One chat message from `username`; resolves once a command's reply is queued. */
  receive(username: string, message: string, source: 'chat' | 'whisper' = 'chat'): Promise<void> {
    if (username === this.opts.bot.username) return Promise.resolve();
    const parsed = parseCommand(message);
    const owner = this.owners.has(username);
    if (parsed.kind === 'chat' || !owner) {
      this.chatLog.add({ source, from: username, text: message, at: Date.now() });
      if (parsed.kind !== 'chat') this.log.info({ from: username, command: parsed.name }, `ignored !${parsed.name} from ${username}, who is not an owner`);
      return Promise.resolve();
    }
    // !stop is never held back: stopping the bot must always work.
    const isStop = parsed.kind === 'command' && parsed.name === 'stop';
    if (!isStop && !this.limiter.take(username)) {
      this.log.warn({ from: username }, `${username} sends commands too fast; ignoring`);
      if (!this.warned.has(username)) this.opts.reporter.reply(`${username}: too many commands, wait a moment`);
      this.warned.add(username);
      return Promise.resolve();
    }
    this.warned.delete(username);
    if (parsed.kind === 'unknown') {
      this.opts.reporter.reply(`unknown command !${parsed.name}; ${helpLine()}`);
      return Promise.resolve();
    }
    this.log.info({ from: username, command: parsed.name, arg: parsed.arg }, 'command');
    return this.run(parsed.name, parsed.arg, username).catch((err: unknown) => {
      this.log.error({ err, command: parsed.name }, 'command failed');
      this.opts.reporter.reply(`!${parsed.name} failed: ${err instanceof Error ? err.message : String(err)}`);
    });
  }

  private async run(name: CommandName, arg: string, from: string): Promise<void> {
    const { control, reporter, bot } = this.opts;
    switch (name) {
      case 'task': {
        if (!arg) return reporter.reply('usage: !task <goal>, e.g. !task wooden pickaxe');
        const r = await control.startTask(arg);
        return reporter.reply(r.ok ? `on it: ${r.text}` : `can't do "${arg}": ${r.message}`);
      }
      case 'build': {
        if (!control.startBuild) return reporter.reply(NO_BUILD);
        const r = await control.startBuild(arg);
        return reporter.reply(r.ok ? `on it: ${r.text}` : r.message);
      }
      case 'stop': {
        const what = await control.stop();
        return reporter.reply(what ? `stopped ${what}` : 'nothing to stop');
      }
      case 'status': {
        const hp = `health ${Math.round(bot.health ?? 0)}/20, food ${Math.round(bot.food ?? 0)}/20`;
        return reporter.reply(`${control.statusLine()}; ${hp}`);
      }
      case 'plan':
        return reporter.reply(control.planLine());
      case 'come': {
        const r = await control.come(from);
        return reporter.reply(r.ok ? `coming, ${from}` : r.message);
      }
      case 'follow': {
        const r = await control.follow(from);
        return reporter.reply(r.ok ? `following you, ${from} (!stop to stop)` : r.message);
      }
      case 'inventory': {
        if (control.inventoryLine) return reporter.reply(control.inventoryLine());
        const counts: Record<string, number> = {};
        for (const item of bot.inventory.items()) counts[item.name] = (counts[item.name] ?? 0) + item.count;
        return reporter.reply(inventoryLine(counts));
      }
      case 'help':
        return reporter.reply(helpLine());
    }
  }
}
