#!/usr/bin/env node
// Runs the TypeScript CLI directly: tsx compiles on load, so a fresh checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
