import type { SandboxPlugin } from '../plugin.ts';

// PLACEHOLDER: filled in by the items work.
export const itemsPlugin: SandboxPlugin = { name: 'skillcraft-items' };
