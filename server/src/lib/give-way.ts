/**
 * Lets the event loop answer whatever is waiting (other people's requests) before long work on
 * the main thread goes on: an upload's write walks hundreds of thousands of values.
 */
export function giveWay(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The items of a synchronous sequence with a turn for the event loop after each: a stream reading
 * a synchronous generator (Readable.from) would otherwise run it to the end in one stretch while
 * the socket takes everything it writes, as it does for an upload's result of many megabytes.
 */
export async function* eachInTurn<T>(items: Iterable<T>): AsyncGenerator<T> {
  for (const item of items) {
    yield item;
    await giveWay();
  }
}
