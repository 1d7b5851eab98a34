/**
 * US counties (and county equivalents) with their FIPS codes, from the Census Bureau's
 * cartographic boundary files as the `us-atlas` package ships them. Agencies store a county as a
 * code such as `us_ca_san_mateo`; the public side turns it into the Census GEOID and name.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { stateFips } from '../contract/us-states.ts';

export interface County {
  /** Census GEOID of a county, e.g. `0500000US06081`. */
  geoid: string;
  name: string;
}

interface Atlas {
  objects: { counties: { geometries: { id: string; properties: { name: string } }[] } };
}

/** "St. Mary's" and "st_marys" compare equal. */
const comparable = (name: string) =>
  name
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

let byStateAndName: Map<string, County> | undefined;

function counties(): Map<string, County> {
  if (byStateAndName) return byStateAndName;
  const file = createRequire(import.meta.url).resolve('us-atlas/counties-10m.json');
  const atlas = JSON.parse(readFileSync(file, 'utf8')) as Atlas;
  byStateAndName = new Map(
    atlas.objects.counties.geometries.map(({ id, properties }) => [
      `${id.slice(0, 2)}:${comparable(properties.name)}`,
      { geoid: `0500000US${id}`, name: properties.name },
    ]),
  );
  return byStateAndName;
}

/** The county an agency's `us_ca_san_mateo`-style code names, in its state; null when there is none. */
export function countyOf(stateCode: string | null, countyCode: string | null): County | null {
  const fips = stateFips(stateCode);
  const prefix = `${stateCode?.toLowerCase() ?? ''}_`;
  if (!fips || !countyCode?.toLowerCase().startsWith(prefix)) return null;
  return counties().get(`${fips}:${comparable(countyCode.slice(prefix.length))}`) ?? null;
}

/** Every county, for searching by name. */
export function allCounties(): County[] {
  return [...counties().values()];
}

/** A county's GEOID → its county, for agencies whose county is given only by their jurisdictions. */
export function countyByGeoid(geoid: string): County | null {
  for (const county of counties().values()) if (county.geoid === geoid) return county;
  return null;
}
