import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Executor } from '../../src/db/database.ts';
import { readTogether } from '../../src/db/read-together.ts';
import { openTestDatabase } from '../support/test-database.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** Two reads that note when each starts and ends, in the order they do. */
async function noteOrder(db: Executor): Promise<string[]> {
  const notes: string[] = [];
  const read = (name: string) => async () => {
    notes.push(`${name} starts`);
    await db.execute(sql`select 1`);
    notes.push(`${name} ends`);
  };
  await readTogether(db, [read('a'), read('b')]);
  return notes;
}

describe('readTogether', () => {
  it('runs the reads at once on the pool', async () => {
    expect((await noteOrder(database.db)).slice(0, 2)).toEqual(['a starts', 'b starts']);
  });

  it('runs them one after another in a transaction, whose one connection takes one query at a time', async () => {
    const notes = await database.db.transaction((tx) => noteOrder(tx));
    expect(notes).toEqual(['a starts', 'a ends', 'b starts', 'b ends']);
  });

  it('gives each read its own answer, in order', async () => {
    const answers = await database.db.transaction((tx) =>
      readTogether(tx, [async () => 1, async () => 'two'] as const),
    );
    expect(answers).toEqual([1, 'two']);
  });
});
