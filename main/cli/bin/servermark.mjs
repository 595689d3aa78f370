#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so a fresh clone works right after `npm ci`, no build.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// Pin our tsconfig: by default tsx reads the one in the caller's working directory.
register({ tsconfig: fileURLToPath(new URL('../../../tsconfig.json', import.meta.url)) });
const { runCli } = await import('../servermark.ts');
// exitCode, not exit(): let piped stdout drain first.
process.exitCode = await runCli();
