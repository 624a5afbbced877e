// What other players say while a task runs is kept as data: a chat-model planner may read it,
// quoted and labelled, but nothing in it is ever run as a command (`skillcraft run` takes none).
import type { Bot } from 'mineflayer';
import { ChatLog, type UntrustedText } from '../../bot/chatLog.ts';

/** Records other players' chat and whispers of whichever bot is attached (reconnects re-attach). */
export class ChatRecorder {
  readonly log: ChatLog;
  private detach: (() => void) | undefined;

  constructor(log = new ChatLog()) {
    this.log = log;
  }

  attach(bot: Bot): void {
    this.detach?.();
    const onChat = (username: string, message: string) => this.add(bot, username, message, 'chat');
    const onWhisper = (username: string, message: string) => this.add(bot, username, message, 'whisper');
    bot.on('chat', onChat);
    bot.on('whisper', onWhisper);
    this.detach = () => {
      bot.removeListener('chat', onChat);
      bot.removeListener('whisper', onWhisper);
      this.detach = undefined;
    };
  }

  stop(): void {
    this.detach?.();
  }

  recent(n?: number): UntrustedText[] {
    return this.log.recent(n);
  }

  private add(bot: Bot, username: string, message: string, source: 'chat' | 'whisper'): void {
    if (username === bot.username) return;
    this.log.add({ source, from: username, text: message, at: Date.now() });
  }
}
