/**
 * A NUL or another control character in any text a person sends is refused with 400 naming the
 * field, and nothing is written: one kind of route after another, as the security probe sent them.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import { givenAgency, givenUser, signIn, type SignedIn } from '../support/given.ts';
import { givenReport } from '../support/given-reports.ts';
import { csv, multipart } from '../support/given-uploads.ts';
import { testFile } from '../support/test-file.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t } = await testFile();
const agency = await givenAgency(t.database.db, { systems: ['LAW_ENFORCEMENT'] });
const record = await givenReport(t.database.db, agency);
const admin = await signIn(t.app, t.database.db, await givenUser(t.database.db, { agency, role: 'AGENCY_ADMIN' }));
const staff = await signIn(t.app, t.database.db, await givenUser(t.database.db, { isPlatformAdmin: true }));

const NUL = 'Smith\u0000County';

/** Rows in every table a refused request could have written to, to prove it wrote nothing. */
async function writtenState(db: Db) {
  const tables = [
    'user_account',
    'source',
    'agency_setting',
    'metric_setting',
    'datapoint',
    'spreadsheet',
    'email_outbox',
    'metric_setting_history',
    'api_token',
    'agency_user_account_association',
  ];
  const counts: Record<string, unknown> = {};
  for (const table of tables) {
    const result = await db.execute(sql.raw(`select count(*)::int as n from ${table}`));
    counts[table] = (result as unknown as { rows: { n: number }[] }).rows[0]?.n;
  }
  const names = await db.execute(sql`select name, custom_child_agency_name from source where id = ${agency.id}`);
  return { counts, names: (names as unknown as { rows: unknown[] }).rows };
}

interface Case {
  what: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'GET';
  url: () => string;
  as: () => SignedIn;
  payload: () => object;
  field: string;
}

const json: Case[] = [
  {
    what: 'own name',
    method: 'PATCH',
    url: () => '/api/users',
    as: () => admin,
    payload: () => ({ name: NUL }),
    field: 'body.name',
  },
  {
    what: 'invited name',
    method: 'POST',
    url: () => `/api/agencies/${agency.id}/users`,
    as: () => admin,
    payload: () => ({ invite_name: NUL, invite_email: 'new@example.test' }),
    field: 'body.invite_name',
  },
  {
    what: 'agency description',
    method: 'PATCH',
    url: () => `/api/agencies/${agency.id}`,
    as: () => admin,
    payload: () => ({ settings: [{ setting_type: 'PURPOSE_AND_FUNCTIONS', value: NUL }] }),
    field: 'body.settings.0.value',
  },
  {
    what: 'free-form agency setting',
    method: 'PATCH',
    url: () => `/api/agencies/${agency.id}`,
    as: () => admin,
    payload: () => ({ settings: [{ setting_type: 'STEPPING_UP', value: { tools: { [NUL]: true } } }] }),
    field: 'body.settings.0.value',
  },
  {
    what: 'metric context',
    method: 'PUT',
    url: () => `/api/agencies/${agency.id}/metrics`,
    as: () => admin,
    payload: () => ({
      metrics: [{ key: 'LAW_ENFORCEMENT_ARRESTS', contexts: [{ key: 'INCLUDES_EXCLUDES_DESCRIPTION', value: NUL }] }],
    }),
    field: 'body.metrics.0.contexts.0.value',
  },
  {
    what: 'record context',
    method: 'PATCH',
    url: () => `/api/reports/${record.id}`,
    as: () => admin,
    payload: () => ({
      status: 'DRAFT',
      time_loaded: record.lastModifiedAt ? record.lastModifiedAt.getTime() / 1000 : 0,
      metrics: [{ key: 'LAW_ENFORCEMENT_ARRESTS', contexts: [{ key: 'ADDITIONAL_CONTEXT', value: NUL }] }],
    }),
    field: 'body.metrics.0.contexts.0.value',
  },
  {
    what: 'API token name',
    method: 'POST',
    url: () => `/api/agencies/${agency.id}/api_tokens`,
    as: () => admin,
    payload: () => ({ name: NUL }),
    field: 'body.name',
  },
  {
    what: 'child agency name',
    method: 'PUT',
    url: () => `/api/agency/${agency.id}/custom-name`,
    as: () => admin,
    payload: () => ({ custom_child_agency_name: NUL }),
    field: 'body.custom_child_agency_name',
  },
  {
    what: 'guidance topic',
    method: 'PUT',
    url: () => `/api/users/agencies/${agency.id}/guidance`,
    as: () => admin,
    payload: () => ({ updated_topic: { topicID: NUL, topicCompleted: true } }),
    field: 'body.updated_topic.topicID',
  },
  {
    what: 'vendor name',
    method: 'PUT',
    url: () => '/admin/vendors',
    as: () => staff,
    payload: () => ({ name: NUL, url: '' }),
    field: 'body.name',
  },
  {
    what: 'agency name (admin panel)',
    method: 'PUT',
    url: () => '/admin/agency',
    as: () => staff,
    payload: () => ({
      name: NUL,
      state_code: 'us_ca',
      systems: ['LAW_ENFORCEMENT'],
      super_agency_id: null,
      is_superagency: false,
      is_dashboard_enabled: null,
    }),
    field: 'body.name',
  },
  {
    what: 'user name (admin panel)',
    method: 'PUT',
    url: () => '/admin/user',
    as: () => staff,
    payload: () => ({ users: [{ name: NUL, email: 'someone@example.test', agency_ids: [] }] }),
    field: 'body.users.0.name',
  },
  {
    what: '"Other" sub-category label',
    method: 'PUT',
    url: () => `/admin/agency/${agency.id}/metric-setting`,
    as: () => staff,
    payload: () => ({
      updates: [
        {
          metric_key: 'LAW_ENFORCEMENT_FUNDING',
          breakdowns: [
            {
              dimension_id: 'metric/law_enforcement/funding/type',
              sub_dimensions: [{ dimension_key: 'OTHER', other_options: [NUL] }],
            },
          ],
        },
      ],
    }),
    field: 'body.updates.0.breakdowns.0.sub_dimensions.0.other_options.0',
  },
  {
    what: 'a line break is fine but a vertical tab is not',
    method: 'PATCH',
    url: () => `/api/agencies/${agency.id}`,
    as: () => admin,
    payload: () => ({ settings: [{ setting_type: 'PURPOSE_AND_FUNCTIONS', value: 'First line\nsecond\u000bline' }] }),
    field: 'body.settings.0.value',
  },
];

describe('JSON bodies', () => {
  it.each(json)('$what: 400 naming the field, nothing written', async (c) => {
    const before = await writtenState(t.database.db);
    const res = await expectNoWrites(t.database.db, () =>
      t.app.inject({ method: c.method, url: c.url(), headers: c.as(), payload: c.payload() }),
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().details).toContainEqual({
      field: c.field,
      message: expect.stringContaining('control characters'),
    });
    expect(await writtenState(t.database.db)).toEqual(before);
  });

  it('tabs and line breaks are ordinary text', async () => {
    const value = 'We serve\tthe county.\r\nSince 1850.';
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/agencies/${agency.id}`,
      headers: admin,
      payload: { settings: [{ setting_type: 'PURPOSE_AND_FUNCTIONS', value }] },
    });
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('uploads', () => {
  const send = (fields: Record<string, string>, file: { name: string; content: Buffer }) => {
    const body = multipart(fields, file);
    return t.app.inject({
      method: 'POST',
      url: '/api/spreadsheets',
      headers: { ...admin, 'content-type': body.contentType },
      payload: body.payload,
    });
  };
  const good = () =>
    csv([
      ['year', 'month', 'value'],
      [2023, 1, 10],
    ]);

  it('refuses a control character in the file name', async () => {
    const before = await writtenState(t.database.db);
    const res = await expectNoWrites(t.database.db, () =>
      send({ agency_id: String(agency.id), system: 'LAW_ENFORCEMENT' }, { name: 'arr\u0001ests.csv', content: good() }),
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().description).toMatch(/^file: the file name contains control characters/);
    expect(await writtenState(t.database.db)).toEqual(before);
  });

  it('refuses a control character in a form field', async () => {
    const res = await expectNoWrites(t.database.db, () =>
      send({ agency_id: String(agency.id), system: 'LAW\u0000ENFORCEMENT' }, { name: 'arrests.csv', content: good() }),
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().details).toContainEqual({
      field: 'system',
      message: expect.stringContaining('control characters'),
    });
  });

  it('refuses a CSV with a NUL after its first 8 KB, naming the row and column', async () => {
    const rows: (string | number)[][] = [['year', 'month', 'value']];
    for (let month = 1; month <= 12; month += 1) rows.push([2023, month, `${month}${' '.repeat(900)}`]);
    rows.push([2024, 1, 'ten\u0000']);
    const before = await writtenState(t.database.db);
    const res = await expectNoWrites(t.database.db, () =>
      send({ agency_id: String(agency.id), system: 'LAW_ENFORCEMENT' }, { name: 'arrests.csv', content: csv(rows) }),
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().description).toBe(
      'file: sheet "arrests", row 14, column C: remove the control characters (only tabs and line breaks are allowed) and upload it again.',
    );
    expect(await writtenState(t.database.db)).toEqual(before);
  });
});
