/**
 * Lets the event loop answer whatever is waiting (other people's requests) before long work on
 * the main thread goes on: an upload's write walks hundreds of thousands of values.
 */
export function giveWay(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
