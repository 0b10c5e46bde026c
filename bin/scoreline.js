#!/usr/bin/env node
// Runs the TypeScript entry point through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
const { main, exitAfterFlush, exitQuietlyOnClosedPipe } = await import(
  '../src/cli/main.ts'
);
exitQuietlyOnClosedPipe();
await exitAfterFlush(await main(process.argv.slice(2)));
