/** Searching the guides: every word typed must appear in the guide's title, caption or text. */
import type { Guide } from './guides.ts';

export interface SearchHit {
  guide: Guide;
  /** A line of the guide holding the first word, without Markdown marks, to show why it matched. */
  excerpt: string;
}

const words = (query: string) => query.toLocaleLowerCase().split(/\s+/).filter(Boolean);

/** Markdown marks and link targets removed, so excerpts read as text. */
export function plainText(line: string): string {
  return line
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_#>|]/g, '')
    .replace(/^\s*(?:[-+]|\d+\.)\s+/, '')
    .trim();
}

/** Guides holding every word, those with a word in the title first; nothing for an empty query. */
export function searchGuides(guides: readonly Guide[], query: string): SearchHit[] {
  const wanted = words(query);
  if (wanted.length === 0) return [];
  const hits = guides.flatMap((guide) => {
    const haystack = `${guide.title}\n${guide.caption}\n${guide.body}`.toLocaleLowerCase();
    if (!wanted.every((word) => haystack.includes(word))) return [];
    const line = guide.body.split('\n').find((l) => l.toLocaleLowerCase().includes(wanted[0]!));
    return [{ guide, excerpt: line ? plainText(line) : guide.caption }];
  });
  const inTitle = (hit: SearchHit) => wanted.some((word) => hit.guide.title.toLocaleLowerCase().includes(word));
  return hits.sort((a, b) => Number(inTitle(b)) - Number(inTitle(a)));
}
