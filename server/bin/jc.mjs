#!/usr/bin/env node
// The installed `jc` command: loads the TypeScript CLI through tsx, whichever folder it runs from.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
