import { describe, expect, it } from 'vitest';
import { readPartners } from './partners.ts';

describe('readPartners', () => {
  it('keeps well-formed partners, each logo a file of the partners folder', () => {
    expect(
      readPartners({
        partners: [
          { name: ' Justice Center ', logo: 'csg.svg', url: 'https://example.org/' },
          { name: 'No link', logo: 'bja.png', url: 'javascript:alert(1)' },
          { name: 'Elsewhere', logo: 'https://evil.example/logo.svg' },
          { name: 'Climbing out', logo: '../secret.svg' },
          { logo: 'nameless.svg' },
          null,
        ],
      }),
    ).toEqual([
      { name: 'Justice Center', logoUrl: '/partners/csg.svg', url: 'https://example.org/' },
      { name: 'No link', logoUrl: '/partners/bja.png', url: null },
    ]);
  });

  it('shows nothing for a file that is not a list of partners', () => {
    expect(readPartners(null)).toEqual([]);
    expect(readPartners({ partners: 'csg.svg' })).toEqual([]);
    expect(readPartners([])).toEqual([]);
  });
});
