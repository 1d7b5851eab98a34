import { METRICS } from '@jc/catalogue';
import { describe, expect, it } from 'vitest';
import { HELP_GUIDES } from '../../app/paths.ts';
import { linkTarget } from './GuideMarkdown.tsx';
import { GUIDE_FILES, GUIDES, guidesByCategory, splitTitle } from './guides.ts';
import { plainText, searchGuides } from './help-search.ts';

describe('guides', () => {
  it('has one Markdown file per listed guide, each titled, each leading only to listed guides', () => {
    expect(GUIDE_FILES.sort()).toEqual(
      Object.keys(HELP_GUIDES)
        .map((slug) => `./guides/${slug}.md`)
        .sort(),
    );
    for (const guide of GUIDES) {
      expect(guide.title, guide.slug).not.toBe('');
      expect(guide.body, guide.slug).not.toMatch(/^# /m);
      for (const href of guide.body.matchAll(/\]\(help:([\w-]+)\)/g)) expect(HELP_GUIDES).toHaveProperty(href[1]!);
    }
  });

  it('shows in its bulk-upload examples only sheets and breakdown columns the upload reads', () => {
    const columns = new Map<string, string>();
    for (const metric of Object.values(METRICS)) {
      for (const [dimension, sheet] of Object.entries(metric.sheetNames.breakdowns)) {
        columns.set(sheet, metric.sheetColumns[dimension]!);
      }
    }
    const upload = GUIDES.find((guide) => guide.slug === 'bulk-upload')!;
    const examples = [...upload.body.matchAll(/sheet: (\w+)\n(.+)\n/g)];
    expect(examples.length).toBeGreaterThanOrEqual(7);
    for (const [, sheet, header] of examples) {
      expect(header, sheet).toBe(`year,month,${columns.get(sheet!)},value`);
    }
  });

  it('groups a directory by category in alphabetical order', () => {
    const publisher = guidesByCategory('publisher');
    expect(publisher.map((group) => group.category)).toEqual([
      'Account setup',
      'Add data',
      'Advanced concepts',
      'Interact with the data',
    ]);
    expect(guidesByCategory('dashboard').flatMap((group) => group.guides.map((g) => g.slug))).toEqual([
      'public-dashboards',
    ]);
  });

  it('refuses a guide without a title', () => {
    expect(splitTitle('# Hello\n\nText')).toEqual({ title: 'Hello', body: 'Text' });
    expect(() => splitTitle('Text only')).toThrow('level-one heading');
  });
});

describe('searchGuides', () => {
  it('finds guides holding every word, title matches first, with a readable excerpt', () => {
    const hits = searchGuides(GUIDES, 'Upload  TEMPLATE');
    expect(hits[0]?.guide.slug).toBe('bulk-upload');
    expect(
      hits.every((hit) => !hit.excerpt.includes('](')),
      'plain excerpts',
    ).toBe(true);
    expect(searchGuides(GUIDES, 'template zebra')).toEqual([]);
    expect(searchGuides(GUIDES, '   ')).toEqual([]);
  });

  it('turns Markdown into plain words', () => {
    expect(plainText('- **Custom** holds [Set Up Metrics](help:set-up-metrics) `x`')).toBe(
      'Custom holds Set Up Metrics x',
    );
  });
});

describe('linkTarget', () => {
  it('opens guides and agency pages, and refuses what it cannot follow', () => {
    expect(linkTarget('help:team', 4)).toBe('/help/publisher/team');
    expect(linkTarget('help:nothing', 4)).toBeNull();
    expect(linkTarget('agency:metric-config', 4)).toBe('/agency/4/metric-config');
    expect(linkTarget('agency:settings', undefined)).toBeNull();
    expect(linkTarget('/dashboards', 4)).toBe('/dashboards');
    expect(linkTarget('//evil.example', 4)).toBeNull();
  });
});
