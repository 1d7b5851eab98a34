/**
 * SVG paths from a TopoJSON topology (the `us-atlas` Albers files, already projected to a
 * 975 × 610 frame): topojson-client turns an object's geometries into GeoJSON features, and each
 * polygon ring becomes a closed path.
 */
import type { Geometry, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export type { Topology };

export interface MapShape {
  id: string;
  name: string;
  /** SVG path data. */
  d: string;
}

const round = (n: number) => Math.round(n * 10) / 10;

function ringPath(points: readonly Position[]): string {
  return `M${points.map(([x = 0, y = 0]) => `${round(x)},${round(y)}`).join('L')}Z`;
}

function polygons(geometry: Geometry | null): Position[][][] {
  if (geometry?.type === 'Polygon') return [geometry.coordinates];
  if (geometry?.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

/** Every polygon shape of one object of the topology (e.g. `states`, `counties`). */
export function shapesOf(topology: Topology, objectName: string): MapShape[] {
  const object = topology.objects[objectName];
  if (object?.type !== 'GeometryCollection') return [];
  const shapes = feature(topology, object as GeometryCollection<{ name?: string }>).features;
  return shapes.map((shape) => ({
    id: String(shape.id ?? ''),
    name: shape.properties?.name ?? '',
    d: polygons(shape.geometry)
      .flatMap((polygon) => polygon.map(ringPath))
      .join(''),
  }));
}
