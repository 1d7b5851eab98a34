import type { Command } from './command.ts';

/** Opening the database applies pending migrations, so there is nothing else to do. */
export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply pending database migrations (the server also does this at start-up)',
  options: {},
  run: async (_values, { io, withDatabase }) => {
    const engine = await withDatabase(async (database) => database.engine);
    io.out(`Migrations are up to date (${engine === 'embedded' ? 'embedded database' : 'PostgreSQL'}).`);
  },
};
