#!/usr/bin/env node
// The detc command. It runs the TypeScript sources through tsx, so a fresh clone works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../driver/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
