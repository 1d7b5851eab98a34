/**
 * A long list whose items are made only when read, a slice at a time: for lists of hundreds of
 * thousands of small items kept more compactly than as objects (an upload's values, kept in
 * columns). Reads like a read-only array where only `length` and `slice` are needed, and is
 * written as a JSON array (`jsonInTurns`, JSON.stringify).
 */
export abstract class LazyList<T> {
  abstract readonly length: number;

  /** The items from `start` up to, not including, `end`, made now. */
  abstract slice(start?: number, end?: number): T[];

  toJSON(): T[] {
    return this.slice(0, this.length);
  }
}
