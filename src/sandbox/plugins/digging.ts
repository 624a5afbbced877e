import type { SandboxPlugin } from '../plugin.ts';

// PLACEHOLDER: filled in by the digging work.
export const diggingPlugin: SandboxPlugin = { name: 'skillcraft-digging' };
