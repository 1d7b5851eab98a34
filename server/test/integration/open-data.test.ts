/**
 * Open data for machines: /data.json is a DCAT-US 1.1 catalogue (validated against the published
 * schema, checked into test/fixtures) of the agencies with their dashboard on, whose download
 * addresses answer; /api/public/changes lists new releases after a cursor or a time, page by page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { ChangesResponse, DataCatalogResponse } from '../../src/contract/open-data.ts';
import { source } from '../../src/db/schema.ts';
import { givenDashboardAgency, givenUsualSettings } from '../support/given-public-data.ts';
import { arrests, givenReport, givenSignedIn, recordSaver } from '../support/given-reports.ts';
import { testFile } from '../support/test-file.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t, get } = await testFile();

const CATALOG_SCHEMA = 'https://project-open-data.cio.gov/v1.1/schema/catalog.json';

/** DCAT-US 1.1 as published (draft-04), read by Ajv's default draft: draft-04's `id` becomes `$id`. */
function dcatValidator(variant: 'federal' | 'non-federal') {
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  // Nested draft-04 `id`s name sub-schemas nobody refers to: an annotation here.
  ajv.removeKeyword('id');
  ajv.addKeyword({ keyword: 'id', schemaType: 'string' });
  const folder = new URL(`../fixtures/dcat-us-1.1/${variant}/`, import.meta.url);
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
    const text = readFileSync(new URL(file, folder), 'utf8');
    const schema = JSON.parse(text) as Record<string, unknown>;
    ajv.addSchema({ ...schema, $schema: undefined, id: undefined, $id: String(schema.id).replace(/#$/, '') });
  }
  return ajv.getSchema(CATALOG_SCHEMA)!;
}

/** An agency with its dashboard on (or off) and a published January 2024 record with 12 arrests. */
async function givenPublished(dashboard = true) {
  const agency = await givenDashboardAgency(t.database.db);
  if (!dashboard) await t.database.db.update(source).set({ isDashboardEnabled: false }).where(eq(source.id, agency.id));
  await givenUsualSettings(t.database.db, agency);
  const signed = await givenSignedIn(t, { agency, role: 'AGENCY_ADMIN' });
  const record = await givenReport(t.database.db, agency, { year: 2024, month: 1 });
  const save = recordSaver(t, signed.headers, record.id);
  await save({ status: 'PUBLISHED', metrics: [arrests(12)] });
  return { agency, save };
}

async function changes(query: string): Promise<ChangesResponse> {
  const res = await get(`/api/public/changes${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ChangesResponse>();
}

describe('/data.json', () => {
  it('is a valid DCAT-US 1.1 catalogue of public agencies, whose downloads answer', async () => {
    const { agency } = await givenPublished();
    const hidden = await givenPublished(false);
    const res = await get('/data.json');
    expect(res.statusCode).toBe(200);
    const catalog = res.json<DataCatalogResponse>();
    // data.gov holds state and local catalogues to the non-federal variant; the federal one differs
    // only in also requiring the OMB bureau and program codes that federal agencies have.
    const nonFederal = dcatValidator('non-federal');
    expect(nonFederal(catalog), JSON.stringify(nonFederal.errors, null, 2)).toBe(true);
    const federal = dcatValidator('federal');
    expect(federal(catalog)).toBe(false);
    const missing = new Set(federal.errors?.map((error) => `${error.keyword} ${error.params.missingProperty}`));
    expect([...missing]).toEqual(['required bureauCode', 'required programCode']);

    const mine = catalog.dataset.filter((d) => d.publisher.name === agency.name);
    expect(mine.map((d) => d.title)).toEqual([`Arrests: ${agency.name}`]);
    expect(mine[0]).toMatchObject({
      accessLevel: 'public',
      landingPage: `http://127.0.0.1:3000/dashboards/${agency.id}`,
    });
    expect(mine[0]!.distribution.map((d) => d.title)).toEqual([
      'Arrests (CSV)',
      'Published data with definitions (JSON)',
      'Current release (JSON)',
      'Current release (CSV)',
    ]);
    for (const { downloadURL, mediaType } of mine[0]!.distribution) {
      const download = await get(downloadURL.replace('http://127.0.0.1:3000', ''));
      expect(download.statusCode, downloadURL).toBe(200);
      expect(download.headers['content-type']).toContain(mediaType);
    }
    expect(catalog.dataset.some((d) => d.publisher.name === hidden.agency.name)).toBe(false);
  });
});

describe('/api/public/changes', () => {
  it('lists releases after a time, then after the cursor it gave, page by page', async () => {
    const start = new Date(t.clock.now().getTime() - 1000).toISOString();
    const { agency, save } = await givenPublished();
    const hidden = await givenPublished(false);
    const first = await changes(`?since=${encodeURIComponent(start)}&limit=500`);
    const ofAgency = (answer: ChangesResponse, id: number) => answer.changes.filter((c) => c.agency.id === id);
    expect(ofAgency(first, agency.id)).toEqual([
      expect.objectContaining({ number: 1, added: 1, url: `/api/public/agencies/${agency.id}/releases/1` }),
    ]);
    expect(ofAgency(first, hidden.agency.id)).toEqual([]);

    const cursor = ofAgency(first, agency.id)[0]!.cursor;
    await save({ status: 'PUBLISHED', metrics: [arrests(15)] });
    const next = await changes(`?since=${cursor}`);
    expect(ofAgency(next, agency.id).map((c) => [c.number, c.changed])).toEqual([[2, 1]]);
    expect(next.changes.every((c) => Number(c.cursor) > Number(cursor))).toBe(true);

    const page = await changes(`?since=${encodeURIComponent(start)}&limit=1`);
    expect(page.changes).toHaveLength(1);
    expect(page.has_more).toBe(true);
    expect(page.next_since).toBe(page.changes[0]!.cursor);
    const rest = await changes(`?since=${page.next_since}&limit=500`);
    expect(rest.changes.map((c) => c.cursor)).not.toContain(page.next_since);
  });

  it('gives back the since it was given when nothing changed', async () => {
    const answer = await changes('?since=2147483647');
    expect(answer).toEqual({ changes: [], next_since: '2147483647', has_more: false });
  });

  it.each([
    ['?since=yesterday', 'since'],
    ['?since=-3', 'since'],
    ['?since=2147483648', 'since'],
    ['?limit=0', 'limit'],
    ['?limit=501', 'limit'],
    ['?limit=many', 'limit'],
  ])('refuses %s with a 400 naming %s', async (query, field) => {
    const res = await expectNoWrites(t.database.db, () => get(`/api/public/changes${query}`));
    expect(res.statusCode).toBe(400);
    expect(res.json<{ description: string }>().description).toContain(field);
  });
});
