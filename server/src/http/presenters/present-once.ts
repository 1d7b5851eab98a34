/**
 * Presentations of values the domain hands out unchanged for as long as the data behind them has
 * not changed (the same object: current-settings.ts), made once per value instead of per request,
 * deep-frozen so that nothing alters a shared answer, and turned into JSON once
 * (response-serializer.ts asks `serializeOnce`).
 */
const once = new WeakSet<object>();
const json = new WeakMap<object, string>();

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const item of Object.values(value)) deepFreeze(item);
}

export function presentOnce<Value extends object, Presented extends object>(
  present: (value: Value) => Presented,
): (value: Value) => Presented {
  const presented = new WeakMap<Value, Presented>();
  return (value) => {
    let result = presented.get(value);
    if (!result) {
      result = present(value);
      deepFreeze(result);
      once.add(result);
      presented.set(value, result);
    }
    return result;
  };
}

/** The JSON of a response body, kept with it when it came from presentOnce. */
export function serializeOnce(data: unknown): string {
  if (typeof data !== 'object' || data === null || !once.has(data)) return JSON.stringify(data);
  let text = json.get(data);
  if (text === undefined) json.set(data, (text = JSON.stringify(data)));
  return text;
}
