// Loads flying-squid without its process-wide side effects.
import { createRequire } from 'node:module';
import type { SquidServer } from './types.ts';

const require = createRequire(import.meta.url);

type Generator = (options: Record<string, unknown>) => (chunkX: number, chunkZ: number) => unknown;
interface SquidModule {
  createMCServer(options: Record<string, unknown>): SquidServer;
  generations: Record<string, Generator>;
}

let loaded: SquidModule | undefined;

export function loadSquid(): SquidModule {
  if (loaded) return loaded;
  // flying-squid's log plugin, when it believes it runs in Node, opens a readline prompt on stdin,
  // replaces console.log on a TTY and installs an exit hook at require time. Loading that one module
  // while `process.browser` is set keeps all three out of our process; nothing else reads the flag.
  const proc = process as NodeJS.Process & { browser?: boolean };
  const had = proc.browser;
  proc.browser = true;
  try {
    require('flying-squid/src/lib/plugins/log.js');
  } finally {
    if (had === undefined) delete proc.browser;
    else proc.browser = had;
  }
  loaded = require('flying-squid') as SquidModule;
  return loaded;
}

/** Registers a world generator under a name flying-squid can look up (it `require`s unknown names). */
export function registerGenerator(name: string, generator: Generator): void {
  loadSquid().generations[name] = generator;
}
