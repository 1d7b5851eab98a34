/**
 * Presentations of values the domain hands out unchanged for as long as the data behind them has
 * not changed (the same object: current-settings.ts), made once per value instead of per request,
 * and answers kept by their data's version (`answersByVersion`): deep-frozen so that nothing alters
 * a shared answer, and turned into JSON once (response-serializer.ts asks `serializeOnce`).
 */
const once = new WeakSet<object>();
const json = new WeakMap<object, string>();

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const item of Object.values(value)) deepFreeze(item);
}

/** Marks an answer as shared: frozen, and turned into JSON once however often it is sent. */
function keep<Presented extends object>(result: Presented): Presented {
  deepFreeze(result);
  once.add(result);
  return result;
}

export function presentOnce<Value extends object, Presented extends object>(
  present: (value: Value) => Presented,
): (value: Value) => Presented {
  const presented = new WeakMap<Value, Presented>();
  return (value) => {
    let result = presented.get(value);
    if (!result) {
      result = keep(present(value));
      presented.set(value, result);
    }
    return result;
  };
}

/**
 * Answers kept by the version of the data they were built from (the version their ETag is made of,
 * read before the answer: http/conditional.ts). Each address keeps only its latest version, and the
 * addresses used least recently go beyond `limit`. An answer is built after its version was read,
 * so it is never older than the version it is kept under; a write since then changes the version,
 * and the next request builds anew. Sound exactly as far as the version covers everything the
 * answer shows, which the conditional-request tests check.
 */
export function answersByVersion<Answer extends object>(limit: number) {
  const kept = new Map<string, { version: string; answer: Answer }>();
  return async (address: string, version: string, build: () => Promise<Answer>): Promise<Answer> => {
    const hit = kept.get(address);
    kept.delete(address);
    const answer = hit?.version === version ? hit.answer : keep(await build());
    kept.set(address, { version, answer });
    if (kept.size > limit) kept.delete(kept.keys().next().value!);
    return answer;
  };
}

/** The JSON of a response body, kept with it when it came from presentOnce. */
export function serializeOnce(data: unknown): string {
  if (typeof data !== 'object' || data === null || !once.has(data)) return JSON.stringify(data);
  let text = json.get(data);
  if (text === undefined) json.set(data, (text = JSON.stringify(data)));
  return text;
}
