/**
 * SVG paths from a TopoJSON topology (the `us-atlas` Albers files, already projected to a
 * 975 × 610 frame): arcs are delta-encoded and quantized; a ring joins its arcs, a negative index
 * ~i meaning arc i backwards, each arc after the first dropping the point it shares.
 */

export interface Topology {
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: [number, number][][];
  objects: Record<string, { type: string; geometries: TopoGeometry[] }>;
}

export interface TopoGeometry {
  type: string;
  id?: string | number;
  arcs?: number[][] | number[][][];
  properties?: { name?: string };
}

export interface MapShape {
  id: string;
  name: string;
  /** SVG path data. */
  d: string;
}

type Point = [number, number];

function decodeArcs(topology: Topology): Point[][] {
  const [sx, sy] = topology.transform?.scale ?? [1, 1];
  const [tx, ty] = topology.transform?.translate ?? [0, 0];
  const quantized = topology.transform !== undefined;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]): Point => {
      if (!quantized) return [dx, dy];
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
}

function ring(arcs: Point[][], indexes: readonly number[]): Point[] {
  const points: Point[] = [];
  for (const index of indexes) {
    const arc = index >= 0 ? arcs[index]! : [...arcs[~index]!].reverse();
    points.push(...(points.length === 0 ? arc : arc.slice(1)));
  }
  return points;
}

const round = (n: number) => Math.round(n * 10) / 10;

function ringPath(points: readonly Point[]): string {
  return `M${points.map(([x, y]) => `${round(x)},${round(y)}`).join('L')}Z`;
}

function polygons(geometry: TopoGeometry): number[][][] {
  if (geometry.type === 'Polygon') return [geometry.arcs as number[][]];
  if (geometry.type === 'MultiPolygon') return geometry.arcs as number[][][];
  return [];
}

/** Every polygon shape of one object of the topology (e.g. `states`, `counties`). */
export function shapesOf(topology: Topology, objectName: string): MapShape[] {
  const arcs = decodeArcs(topology);
  const geometries = topology.objects[objectName]?.geometries ?? [];
  return geometries.map((geometry) => ({
    id: String(geometry.id ?? ''),
    name: geometry.properties?.name ?? '',
    d: polygons(geometry)
      .flatMap((polygon) => polygon.map((indexes) => ringPath(ring(arcs, indexes))))
      .join(''),
  }));
}
