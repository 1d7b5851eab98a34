import { describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '../../api/api-description.ts';
import { apiEntries, apiGroups } from './api-docs-rules.ts';

const document: OpenApiDocument = {
  info: { title: 'API', version: '1' },
  paths: {
    '/api/reports/{reportId}': {
      patch: { 'x-access': 'Members of the agency whose role allows `reports.edit`.' },
      get: { 'x-access': 'Members of the agency whose role allows `reports.view`.' },
    },
    '/health': { get: { 'x-access': 'Anyone, signed in or not.' } },
    '/admin/vendors': { get: { 'x-access': 'Justice Counts staff only.' } },
  },
};

describe('the API reference list', () => {
  it('groups operations by who may call them, open data first, sorted by path then method', () => {
    const groups = apiGroups(apiEntries(document), '');
    expect(groups.map((g) => g.title)).toEqual(['Open to everyone', 'Agency members', 'Justice Counts staff']);
    expect(groups[1]?.entries.map((e) => `${e.method} ${e.path}`)).toEqual([
      'GET /api/reports/{reportId}',
      'PATCH /api/reports/{reportId}',
    ]);
  });

  it('keeps the operations matching every word of the search, in any case', () => {
    const groups = apiGroups(apiEntries(document), 'Patch REPORTS');
    expect(groups.flatMap((g) => g.entries.map((e) => e.method))).toEqual(['PATCH']);
    expect(apiGroups(apiEntries(document), 'no such route')).toEqual([]);
  });
});
