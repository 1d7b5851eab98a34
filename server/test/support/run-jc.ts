/** Runs `jc` in-process on a test database and captures what it prints and its exit code. */
import { afterAll, expect } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';
import type { Database } from '../../src/db/database.ts';
import type { Clock } from '../../src/ports.ts';
import { systemClock } from '../../src/ports.ts';
import { openTestDatabase } from './test-database.ts';

export interface JcResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function jcOn(database: Database, clock: Clock = systemClock) {
  return async (...argv: string[]): Promise<JcResult> => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      argv,
      { out: (text) => out.push(text), err: (text) => err.push(text) },
      { env: {}, clock, openDatabase: async () => ({ database, isNewEmbedded: false, close: async () => undefined }) },
    );
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  };
}

/** What a test file of `jc` commands starts from: a test database, closed after its last test, and `jc` on it. */
export async function jcTestFile() {
  const database = await openTestDatabase();
  afterAll(() => database.close());
  return { database, jc: jcOn(database) };
}

/** A failed command: the exit code, and one line on stderr naming the problem, no stack trace. */
export function expectRefusal(result: JcResult, code: number, problem: string): void {
  expect(result.code).toBe(code);
  expect(result.stderr).toContain(problem);
  expect(result.stderr.split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  expect(result.stdout).toBe('');
}
