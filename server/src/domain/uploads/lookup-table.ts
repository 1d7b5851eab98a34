/** A lookup table that hands out the index of each distinct key, first seen first. */
export class Table<T> {
  readonly items: T[] = [];
  private readonly indexOf = new Map<unknown, number>();

  index(key: unknown, item: () => T): number {
    let index = this.indexOf.get(key);
    if (index === undefined) {
      index = this.items.push(item()) - 1;
      this.indexOf.set(key, index);
    }
    return index;
  }
}
