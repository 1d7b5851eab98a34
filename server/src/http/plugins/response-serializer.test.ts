import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSerializer } from './response-serializer.ts';

const schema = z.object({ id: z.number(), name: z.string().nullable(), tags: z.array(z.string()) });
const route = { schema, method: 'GET', url: '/api/things/:id', httpStatus: '200' };

describe('responseSerializer', () => {
  it('sends presenter output as plain JSON', () => {
    const serialize = responseSerializer({ checked: false })(route);
    expect(serialize({ id: 1, name: null, tags: ['a'] })).toBe('{"id":1,"name":null,"tags":["a"]}');
  });

  it('when checked, sends output that matches its schema, whatever the key order', () => {
    const serialize = responseSerializer({ checked: true })(route);
    expect(serialize({ tags: [], name: 'x', id: 2 })).toBe('{"tags":[],"name":"x","id":2}');
  });

  it('when checked, refuses a field the schema does not have instead of sending it', () => {
    const serialize = responseSerializer({ checked: true })(route);
    expect(() => serialize({ id: 1, name: null, tags: [], passwordHash: 'secret' })).toThrow(
      /GET \/api\/things\/:id \(200\): the presenter's output differs from the response schema/,
    );
  });

  it('when checked, refuses output that breaks the schema', () => {
    const serialize = responseSerializer({ checked: true })(route);
    expect(() => serialize({ id: '1', name: null, tags: [] })).toThrow();
  });
});
