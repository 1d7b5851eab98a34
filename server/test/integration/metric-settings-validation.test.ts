/** PUT /api/agencies/:agencyId/metrics refuses anything the catalogue does not know, and writes nothing. */
import { describe, expect, it } from 'vitest';
import { givenMember, putMetrics, settingRowCounts, storedSettings } from '../support/given-metric-settings.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';
import { testFile } from '../support/test-file.ts';

const { t } = await testFile();
const admin = await givenMember(t, ['PRISONS']);
// Something stored already, so "nothing written" also means "nothing changed".
const stored = await putMetrics(t, admin.headers, admin.agency.id, [{ key: 'PRISONS_FUNDING', enabled: true }]);
expect(stored.statusCode).toBe(200);

const STAFF = 'metric/prisons/staff/type';
const valid = { key: 'PRISONS_FUNDING', enabled: false };

const cases: [string, unknown[], string, string][] = [
  [
    'an unknown metric key',
    [{ key: 'PRISONS_ASTRONAUTS', enabled: true }],
    'metrics.0.key',
    '"PRISONS_ASTRONAUTS" is not a Justice Counts metric key',
  ],
  [
    "a metric outside the agency's sectors",
    [valid, { key: 'LAW_ENFORCEMENT_ARRESTS', enabled: true }],
    'metrics.1.key',
    "is not a metric of this agency's sectors",
  ],
  [
    'an unknown breakdown',
    [{ key: 'PRISONS_TOTAL_STAFF', disaggregations: [{ key: 'metric/prisons/astronauts', enabled: true }] }],
    'metrics.0.disaggregations.0.key',
    '"metric/prisons/astronauts" is not a breakdown of PRISONS_TOTAL_STAFF',
  ],
  [
    'an unknown breakdown member',
    [
      {
        key: 'PRISONS_TOTAL_STAFF',
        disaggregations: [{ key: STAFF, dimensions: [{ key: 'Janitors', enabled: true }] }],
      },
    ],
    'metrics.0.disaggregations.0.dimensions.0.key',
    '"Janitors" is not a member of breakdown',
  ],
  [
    'a frequency the metric does not allow',
    [{ key: 'PRISONS_FUNDING', custom_frequency: 'WEEKLY' }],
    'body.metrics.0.custom_frequency',
    'must be MONTHLY or ANNUAL (got "WEEKLY")',
  ],
  [
    'a starting month above 12',
    [{ key: 'PRISONS_FUNDING', custom_frequency: 'ANNUAL', starting_month: 13 }],
    'body.metrics.0.starting_month',
    'must be between 1 and 12 (got 13)',
  ],
  [
    'a starting month below 1',
    [{ key: 'PRISONS_FUNDING', custom_frequency: 'ANNUAL', starting_month: 0 }],
    'body.metrics.0.starting_month',
    'must be between 1 and 12 (got 0)',
  ],
  [
    'a starting month without a frequency',
    [{ key: 'PRISONS_FUNDING', starting_month: 7 }],
    'metrics.0.starting_month',
    'send custom_frequency "ANNUAL" with a starting month',
  ],
  [
    'a context over 5,000 characters',
    [{ key: 'PRISONS_FUNDING', contexts: [{ key: 'INCLUDES_EXCLUDES_DESCRIPTION', value: 'x'.repeat(5001) }] }],
    'body.metrics.0.contexts.0.value',
    'must be at most 5000 characters (got 5001)',
  ],
  [
    'a context the metric does not ask for',
    [{ key: 'PRISONS_FUNDING', contexts: [{ key: 'ADDITIONAL_CONTEXT', value: 'x' }] }],
    'metrics.0.contexts.0.key',
    '"ADDITIONAL_CONTEXT" is not a context of PRISONS_FUNDING',
  ],
  [
    'an includes/excludes key not in the definition',
    [{ key: 'PRISONS_FUNDING', settings: [{ key: 'ASTRONAUTS', included: 'Yes' }] }],
    'metrics.0.settings.0.key',
    '"ASTRONAUTS" is not a definition setting of PRISONS_FUNDING',
  ],
  [
    'a member includes/excludes key not in its definition',
    [
      {
        key: 'PRISONS_TOTAL_STAFF',
        disaggregations: [
          { key: STAFF, dimensions: [{ key: 'Security Staff', settings: [{ key: 'VOLUNTEER', included: 'No' }] }] },
        ],
      },
    ],
    'metrics.0.disaggregations.0.dimensions.0.settings.0.key',
    '"VOLUNTEER" is not a definition setting of "Security Staff"',
  ],
  [
    'an includes/excludes answer other than Yes/No',
    [{ key: 'PRISONS_FUNDING', settings: [{ key: 'FISCAL_YEAR', included: 'Maybe' }] }],
    'body.metrics.0.settings.0.included',
    'must be "Yes", "No" or null (got "Maybe")',
  ],
  [
    'sub-categories under a member that is not Other',
    [
      {
        key: 'PRISONS_TOTAL_STAFF',
        disaggregations: [
          { key: STAFF, dimensions: [{ key: 'Security Staff', sub_dimensions: [{ name: 'Night', enabled: true }] }] },
        ],
      },
    ],
    'metrics.0.disaggregations.0.dimensions.0.sub_dimensions',
    'only "Other" members can',
  ],
  [
    'the supervision flag on a prisons metric',
    [{ key: 'PRISONS_FUNDING', disaggregated_by_supervision_subsystems: true }],
    'metrics.0.disaggregated_by_supervision_subsystems',
    'is not a supervision metric',
  ],
  ['an empty list', [], 'body.metrics', 'must list at least one metric'],
];

describe('PUT /api/agencies/:agencyId/metrics with bad input', () => {
  it.each(cases)(
    'refuses %s with 400, naming the field, and writes nothing',
    async (_name, metrics, field, message) => {
      const before = {
        rows: await storedSettings(t, admin.agency.id),
        counts: await settingRowCounts(t, admin.agency.id),
      };
      const res = await expectNoWrites(t.database.db, () => putMetrics(t, admin.headers, admin.agency.id, metrics));
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.code).toBe('invalid_input');
      expect(body.description).toContain(message);
      expect(body.details).toContainEqual({ field, message: expect.stringContaining(message) });
      expect(await storedSettings(t, admin.agency.id)).toEqual(before.rows);
      expect(await settingRowCounts(t, admin.agency.id)).toEqual(before.counts);
    },
  );

  it('names every bad field of a body at once', async () => {
    const res = await expectNoWrites(t.database.db, () =>
      putMetrics(t, admin.headers, admin.agency.id, [
        { key: 'PRISONS_ASTRONAUTS' },
        { key: 'PRISONS_FUNDING', settings: [{ key: 'ASTRONAUTS', included: 'Yes' }] },
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { field: string }) => d.field)).toEqual([
      'metrics.0.key',
      'metrics.1.settings.0.key',
    ]);
  });
});
