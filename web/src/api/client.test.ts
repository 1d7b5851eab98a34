import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient, CSRF_EXPIRED } from './client.ts';

interface Call {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
}

/** A fetch that answers from a script of responses and records what it was asked. */
function fakeFetch(responses: Response[]) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({
      url: String(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
    });
    const next = responses.shift();
    if (!next) throw new Error(`unexpected request ${String(input)}`);
    return next;
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('api client', () => {
  it('sends JSON with the CSRF token on unsafe methods only', async () => {
    const { fetch, calls } = fakeFetch([json(200, { ok: 1 }), json(201, { id: 5 })]);
    const api = createApiClient(fetch);
    api.setCsrfToken('token-1');
    expect(await api.get('/api/things')).toEqual({ ok: 1 });
    expect(await api.post('/api/things', { name: 'A' })).toEqual({ id: 5 });
    expect(calls[0]?.headers.has('X-CSRF-Token')).toBe(false);
    expect(calls[1]).toMatchObject({ method: 'POST', body: { name: 'A' } });
    expect(calls[1]?.headers.get('X-CSRF-Token')).toBe('token-1');
    expect(calls[1]?.headers.get('Content-Type')).toBe('application/json');
  });

  it('refreshes an expired CSRF token from /api/init and retries once', async () => {
    const { fetch, calls } = fakeFetch([
      json(400, { code: 'csrf_invalid', description: `${CSRF_EXPIRED} Reload the page.` }),
      json(200, { csrf: 'fresh', env: 'local', user: null }),
      json(200, { saved: true }),
    ]);
    const api = createApiClient(fetch);
    api.setCsrfToken('stale');
    expect(await api.patch('/api/reports/1', { status: 'DRAFT' })).toEqual({ saved: true });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'PATCH /api/reports/1',
      'GET /api/init',
      'PATCH /api/reports/1',
    ]);
    expect(calls[2]?.headers.get('X-CSRF-Token')).toBe('fresh');
    expect(calls[2]?.body).toEqual({ status: 'DRAFT' });
  });

  it('gives up after one retry', async () => {
    const expired = () => json(400, { code: 'csrf_invalid', description: CSRF_EXPIRED });
    const { fetch, calls } = fakeFetch([expired(), json(200, { csrf: 'fresh', env: 'local' }), expired()]);
    const api = createApiClient(fetch);
    await expect(api.delete('/api/reports')).rejects.toMatchObject({ status: 400, code: 'csrf_invalid' });
    expect(calls).toHaveLength(3);
  });

  it('does not retry other errors and throws them as ApiError', async () => {
    const { fetch, calls } = fakeFetch([
      json(400, {
        code: 'invalid_input',
        description: 'month: must be between 1 and 12 (got 13)',
        requestId: 'r1',
        details: [{ field: 'month', message: 'must be between 1 and 12 (got 13)' }],
      }),
    ]);
    const error = await createApiClient(fetch)
      .post('/api/reports', { month: 13 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid_input',
      requestId: 'r1',
      details: [{ field: 'month', message: 'must be between 1 and 12 (got 13)' }],
    });
    expect(calls).toHaveLength(1);
  });

  it('names an error from its status when the body is not JSON', async () => {
    const { fetch } = fakeFetch([new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })]);
    await expect(createApiClient(fetch).get('/api/x')).rejects.toMatchObject({
      status: 502,
      code: 'server_error',
      description: 'Bad Gateway',
    });
  });

  it('returns undefined for an empty success and sends FormData untouched', async () => {
    const { fetch, calls } = fakeFetch([new Response(null, { status: 204 })]);
    const form = new FormData();
    form.set('name', 'file.xlsx');
    expect(await createApiClient(fetch).post('/api/spreadsheets', form)).toBeUndefined();
    expect(calls[0]?.body).toBe(form);
    expect(calls[0]?.headers.has('Content-Type')).toBe(false);
  });
});
