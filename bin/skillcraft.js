#!/usr/bin/env node
// The CLI is TypeScript run through tsx's loader so that `npm ci` is the only build step a user needs.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
