/**
 * The places an agency can list as its jurisdictions: US states (and territories) and counties,
 * with Census GEOIDs, searched by name. Counties come from `us-atlas` (us-counties.ts); places and
 * county subdivisions are not offered because no maintained package ships their names.
 */
import { stateGeoid, US_STATES } from '../../contract/us-states.ts';
import { allCounties } from '../../lib/us-counties.ts';

export interface Geography {
  geoid: string;
  /** "San Mateo, California" or "California". */
  name: string;
  kind: 'state' | 'county';
  /** A county as agencies store it (`us_ca_san_mateo`); null for a state. */
  countyCode: string | null;
}

/** "St. Mary's" → "st_marys", the form the reference's county codes take. */
const slug = (name: string) =>
  name
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, '')
    .trim()
    .replace(/\s+/g, '_');

const words = (text: string) =>
  text
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);

let cached: { geography: Geography; words: string[] }[] | undefined;

function geographies() {
  if (cached) return cached;
  const stateByFips = new Map(
    Object.entries(US_STATES).map(([code, name]) => [stateGeoid(code)!.slice(-2), { code, name }] as const),
  );
  const states: Geography[] = Object.entries(US_STATES).map(([code, name]) => ({
    geoid: stateGeoid(code)!,
    name,
    kind: 'state',
    countyCode: null,
  }));
  const counties: Geography[] = allCounties().flatMap((county) => {
    const state = stateByFips.get(county.geoid.slice(-5, -3));
    if (!state) return [];
    const countyCode = `${state.code}_${slug(county.name)}`;
    return [{ geoid: county.geoid, name: `${county.name}, ${state.name}`, kind: 'county', countyCode }];
  });
  cached = [...states, ...counties].map((geography) => ({ geography, words: words(geography.name) }));
  return cached;
}

/**
 * Every word typed must start a word of the name ("san mat" finds "San Mateo, California");
 * names that start with the first word come first, states before counties, then by name.
 */
export function searchGeographies(query: string, limit: number): Geography[] {
  const typed = words(query);
  if (typed.length === 0) return [];
  const matches = geographies().filter((entry) => typed.every((word) => entry.words.some((w) => w.startsWith(word))));
  const rank = (entry: (typeof matches)[number]) =>
    (entry.words[0]!.startsWith(typed[0]!) ? 0 : 2) + (entry.geography.kind === 'state' ? 0 : 1);
  return matches
    .sort((a, b) => rank(a) - rank(b) || a.geography.name.localeCompare(b.geography.name))
    .slice(0, limit)
    .map((entry) => entry.geography);
}

/** The counties of one state (`us_ca`), by name. */
export function countiesOfState(stateCode: string): Geography[] {
  const prefix = `${stateCode.toLowerCase()}_`;
  return geographies()
    .map((entry) => entry.geography)
    .filter((g) => g.countyCode?.startsWith(prefix))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The named geographies of these GEOIDs, in the order given; ids not in the list are left out. */
export function geographiesByGeoid(geoids: readonly string[]): Geography[] {
  const byGeoid = new Map(geographies().map((entry) => [entry.geography.geoid, entry.geography]));
  return geoids.flatMap((geoid) => {
    const found = byGeoid.get(geoid);
    return found ? [found] : [];
  });
}
