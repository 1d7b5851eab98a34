import { describe, expect, it } from 'vitest';
import { ApiError } from './client.ts';
import { shouldRetry } from './query-client.ts';

describe('shouldRetry', () => {
  it('never retries client errors', () => {
    expect(shouldRetry(0, new ApiError({ status: 404, code: 'not_found', description: '' }))).toBe(false);
  });

  it('retries server and network failures twice', () => {
    const serverError = new ApiError({ status: 503, code: 'server_error', description: '' });
    expect([0, 1, 2].map((n) => shouldRetry(n, serverError))).toEqual([true, true, false]);
    expect(shouldRetry(0, new TypeError('Failed to fetch'))).toBe(true);
  });

  it('does not retry maintenance: it lasts minutes', () => {
    expect(shouldRetry(0, new ApiError({ status: 503, code: 'maintenance', description: '' }))).toBe(false);
  });
});
