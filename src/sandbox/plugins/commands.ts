import type { SandboxPlugin } from '../plugin.ts';

// PLACEHOLDER: filled in by the commands work.
export const commandsPlugin: SandboxPlugin = { name: 'skillcraft-commands' };
