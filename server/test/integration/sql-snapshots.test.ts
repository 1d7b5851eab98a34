/**
 * The SQL of the heaviest queries, checked in under __sql__/ so a pull request that changes them
 * shows the new statements: the datapoint writer (lock, read, upsert, update, history), the two
 * datapoint readers and the metric settings read. The files are the same on both engines. After
 * an intended change, rerun with `-u` and review the diff.
 */
import { describe, expect, it } from 'vitest';
import { loadActor } from '../../src/domain/actor.ts';
import { loadDatapointRows } from '../../src/db/queries/datapoints.ts';
import { writeDatapoints } from '../../src/db/queries/write-datapoints.ts';
import { loadStoredSettings } from '../../src/db/queries/settings.ts';
import { loadReportDatapoints } from '../../src/db/queries/report-datapoints.ts';
import { givenAgency, givenUser } from '../support/given.ts';
import { givenReport } from '../support/given-reports.ts';
import { queryLog, sqlFile } from '../support/query-log.ts';
import { testFile } from '../support/test-file.ts';

const { t } = await testFile();
const log = queryLog(t.database);

const agency = await givenAgency(t.database.db, { systems: ['LAW_ENFORCEMENT'] });
const user = await givenUser(t.database.db, { agency, role: 'AGENCY_ADMIN' });
const record = await givenReport(t.database.db, agency, { year: 2024, month: 3 });
const actor = (await loadActor(t.database.db, user.id, 'session'))!;
const arrests = { reportId: record.id, metricKey: 'LAW_ENFORCEMENT_ARRESTS' };
const snapshot = (name: string) => expect(sqlFile(log.take())).toMatchFileSnapshot(`__sql__/${name}.sql`);

describe('generated SQL', () => {
  it('writeDatapoints: inserting new values', async () => {
    await log.db.transaction((tx) =>
      writeDatapoints(tx, actor, { method: 'MANUAL_ENTRY', changes: [{ ...arrests, value: 10 }], now: t.clock.now() }),
    );
    await snapshot('write-datapoints-insert');
  });

  it('writeDatapoints: changing stored values', async () => {
    await log.db.transaction((tx) =>
      writeDatapoints(tx, actor, { method: 'MANUAL_ENTRY', changes: [{ ...arrests, value: 11 }], now: t.clock.now() }),
    );
    await snapshot('write-datapoints-update');
  });

  it('the datapoint readers', async () => {
    await loadDatapointRows(log.db, agency.id, { reportIds: [record.id], status: 'DRAFT' });
    await loadReportDatapoints(log.db, record.id);
    await snapshot('datapoint-readers');
  });

  it('the metric settings read', async () => {
    await loadStoredSettings(log.db, agency.id);
    await snapshot('metric-settings');
  });
});
