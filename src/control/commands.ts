/** The chat commands owners may give, with the one-line help each shows. */
export const COMMANDS = {
  task: '!task <goal> — start a task (stops the current one), e.g. !task wooden pickaxe',
  build: '!build <name> — build a schematic from the schematics folder near me (stops the current task); !build lists them',
  stop: '!stop — stop the task, walking or following',
  status: '!status — what I am doing',
  plan: '!plan — the plan for the current task',
  come: '!come — walk to you',
  follow: '!follow — follow you until !stop',
  inventory: '!inventory — what I carry',
  help: '!help — this list',
} as const;

export type CommandName = keyof typeof COMMANDS;

export const COMMAND_PREFIX = '!';
/** A command line longer than this is refused before anything reads it. */
export const MAX_COMMAND_LENGTH = 200;

export type ParsedChat =
  | { kind: 'command'; name: CommandName; arg: string }
  | { kind: 'unknown'; name: string }
  | { kind: 'chat' };

/** `!name rest…` → the command and its argument; anything not starting with `!` is plain chat. */
export function parseCommand(message: string): ParsedChat {
  const text = message.trim();
  if (!text.startsWith(COMMAND_PREFIX)) return { kind: 'chat' };
  const m = /^!(\S*)\s*([\s\S]*)$/.exec(text.slice(0, MAX_COMMAND_LENGTH + 1));
  const name = (m?.[1] ?? '').toLowerCase();
  if (text.length > MAX_COMMAND_LENGTH || !isCommand(name)) return { kind: 'unknown', name };
  return { kind: 'command', name, arg: (m?.[2] ?? '').trim() };
}

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

export function helpLine(): string {
  return `commands: ${Object.keys(COMMANDS).map((c) => `!${c}`).join(' ')} — !task <goal>, e.g. !task stone pickaxe`;
}
