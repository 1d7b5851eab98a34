import { describe, expect, it } from 'vitest';
import { shapesOf, type Topology } from './us-map-rules.ts';

/** Two squares sharing an edge: arc 0 is the shared edge, quantized with scale 10 and a shift. */
const topology: Topology = {
  type: 'Topology',
  transform: { scale: [10, 10], translate: [5, 0] },
  arcs: [
    [
      [1, 0],
      [0, 1],
    ],
    [
      [1, 1],
      [-1, 0],
      [0, -1],
      [1, 0],
    ],
    [
      [1, 0],
      [1, 0],
      [0, 1],
      [-1, 0],
    ],
  ],
  objects: {
    boxes: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', id: '01', arcs: [[0, 1]], properties: { name: 'West' } },
        { type: 'MultiPolygon', id: 2, arcs: [[[2, ~0]]] },
        { type: 'Point', id: '03', coordinates: [0, 0] },
      ],
    },
  },
};

describe('shapesOf', () => {
  it('decodes delta-encoded, quantized arcs and joins them into closed rings', () => {
    const [west] = shapesOf(topology, 'boxes');
    expect(west).toEqual({ id: '01', name: 'West', d: 'M15,0L15,10L5,10L5,0L15,0Z' });
  });

  it('reads a negative index as the arc backwards, and gives nothing for a non-polygon', () => {
    const [, east, point] = shapesOf(topology, 'boxes');
    expect(east).toEqual({ id: '2', name: '', d: 'M15,0L25,0L25,10L15,10L15,0Z' });
    expect(point!.d).toBe('');
  });

  it('gives no shapes for an object the topology lacks', () => {
    expect(shapesOf(topology, 'rivers')).toEqual([]);
  });
});
