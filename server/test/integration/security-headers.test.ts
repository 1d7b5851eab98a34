/**
 * Every answer carries the security headers: the web app's index.html (also as the fallback for
 * client-side routes), its assets, API answers, error answers and the health check.
 */
import { describe, expect, it } from 'vitest';
import { testFile } from '../support/test-file.ts';
import { givenWebDist } from '../support/web-dist.ts';

const webDist = givenWebDist({ 'assets/index-Q1w2E3.js': 'export {};\n' });
const { t: development } = await testFile({ webDist });
const { t: production } = await testFile({ webDist, config: { mode: 'production' } });

const answers: [string, { method: 'GET' | 'POST'; url: string; payload?: object }, number][] = [
  ['index.html', { method: 'GET', url: '/' }, 200],
  ['a client-side route', { method: 'GET', url: '/agency/3/reports' }, 200],
  ['an asset', { method: 'GET', url: '/assets/index-Q1w2E3.js' }, 200],
  ['the health check', { method: 'GET', url: '/health' }, 200],
  ['an API answer', { method: 'GET', url: '/api/init' }, 200],
  ['a refusal to a signed-out request', { method: 'GET', url: '/api/agencies/1/reports' }, 401],
  ['an unknown API path', { method: 'GET', url: '/api/nothing-here' }, 404],
  ['refused input', { method: 'POST', url: '/auth/login', payload: { email: 3 } }, 400],
];

describe('security headers', () => {
  it.each(answers)('are on %s', async (_name, request, status) => {
    const res = await development.app.inject(request);
    expect(res.statusCode).toBe(status);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['strict-transport-security'], 'no HSTS on plain http in development').toBeUndefined();
  });

  it('add HSTS in production', async () => {
    for (const [, request] of answers) {
      const res = await production.app.inject(request);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
  });
});
