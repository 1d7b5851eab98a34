import { describe, expect, it } from 'vitest';
import { expectNoWrites } from '../support/expect-no-writes.ts';
import { givenColleague, givenMember, putMetrics, type Member } from '../support/given-metric-settings.ts';
import type { SignedIn } from '../support/given.ts';
import { testFile } from '../support/test-file.ts';

const { t } = await testFile();

const STAFF = 'PRISONS_TOTAL_STAFF';
const STAFF_TYPES = 'metric/prisons/staff/type';

function getHistory(headers: SignedIn, agencyId: number, query = '') {
  return t.app.inject({
    method: 'GET',
    url: `/api/agencies/${agencyId}/metrics/history${query}`,
    headers: { cookie: headers.cookie },
  });
}

async function put(member: Member, metrics: unknown[]) {
  const res = await putMetrics(t, member.headers, member.agency.id, metrics);
  expect(res.statusCode, res.body).toBe(200);
}

describe('GET /api/agencies/:agencyId/metrics/history', () => {
  it('lists who changed which setting, when, and its value before and after, newest first', async () => {
    const admin = await givenMember(t, ['PRISONS']);
    await put(admin, [{ key: STAFF, enabled: false }]);
    await put(admin, [{ key: STAFF, enabled: true, custom_frequency: 'ANNUAL', starting_month: 7 }]);
    await put(admin, [
      {
        key: STAFF,
        settings: [{ key: 'VOLUNTEER', included: 'Yes' }],
        disaggregations: [{ key: STAFF_TYPES, dimensions: [{ key: 'Security Staff', enabled: false }] }],
      },
    ]);
    await put(admin, [{ key: 'PRISONS_FUNDING', enabled: false }]);

    const res = await getHistory(admin.headers, admin.agency.id, `?metric=${STAFF}`);
    expect(res.statusCode).toBe(200);
    const history = res.json().history;
    expect(history).toHaveLength(3);
    expect(history.every((entry: { metric_key: string }) => entry.metric_key === STAFF)).toBe(true);
    const [third, second, first] = history;
    expect(first).toMatchObject({
      metric_display_name: 'Staff',
      user: { role: 'AGENCY_ADMIN' },
      changes: [{ setting: 'Reported', old_value: null, new_value: 'Off' }],
    });
    expect(first.user.name).toBeTruthy();
    expect(Date.parse(first.timestamp)).toBeLessThanOrEqual(Date.parse(third.timestamp));
    expect(second.changes).toEqual([
      { setting: 'Reported', old_value: 'Off', new_value: 'On' },
      { setting: 'Reporting frequency', old_value: null, new_value: 'Annual' },
      { setting: 'Starting month of the year', old_value: null, new_value: 'July' },
    ]);
    expect(third.changes).toEqual(
      expect.arrayContaining([
        { setting: 'Definition: Volunteer', old_value: null, new_value: 'Included' },
        { setting: 'Breakdown Staff Types: Security Staff: Reported', old_value: null, new_value: 'Off' },
      ]),
    );

    const all = (await getHistory(admin.headers, admin.agency.id)).json().history;
    expect(all.map((entry: { metric_key: string }) => entry.metric_key)).toEqual([
      'PRISONS_FUNDING',
      STAFF,
      STAFF,
      STAFF,
    ]);
  });

  it('leaves out writes that set a setting to the value it already had', async () => {
    const admin = await givenMember(t, ['PRISONS']);
    await put(admin, [{ key: STAFF, enabled: false }]);
    await put(admin, [{ key: STAFF, enabled: false }]);
    const history = (await getHistory(admin.headers, admin.agency.id)).json().history;
    expect(history).toHaveLength(1);
  });

  it('lets read-only members read and hides the agency from outsiders', async () => {
    const admin = await givenMember(t, ['PRISONS']);
    await put(admin, [{ key: STAFF, enabled: false }]);
    const readOnly = await givenColleague(t, admin.agency, 'READ_ONLY');
    expect((await getHistory(readOnly, admin.agency.id)).json().history).toHaveLength(1);
    const outsider = await givenMember(t, ['PRISONS']);
    expect((await expectNoWrites(t.database.db, () => getHistory(outsider.headers, admin.agency.id))).statusCode).toBe(
      404,
    );
  });

  it('refuses a metric key that is too long with 400 naming the field, and writes nothing', async () => {
    const admin = await givenMember(t, ['PRISONS']);
    const res = await expectNoWrites(t.database.db, () =>
      getHistory(admin.headers, admin.agency.id, `?metric=${'X'.repeat(300)}`),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().description).toContain('metric');
  });
});
