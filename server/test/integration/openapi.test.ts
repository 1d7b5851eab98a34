/**
 * GET /api/openapi.json: an OpenAPI 3.1 description generated from the registered routes, valid
 * against the OpenAPI 3.1 schema, listing every route of the route table with who may call it.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { routeRules } from '../../src/http/route-rules.ts';
import { testFile } from '../support/test-file.ts';

const { t } = await testFile();

async function description() {
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  return res.json<{ openapi: string; paths: Record<string, Record<string, { 'x-access'?: string }>> }>();
}

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const document = await description();
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists every route of the route table, each with who may call it', async () => {
    const { paths } = await description();
    const listed = Object.entries(paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const expected = Object.keys(routeRules).filter((route) => route !== 'GET /api/openapi.json');
    expect(listed.sort()).toEqual(expected.sort());
    expect(paths['/api/reports/{reportId}']?.patch?.['x-access']).toBe(
      'Members of the agency whose role allows reports.edit.',
    );
    expect(paths['/admin/vendors']?.get?.['x-access']).toBe('Justice Counts staff only.');
  });

  it('needs no sign-in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.headers['content-type']).toContain('application/json');
  });
});
