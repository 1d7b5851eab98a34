/**
 * JSON text of a large value, written a slice at a time with turns for the event loop between, so
 * that other requests are answered meanwhile: an upload's stored result holds a tuple for every
 * value, megabytes that one `JSON.stringify` would write in one stretch. The text is exactly what
 * `JSON.stringify(value)` gives.
 */
import { giveWay } from './give-way.ts';
import { LazyList } from './lazy-list.ts';

/**
 * Array items written between two turns; an array this long or longer is written in slices. A
 * slice of an upload's value tuples (about 30 characters each) stays a small string, which V8
 * frees young, not a large object that waits for a full collection.
 */
const ITEMS_PER_TURN = 2_000;

/** Objects whose members are walked here; anything else (dates, toJSON) goes to JSON.stringify whole. */
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  [Object.prototype, null].includes(Object.getPrototypeOf(value)) &&
  typeof (value as { toJSON?: unknown }).toJSON !== 'function';

/** What JSON.stringify leaves out of an object and writes as null in an array. */
const isOmitted = (value: unknown) => value === undefined || typeof value === 'function' || typeof value === 'symbol';

async function writeValue(value: unknown, parts: string[]): Promise<void> {
  if (Array.isArray(value) || value instanceof LazyList) await writeArray(value, parts);
  else if (isPlainObject(value)) await writeObject(value, parts);
  else parts.push(isOmitted(value) ? 'null' : JSON.stringify(value));
}

async function writeArray(items: readonly unknown[] | LazyList<unknown>, parts: string[]): Promise<void> {
  parts.push('[');
  if (items.length < ITEMS_PER_TURN) {
    // A short array may still hold long ones (an upload's metrics hold its values).
    for (const [index, item] of items.slice(0, items.length).entries()) {
      if (index > 0) parts.push(',');
      await writeValue(item, parts);
    }
  } else {
    for (let start = 0; start < items.length; start += ITEMS_PER_TURN) {
      if (start > 0) {
        parts.push(',');
        await giveWay();
      }
      const slice = items.slice(start, start + ITEMS_PER_TURN);
      parts.push(slice.map((item) => (isOmitted(item) ? 'null' : JSON.stringify(item))).join(','));
    }
  }
  parts.push(']');
}

async function writeObject(object: Record<string, unknown>, parts: string[]): Promise<void> {
  const members = Object.entries(object).filter(([, member]) => !isOmitted(member));
  parts.push('{');
  for (const [index, [key, member]] of members.entries()) {
    parts.push(`${index > 0 ? ',' : ''}${JSON.stringify(key)}:`);
    await writeValue(member, parts);
  }
  parts.push('}');
}

export async function jsonInTurns(value: unknown): Promise<string> {
  const parts: string[] = [];
  await writeValue(value, parts);
  return parts.join('');
}
