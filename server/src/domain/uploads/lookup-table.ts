/** A lookup table that hands out the index of each distinct key, first seen first. */
export class Table<T> {
  readonly items: T[] = [];
  private readonly indexOf = new Map<unknown, number>();
  private readonly pairs = new Map<unknown, Map<unknown, number>>();

  index(key: unknown, item: () => T): number {
    let index = this.indexOf.get(key);
    if (index === undefined) {
      index = this.items.push(item()) - 1;
      this.indexOf.set(key, index);
    }
    return index;
  }

  /**
   * The same for a key of two parts, looked up part by part: a key joined into one text would be a
   * new string to build and hash on every row. A table is used with one of the two methods only.
   */
  indexOfPair(first: unknown, second: unknown, item: () => T): number {
    let inner = this.pairs.get(first);
    if (inner === undefined) this.pairs.set(first, (inner = new Map()));
    let index = inner.get(second);
    if (index === undefined) {
      index = this.items.push(item()) - 1;
      inner.set(second, index);
    }
    return index;
  }
}
