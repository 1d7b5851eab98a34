/**
 * How responses become JSON. Presenters already build exactly the typed wire shape, so the server
 * sends their output through `JSON.stringify` alone: running `zod.encode` over every response
 * first (what fastify-type-provider-zod's serializer does) cost up to 1.5 ms of CPU per large
 * response (docs/performance.md, cause 6). Answers presented once (present-once.ts) are also
 * turned into JSON once.
 *
 * The response schemas stay the contract: with `checked`, as every test app runs, each response is
 * also encoded by its schema and must come out unchanged (no missing, extra or transformed
 * fields), so a presenter that drifts from its schema fails the tests instead of leaking a field.
 */
import { serializerCompiler } from 'fastify-type-provider-zod';
import { isDeepStrictEqual } from 'node:util';
import { serializeOnce } from '../presenters/present-once.ts';

type SerializerCompiler = Parameters<typeof serializerCompiler>[0];

const plain = () => serializeOnce;

function checked(route: SerializerCompiler) {
  const encode = serializerCompiler(route);
  return (data: unknown) => {
    const encoded = encode(data);
    const sent = JSON.stringify(data);
    if (!isDeepStrictEqual(JSON.parse(encoded), JSON.parse(sent))) {
      throw new Error(
        `${route.method} ${route.url} (${route.httpStatus}): the presenter's output differs from the response schema: ` +
          `sent ${sent.slice(0, 300)}, schema gives ${encoded.slice(0, 300)}`,
      );
    }
    return sent;
  };
}

export function responseSerializer(options: { checked: boolean }): typeof serializerCompiler {
  return options.checked ? checked : plain;
}
