/**
 * fast-check arbitraries built from the JSON Schemas of /api/openapi.json (which the routes' zod
 * contract produces): values that fit the schema, mixed with hostile ones a caller could send
 * instead (control characters, oversized text, numbers beyond int4 and beyond exact doubles, deep
 * nesting, wrong types). Used by the fuzz test (server/test/integration/fuzz.test.ts).
 */
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
}

/** How often (out of ten) a value is replaced by a hostile one; 0 gives values that fit the schema. */
export type Hostility = 0 | 1 | 3;

const INT4_MAX = 2_147_483_647;

/** Texts that broke or could break a server: stored as-is they must be refused or kept intact. */
export const hostileText = fc.oneof(
  fc.constantFrom(
    'Smith\u0000County',
    '\u0000',
    'line\u000bbreak',
    'bell\u0007',
    'escape\u001b[31m',
    'delete\u007f',
    'c1\u0085control',
    'lone \ud800 surrogate',
    'reversed \udc00\ud800',
    '',
    '   ',
    "'; drop table source; --",
    '%_\\',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '2147483648',
    '-1',
    '1e309',
    'NaN',
    '\u202eright-to-left',
    '👩‍👩‍👧‍👦'.repeat(40),
  ),
  fc.integer({ min: 256, max: 70_000 }).map((n) => 'x'.repeat(n)),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Numbers at and beyond every boundary a column or a JavaScript number has. */
export const hostileNumber = fc.constantFrom(
  0,
  -1,
  -0,
  0.5,
  1.5,
  INT4_MAX,
  INT4_MAX + 1,
  -INT4_MAX - 2,
  2 ** 32,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  1e20,
  -1e20,
  1e308,
  -1e308,
  Number.MIN_VALUE,
);

/** A value nested hundreds of levels deep, in arrays or objects. */
export const deeplyNested = fc.tuple(fc.integer({ min: 100, max: 3_000 }), fc.boolean()).map(([depth, inArrays]) => {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = inArrays ? [value] : { a: value };
  return value;
});

const wrongType = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.constant({}),
  fc.constant([]),
  fc.jsonValue({ maxDepth: 2 }),
);

function typeOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type[0] : schema.type;
}

function hostileFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  const type = typeOf(schema);
  const oversized =
    schema.maxLength !== undefined ? [fc.constant('y'.repeat(schema.maxLength + 1))] : ([] as fc.Arbitrary<string>[]);
  if (type === 'string') return fc.oneof(hostileText, ...oversized, hostileNumber, wrongType);
  if (type === 'integer' || type === 'number') return fc.oneof(hostileNumber, hostileText, wrongType);
  return fc.oneof(wrongType, deeplyNested, hostileText, hostileNumber);
}

function numberFitting(schema: JsonSchema, knownIds: readonly number[], integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1_000);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1_000_000);
  const inRange = integer ? fc.integer({ min, max: Math.min(max, INT4_MAX) }) : fc.double({ min, max, noNaN: true });
  const boundaries = fc.constantFrom(min, max);
  // Ids that exist make a body reach the use case instead of stopping at "not found".
  const ids = knownIds.filter((id) => id >= min && id <= max);
  return ids.length > 0 ? fc.oneof(inRange, boundaries, fc.constantFrom(...ids)) : fc.oneof(inRange, boundaries);
}

function stringFitting(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'date') {
    return fc
      .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  }
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  const minLength = schema.minLength ?? 0;
  return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 40, 40)) });
}

function fitting(schema: JsonSchema, hostility: Hostility, knownIds: readonly number[]): fc.Arbitrary<unknown> {
  const child = (inner: JsonSchema) => valueFor(inner, hostility, knownIds);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map(child));
  if (schema.allOf?.[0]) return child(schema.allOf[0]);
  switch (typeOf(schema)) {
    case 'string':
      return stringFitting(schema);
    case 'integer':
      return numberFitting(schema, knownIds, true);
    case 'number':
      return numberFitting(schema, knownIds, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 4, 4));
      return fc.array(schema.items ? child(schema.items) : fc.jsonValue({ maxDepth: 1 }), { minLength, maxLength });
    }
    case 'object': {
      const properties = Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([name, inner]) => [name, child(inner)]),
      );
      return fc.record(properties, { requiredKeys: schema.required ?? [] });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A value for the schema: fitting it, or (with the given odds at every level) hostile. */
export function valueFor(schema: JsonSchema, hostility: Hostility, knownIds: readonly number[]): fc.Arbitrary<unknown> {
  const fit = fc.constant(null).chain(() => fitting(schema, hostility, knownIds));
  if (hostility === 0) return fit;
  return fc.oneof({ arbitrary: fit, weight: 10 - hostility }, { arbitrary: hostileFor(schema), weight: hostility });
}

/** A whole request body: usually built from the schema, sometimes not JSON of that shape at all. */
export function bodyFor(schema: JsonSchema | undefined, knownIds: readonly number[]): fc.Arbitrary<unknown> {
  const shaped = schema
    ? fc.oneof(valueFor(schema, 0, knownIds), valueFor(schema, 1, knownIds), valueFor(schema, 3, knownIds))
    : fc.jsonValue({ maxDepth: 3 });
  return fc.oneof({ arbitrary: shaped, weight: 8 }, { arbitrary: fc.oneof(wrongType, deeplyNested), weight: 1 });
}

/** A path or query value as text: a real record's id most of the time, else anything a URL can hold. */
export function textParam(schema: JsonSchema): fc.Arbitrary<string> {
  const type = typeOf(schema);
  const numeric = fc.constantFrom(
    '0',
    '-1',
    '2147483648',
    '4294967296',
    '9007199254740993',
    '99999999999999999999999999',
    '1e3',
    '1.5',
    '0x10',
    ' 7',
    'abc',
  );
  const fit = fitting(schema, 0, []).map((value) => String(value));
  const hostile = type === 'integer' || type === 'number' ? fc.oneof(numeric, hostileText) : hostileText;
  return fc.oneof({ arbitrary: fit, weight: 2 }, { arbitrary: hostile, weight: 2 });
}

/**
 * Percent-encodes text for a URL. encodeURIComponent refuses a lone surrogate; a hostile client
 * can still send one, so it goes as the bytes ED A0 80 (not valid UTF-8).
 */
export function encodeForUrl(value: string): string {
  return Array.from(value, (ch) => (/^[\ud800-\udfff]$/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
}
