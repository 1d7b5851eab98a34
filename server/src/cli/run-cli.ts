/**
 * `jc`: parses the command line, runs one command and turns every failure into one line on stderr
 * and an exit code (0 done, 1 the operation failed, 2 the command was called wrongly). Returns the
 * exit code instead of exiting, so tests can call it directly.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { DataDirInUseError } from '../db/data-dir-lock.ts';
import { BackupError } from '../db/embedded-backup.ts';
import { DomainError } from '../domain/errors.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { type CliDeps, type CliIo, type Command, type OptionValues, UsageError } from './command.ts';
import { createAgencyCommand } from './create-agency.ts';
import { createRecurringReportsCommand } from './create-recurring-reports.ts';
import { createUserCommand } from './create-user.ts';
import { exportDatapointsCommand } from './export-datapoints.ts';
import { importSpreadsheetCommand } from './import-spreadsheet.ts';
import { loadFixturesCommand } from './load-fixtures.ts';
import { migrateCommand } from './migrate.ts';
import { sendRemindersCommand } from './send-reminders.ts';
import { setPasswordCommand } from './set-password.ts';
import { updateUserRoleCommand } from './update-user-role.ts';
import { appVersion } from '../version.ts';
import { verifyReleasesCommand } from './verify-releases.ts';

export const COMMANDS: readonly Command[] = [
  migrateCommand,
  createAgencyCommand,
  createUserCommand,
  updateUserRoleCommand,
  setPasswordCommand,
  loadFixturesCommand,
  exportDatapointsCommand,
  importSpreadsheetCommand,
  createRecurringReportsCommand,
  sendRemindersCommand,
  verifyReleasesCommand,
  backupCommand,
  restoreCommand,
];

/** How the lock file names the CLI when a server later finds the data folder busy. */
const LOCK_ROLE = 'jc command-line tool';

export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    'jc: the Justice Counts Publisher command-line tool',
    '',
    'Usage: jc <command> [options]   (or: npm run jc -- <command> [options])',
    '       jc --version             the release (package version + commit)',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Run `jc <command> --help` for the options of a command.',
    'The database is the one the server uses: DATABASE_URL, or the embedded one in DATA_DIR (./data).',
  ].join('\n');
}

export function commandHelp(command: Command): string {
  const flags = Object.entries(command.options).map(([name, spec]) => ({
    flag: `--${name}${spec.placeholder ? ` ${spec.placeholder}` : ''}`,
    text: `${spec.description}${spec.required ? ' (required)' : ''}`,
  }));
  flags.push({ flag: '-h, --help', text: 'show this help' });
  const width = Math.max(...flags.map((f) => f.flag.length)) + 2;
  const required = Object.entries(command.options)
    .filter(([, spec]) => spec.required)
    .map(([name, spec]) => `--${name} ${spec.placeholder ?? ''}`.trim());
  return [
    `jc ${command.name}: ${command.summary}`,
    '',
    `Usage: jc ${[command.name, ...required].join(' ')} [options]`,
    '',
    'Options:',
    ...flags.map((f) => `  ${f.flag.padEnd(width)}${f.text}`),
    ...(command.details ? ['', command.details] : []),
  ].join('\n');
}

function parseOptions(command: Command, args: string[]): OptionValues {
  const options: ParseArgsConfig['options'] = { help: { type: 'boolean', short: 'h' } };
  for (const [name, spec] of Object.entries(command.options)) options[name] = { type: spec.type };
  try {
    // No option is declared `multiple`, so every value is a string or a boolean.
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as OptionValues;
  } catch (error) {
    // Node's messages go on about positionals; the first sentence is the useful part.
    const message = (error as Error).message.split(/\.\s/)[0]?.replace(/\.$/, '') ?? 'bad arguments';
    throw new UsageError(message);
  }
}

function checkRequired(command: Command, values: OptionValues): void {
  const missing = Object.entries(command.options)
    .filter(([name, spec]) => spec.required && (values[name] === undefined || values[name] === ''))
    .map(([name]) => `--${name}`);
  if (missing.length > 0) throw new UsageError(`missing ${missing.join(', ')}`);
}

async function runCommand(command: Command, args: string[], io: CliIo, deps: CliDeps): Promise<void> {
  const values = parseOptions(command, args);
  if (values.help) {
    io.out(commandHelp(command));
    return;
  }
  checkRequired(command, values);
  const config = loadConfig(deps.env);
  await command.run(values, {
    io,
    clock: deps.clock,
    config,
    withDatabase: async (use) => {
      const opened = await deps.openDatabase(config, LOCK_ROLE);
      try {
        return await use(opened.database);
      } finally {
        await opened.close();
      }
    },
  });
}

/** Usage mistakes, unknown ids, bad values and unusable backup files exit 2; everything else that fails exits 1. */
function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError || error instanceof BackupError) return 2;
  if (error instanceof DomainError) return error.code === 'invalid_input' || error.code === 'not_found' ? 2 : 1;
  return 1;
}

function describeFailure(command: Command, error: unknown): string {
  const prefix = `jc ${command.name}: `;
  if (error instanceof UsageError) return `${prefix}${error.message}. See: jc ${command.name} --help`;
  if (
    error instanceof DomainError ||
    error instanceof DataDirInUseError ||
    error instanceof ConfigError ||
    error instanceof BackupError
  ) {
    return prefix + error.message;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `${prefix}failed unexpectedly: ${message}`;
}

export async function runCli(argv: readonly string[], io: CliIo, deps: CliDeps): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(generalHelp());
    return 2;
  }
  if (name === '--version' || name === '-v') {
    io.out(appVersion);
    return 0;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const wanted = COMMANDS.find((c) => c.name === args[0]);
    io.out(wanted ? commandHelp(wanted) : generalHelp());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`jc: unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}. See: jc --help`);
    return 2;
  }
  try {
    await runCommand(command, args, io, deps);
    return 0;
  } catch (error) {
    io.err(describeFailure(command, error));
    return exitCodeFor(error);
  }
}
