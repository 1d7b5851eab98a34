/**
 * The built web app's files: compressed copies written at build time are sent to browsers that
 * accept them, hashed assets may be cached for a year, and index.html is revalidated every time.
 */
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { testFile } from '../support/test-file.ts';
import { givenWebDist } from '../support/web-dist.ts';

const script = `export const greeting = ${JSON.stringify('hello '.repeat(500))};\n`;
const scriptUrl = '/assets/index-AbC123.js';
const YEAR = 'public, max-age=31536000, immutable';

const webDist = givenWebDist({
  [scriptUrl]: script,
  [`${scriptUrl}.gz`]: gzipSync(script),
  [`${scriptUrl}.br`]: brotliCompressSync(script),
});
const { t } = await testFile({ webDist });

const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('built assets', () => {
  it('sends the brotli copy to a browser that accepts it, cacheable for a year', async () => {
    const res = await get(scriptUrl, 'gzip, deflate, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.headers['cache-control']).toBe(YEAR);
    expect(res.headers.vary?.toString().toLowerCase()).toContain('accept-encoding');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('sends the gzip copy when brotli is not accepted', async () => {
    const res = await get(scriptUrl, 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.rawPayload).toString()).toBe(script);
  });

  it('sends the file as it is when no encoding is accepted', async () => {
    const res = await get(scriptUrl);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe(YEAR);
    expect(res.body).toBe(script);
  });
});

describe('index.html', () => {
  it.each(['/', '/agency/12/records/3'])('%s is revalidated on every visit', async (url) => {
    const res = await get(url, 'gzip, br');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html>');
    expect(res.headers['cache-control']).toBe('no-cache');
  });
});
