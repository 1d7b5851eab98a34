/** Entry point of `jc` (`npm run jc -- <command>`, or the `jc` bin). */
import { openConfiguredDatabase } from '../db/open-configured.ts';
import { systemClock } from '../ports.ts';
import { runCli } from './run-cli.ts';

process.exitCode = await runCli(
  process.argv.slice(2),
  { out: (text) => console.log(text), err: (text) => console.error(text) },
  { env: process.env, clock: systemClock, openDatabase: openConfiguredDatabase },
);
