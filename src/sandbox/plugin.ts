import type { Logger } from 'pino';
import type { SquidPlayer, SquidServer } from './squid/types.ts';
import type { SandboxOptions } from '../config/sandbox.ts';

export interface SandboxContext {
  log: Logger;
  options: SandboxOptions;
}

/** One feature of the sandbox, in the shape of flying-squid's own plugins, with our context passed in. */
export interface SandboxPlugin {
  name: string;
  server?: (serv: SquidServer, ctx: SandboxContext) => void;
  player?: (player: SquidPlayer, serv: SquidServer, ctx: SandboxContext) => void;
}
