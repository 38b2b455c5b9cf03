#!/usr/bin/env node
// The `rightly` command. It runs the TypeScript sources through tsx, so there is no separate
// build step for the server side: what is in the repository is what runs.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
