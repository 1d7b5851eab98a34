/**
 * The participation map: each state with agencies shaded by the share of switched-on metrics its
 * agencies reported, and each county with an agency drawn over it the same way. Shapes come from
 * `us-atlas` (Census cartographic boundaries, already projected), fetched once when the map opens.
 */
import { useQuery } from '@tanstack/react-query';
import atlasUrl from 'us-atlas/counties-albers-10m.json?url';
import type { StaffCompletenessResponse } from '@jc/server/contract';
import { percent, shareBand, type ShareBand } from '../../components/completeness/completeness-words.ts';
import { Spinner } from '../../components/index.ts';
import { shapesOf, type MapShape, type Topology } from './us-map-rules.ts';

interface Shapes {
  states: MapShape[];
  counties: Map<string, MapShape>;
}

function useUsShapes() {
  return useQuery({
    queryKey: ['us-atlas', 'counties-albers-10m'],
    queryFn: async (): Promise<Shapes> => {
      const response = await fetch(atlasUrl);
      if (!response.ok) throw new Error('The map could not be loaded.');
      const topology = (await response.json()) as Topology;
      return {
        states: shapesOf(topology, 'states'),
        counties: new Map(shapesOf(topology, 'counties').map((shape) => [shape.id, shape])),
      };
    },
    staleTime: Infinity,
  });
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

type Group = StaffCompletenessResponse['states'][number] | StaffCompletenessResponse['counties'][number];

const describe = (name: string, group: Group) =>
  `${name}: ${plural(group.agencies, 'agency', 'agencies')}, ${group.reporting_agencies} reporting, ` +
  `${percent(group.summary.share_reported)} of switched-on metrics reported`;

const LEGEND: { band: ShareBand; label: string }[] = [
  { band: 'none', label: 'Nothing reported' },
  { band: 'low', label: 'Under 40%' },
  { band: 'some', label: '40–74%' },
  { band: 'most', label: '75–99%' },
  { band: 'all', label: 'All reported' },
  { band: 'owed-nothing', label: 'No metrics switched on' },
];

export function ParticipationMap({ data }: { data: StaffCompletenessResponse }) {
  const shapes = useUsShapes();
  if (shapes.isPending) return <Spinner label="Loading the map…" />;
  if (shapes.isError) return <p role="alert">The map could not be loaded; the tables below have the same figures.</p>;
  const states = new Map(data.states.flatMap((s) => (s.state_fips ? [[s.state_fips, s]] : [])));
  return (
    <figure className="participation-map">
      <svg
        viewBox="0 0 975 610"
        role="img"
        aria-label={`Map of participation: ${plural(data.states.length, 'state')} and ${plural(data.counties.length, 'county', 'counties')} with agencies`}
      >
        {shapes.data.states.map((shape) => {
          const group = states.get(shape.id);
          return (
            <path
              key={shape.id}
              d={shape.d}
              className={group ? `map-state map-band--${shareBand(group.summary.share_reported)}` : 'map-state'}
            >
              <title>{group ? describe(group.state_name, group) : `${shape.name}: no agencies`}</title>
            </path>
          );
        })}
        {data.counties.map((county) => {
          const shape = shapes.data.counties.get(county.county_fips);
          if (!shape) return null;
          return (
            <path
              key={county.county_fips}
              d={shape.d}
              className={`map-county map-band--${shareBand(county.summary.share_reported)}`}
            >
              <title>{describe(county.county_name, county)}</title>
            </path>
          );
        })}
      </svg>
      <figcaption>
        <ul className="participation-map__legend">
          {LEGEND.map(({ band, label }) => (
            <li key={band}>
              <span className={`participation-map__swatch map-band--${band}`} aria-hidden="true" />
              {label}
            </li>
          ))}
        </ul>
        Outlined counties are where an agency names its county; states are shaded lighter, by all their agencies
        together.
      </figcaption>
    </figure>
  );
}
