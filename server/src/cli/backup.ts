/**
 * `jc backup` and `jc restore`: the embedded engine's data folder to one file and back, with the
 * server stopped. PostgreSQL has its own tools for this (pg_dump, pg_restore; docs/operations.md).
 */
import type { Config } from '../config.ts';
import { backupDataDir, restoreDataDir } from '../db/embedded-backup.ts';
import { type Command, requiredString, UsageError } from './command.ts';

function embeddedOnly(config: Config, command: string): void {
  if (config.databaseUrl) {
    throw new UsageError(
      `${command} is for the embedded database; DATABASE_URL names a PostgreSQL server: use pg_dump and pg_restore`,
    );
  }
}

export const backupCommand: Command = {
  name: 'backup',
  summary: 'save the embedded database (DATA_DIR) to one file; stop the server first',
  options: {
    out: {
      type: 'string',
      placeholder: 'FILE',
      description: 'the backup file to write (must not exist)',
      required: true,
    },
  },
  details: 'Uploaded workbooks are in the database, so the backup has them. Restore it with jc restore.',
  run: async (values, { io, config }) => {
    embeddedOnly(config, 'jc backup');
    const out = requiredString(values, 'out');
    const { bytes } = await backupDataDir(config.dataDir, out);
    io.out(`Saved the database in ${config.dataDir} to ${out} (${bytes.toLocaleString('en-US')} bytes).`);
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'replace the embedded database (DATA_DIR) with a backup made by jc backup; stop the server first',
  options: {
    file: { type: 'string', placeholder: 'FILE', description: 'the backup file to restore', required: true },
  },
  details: [
    'The database that was there is kept beside it, renamed (the command prints the name); delete it',
    'once the restored data looks right. A backup from an earlier release is upgraded at the next start;',
    'one from a newer release is refused (restore it with that release).',
  ].join('\n'),
  run: async (values, { io, clock, config }) => {
    embeddedOnly(config, 'jc restore');
    const file = requiredString(values, 'file');
    const { keptAs } = await restoreDataDir(config.dataDir, file, clock.now());
    io.out(`Restored ${file} into ${config.dataDir}.`);
    if (keptAs) io.out(`The database that was there is kept in ${keptAs}.`);
  },
};
