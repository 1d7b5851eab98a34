/**
 * A new embedded data folder starts as a copy of a migrated template (see embedded-template.ts).
 * These tests build one template in a scratch cache folder and check what every copy must be:
 * the committed schema, with every migration recorded, made once and then reused.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { createFromTemplate, templateDir } from '../../src/db/embedded-template.ts';
import { migrationsFolder } from '../../src/db/migrate.ts';
import { queryRows } from '../../src/db/query-rows.ts';
import { describeSchema } from '../support/describe-schema.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'jc-template-test-'));
const cacheDir = path.join(scratch, 'cache');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const snapshot = JSON.parse(readFileSync(new URL('../schema-snapshot.json', import.meta.url), 'utf8')) as unknown;
const migrationCount = (
  JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }
).entries.length;

// Building the template runs PGlite's initdb: tens of seconds on a busy machine.
describe('createFromTemplate', { timeout: 180_000 }, () => {
  it('fills a new folder with the migrated schema, builds the template once and drops older ones', async () => {
    mkdirSync(path.join(cacheDir, 'pglite-0123456789abcdef'), { recursive: true });
    const first = path.join(scratch, 'first', 'pglite');
    mkdirSync(path.dirname(first));
    await createFromTemplate(first, cacheDir);

    const template = templateDir(cacheDir);
    expect(readdirSync(cacheDir)).toEqual([path.basename(template)]);
    const builtAt = statSync(path.join(template, 'PG_VERSION')).mtimeMs;

    const database = await openDatabase({ dataDir: first });
    try {
      expect(await describeSchema(database)).toEqual(snapshot);
      const applied = await queryRows<{ count: number }>(
        database.db,
        sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
      );
      expect(applied[0]?.count).toBe(migrationCount);
    } finally {
      await database.close();
    }

    const second = path.join(scratch, 'second', 'pglite');
    mkdirSync(path.dirname(second));
    await createFromTemplate(second, cacheDir);
    expect(existsSync(path.join(second, 'PG_VERSION'))).toBe(true);
    expect(statSync(path.join(template, 'PG_VERSION')).mtimeMs).toBe(builtAt);
  });

  it('leaves a folder that already holds other files alone and throws', async () => {
    const taken = path.join(scratch, 'taken', 'pglite');
    mkdirSync(taken, { recursive: true });
    writeFileSync(path.join(taken, 'notes.txt'), 'mine');

    await expect(createFromTemplate(taken, cacheDir)).rejects.toThrow(/ENOTEMPTY|EEXIST/);
    expect(readdirSync(taken)).toEqual(['notes.txt']);
    expect(readdirSync(path.dirname(taken))).toEqual(['pglite']);
  });
});
