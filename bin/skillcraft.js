#!/usr/bin/env node
// The CLI is TypeScript run through tsx's loader so that `npm ci` is the only build step a user needs.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));

// The command is over once main returns. Libraries it drove may still hold timers (flying-squid
// rejects a 5 s 'listening' wait after a failed listen, and would crash the process with it), so
// exit now, once everything written to stdout and stderr has been flushed.
const flushed = (stream) => new Promise((resolve) => stream.write('', resolve));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
