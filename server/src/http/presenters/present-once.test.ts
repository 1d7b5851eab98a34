import { describe, expect, it } from 'vitest';
import { answersByVersion, serializeOnce } from './present-once.ts';

describe('answersByVersion', () => {
  const counting = () => {
    let builds = 0;
    return { build: async () => ({ build: ++builds }), builds: () => builds };
  };

  it('builds an address once per version and sends the kept answer, frozen, as the same JSON', async () => {
    const answers = answersByVersion<{ build: number }>(10);
    const { build, builds } = counting();
    const first = await answers('/a', 'v1', build);
    expect(await answers('/a', 'v1', build)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(serializeOnce(first)).toBe('{"build":1}');
    expect(await answers('/a', 'v2', build)).toEqual({ build: 2 });
    // only the latest version of an address is kept
    expect(await answers('/a', 'v1', build)).toEqual({ build: 3 });
    expect(builds()).toBe(3);
  });

  it('lets the address used least recently go when over the limit', async () => {
    const answers = answersByVersion<{ build: number }>(2);
    const { build } = counting();
    await answers('/a', 'v', build);
    await answers('/b', 'v', build);
    await answers('/a', 'v', build);
    await answers('/c', 'v', build);
    expect(await answers('/a', 'v', build)).toEqual({ build: 1 });
    expect(await answers('/b', 'v', build)).toEqual({ build: 4 });
  });
});
