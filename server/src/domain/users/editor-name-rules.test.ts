import { describe, expect, it } from 'vitest';
import { editorDisplayName } from './editor-name-rules.ts';

describe('editorDisplayName', () => {
  it('masks Justice Counts staff for agency members', () => {
    expect(editorDisplayName('AGENCY_ADMIN', { name: 'Sam Staff' }, 'JUSTICE_COUNTS_ADMIN')).toBe('JC Admin');
    expect(editorDisplayName('READ_ONLY', { name: 'Sam Staff', isPlatformAdmin: true }, null)).toBe('JC Admin');
  });

  it('shows real names to Justice Counts staff, and everyone else by name', () => {
    expect(editorDisplayName('JUSTICE_COUNTS_ADMIN', { name: 'Sam Staff' }, 'JUSTICE_COUNTS_ADMIN')).toBe('Sam Staff');
    expect(editorDisplayName('CONTRIBUTOR', { name: 'Ada Agency' }, 'AGENCY_ADMIN')).toBe('Ada Agency');
    expect(editorDisplayName('CONTRIBUTOR', { name: null }, 'AGENCY_ADMIN')).toBe('');
  });
});
