/** `jc import`: the same checks and messages as the upload page, a dry run that writes nothing, and usage errors. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { givenAgency } from '../support/given.ts';
import { valuesOf, writtenRows, xlsx } from '../support/given-uploads.ts';
import { expectRefusal, jcOn } from '../support/run-jc.ts';
import { testFile } from '../support/test-file.ts';

const { t } = await testFile();
const jc = jcOn(t.database);
const folder = mkdtempSync(path.join(tmpdir(), 'jc-import-'));

async function workbookFile(): Promise<string> {
  const file = path.join(folder, 'arrests.xlsx');
  writeFileSync(
    file,
    await xlsx({
      arrests: [
        ['year', 'month', 'value'],
        [2023, 1, 5],
        [2023, 'Marchuary', 6],
      ],
    }),
  );
  return file;
}

describe('jc import', () => {
  it('checks without writing on --dry-run, then saves with the same messages', async () => {
    const agency = await givenAgency(t.database.db, { systems: ['LAW_ENFORCEMENT'] });
    const file = await workbookFile();
    const dry = await jc('import', '--file', file, '--agency', String(agency.id), '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("ERROR Invalid 'month' Column Value (LAW_ENFORCEMENT_ARRESTS, arrests): Row 3");
    expect(dry.stdout).toContain('Dry run: 1 values would be saved, nothing was written; 1 error(s), 0 warning(s).');
    expect(await writtenRows(t.database.db, [agency.id])).toEqual({ reports: 0, datapoints: 0, spreadsheets: 0 });

    const run = await jc('import', '--file', file, '--agency', String(agency.id));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('[##########..........]  50%  reading: 2 rows read');
    expect(run.stdout).toContain('[###################.]  99%  saving: 1 of 1 values written');
    expect(run.stdout).toMatch(/\[3\/3\] Saved 1 values in 1 new and 0 changed records \(upload \d+\); 1 error\(s\)/);
    expect(await valuesOf(t.database.db, agency.id, '01 2023 Metrics')).toEqual({ LAW_ENFORCEMENT_ARRESTS: 5 });
  });

  it('asks for a sector when the agency has several, and refuses unreadable files', async () => {
    const agency = await givenAgency(t.database.db, { systems: ['JAILS', 'PRISONS'] });
    const file = await workbookFile();
    expectRefusal(await jc('import', '--file', file, '--agency', String(agency.id)), 2, 'choose one with --system');
    const text = path.join(folder, 'notes.xlsx');
    writeFileSync(text, 'not a workbook');
    const refused = await jc('import', '--file', text, '--agency', String(agency.id), '--system', 'JAILS');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is not an .xlsx workbook');
    expect(await writtenRows(t.database.db, [agency.id])).toEqual({ reports: 0, datapoints: 0, spreadsheets: 0 });
  });
});
