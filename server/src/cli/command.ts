/**
 * The shape every `jc` command has, and the helpers commands use to read their options. A command
 * checks its arguments, then opens the database only if they are sound, and calls one domain use
 * case with the system actor.
 */
import type { Config } from '../config.ts';
import type { OpenedDatabase } from '../db/open-configured.ts';
import type { Database } from '../db/database.ts';
import type { Clock } from '../ports.ts';

/** A mistake in how the command was called: reported in one line, exit code 2. */
export class UsageError extends Error {}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** What the CLI needs from the outside world; tests hand in their own database and clock. */
export interface CliDeps {
  env: Record<string, string | undefined>;
  clock: Clock;
  openDatabase(config: Config, role: string): Promise<OpenedDatabase>;
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Shown in help after the flag, e.g. `--email EMAIL`. */
  placeholder?: string;
  description: string;
  required?: boolean;
}

export type OptionValues = Record<string, string | boolean | undefined>;

export interface CommandContext {
  io: CliIo;
  clock: Clock;
  config: Config;
  /** Opens (and migrates) the configured database for the duration of `use`. */
  withDatabase<T>(use: (database: Database) => Promise<T>): Promise<T>;
}

export interface Command {
  name: string;
  summary: string;
  /** Extra lines of help after the option list: examples, what is printed. */
  details?: string;
  options: Record<string, OptionSpec>;
  run(values: OptionValues, context: CommandContext): Promise<void>;
}

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** `--date` as an ISO day (`today` when absent), refusing impossible dates such as 2024-02-30. */
export function dayOption(value: string | undefined, today: string): string {
  if (value === undefined) return today;
  const parsed = new Date(`${value}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(parsed.getTime()) ||
    parsed.toISOString().slice(0, 10) !== value
  ) {
    throw new UsageError(`--date must be a day written YYYY-MM-DD (got "${value}")`);
  }
  return value;
}

/** A comma-separated option as a list, without empty items. */
export function listOption(values: OptionValues, name: string): string[] {
  return (stringOption(values, name) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A required string option; the runner has already checked presence, this narrows the type. */
export function requiredString(values: OptionValues, name: string): string {
  const value = stringOption(values, name);
  if (value === undefined) throw new UsageError(`--${name} is required`);
  return value;
}

/** An id option such as --agency 12; undefined when the option was not given. */
export function idOption(values: OptionValues, name: string): number | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  const id = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(id) || id < 1) {
    throw new UsageError(`--${name} must be an id, a whole number from 1 (got "${raw}")`);
  }
  return id;
}

export function requiredId(values: OptionValues, name: string): number {
  const id = idOption(values, name);
  if (id === undefined) throw new UsageError(`--${name} is required`);
  return id;
}

/** Prints a created record as JSON for scripts, or a sentence for people. */
export function printResult(io: CliIo, values: OptionValues, record: object, sentence: string): void {
  io.out(values.json ? JSON.stringify(record, null, 2) : sentence);
}
