#!/usr/bin/env node
// Runs the TypeScript sources through tsx so a fresh clone works after `npm ci` with no build step.
import { register } from 'tsx/esm/api';
import '../src/jit.mjs';

register();
await import('../src/cli/main.ts');
