/** The jurisdiction list being edited: places included or excluded, each in one list only. */
import type { Jurisdictions } from '@jc/server/contract';

export type Membership = 'included' | 'excluded';

/** Adds a place to one list, taking it out of the other. */
export function withPlace(draft: Jurisdictions, geoid: string, as: Membership): Jurisdictions {
  const other: Membership = as === 'included' ? 'excluded' : 'included';
  return {
    [as]: draft[as].includes(geoid) ? draft[as] : [...draft[as], geoid],
    [other]: draft[other].filter((id) => id !== geoid),
  } as Jurisdictions;
}

export function withoutPlaces(draft: Jurisdictions, geoids: ReadonlySet<string>): Jurisdictions {
  return {
    included: draft.included.filter((id) => !geoids.has(id)),
    excluded: draft.excluded.filter((id) => !geoids.has(id)),
  };
}

export const sameJurisdictions = (a: Jurisdictions, b: Jurisdictions) =>
  JSON.stringify([[...a.included].sort(), [...a.excluded].sort()]) ===
  JSON.stringify([[...b.included].sort(), [...b.excluded].sort()]);
