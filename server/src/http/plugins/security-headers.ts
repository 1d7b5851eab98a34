/**
 * Security headers on every answer: the web app, its assets, the API and error answers alike.
 * The policy allows only the app's own origin. The built web app has no inline script or style
 * element: React and the charts set styles through the DOM (element.style), which a
 * Content-Security-Policy does not govern, so neither 'unsafe-inline' nor 'unsafe-eval' is needed.
 * Two-factor QR codes are drawn by the web app from rows of modules, not loaded as images.
 * With Segment analytics configured, the web app may also reach Segment's settings and event
 * addresses (read per answer, so a changed configuration applies at once).
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';

const ONE_YEAR_S = 365 * 24 * 60 * 60;

/** The app's own origin, and Segment's settings and event addresses when analytics is on. */
function connectSources(config: Config): string {
  const segment = config.segment
    ? [config.segment.cdnUrl, config.segment.apiUrl].map((url) => new URL(url).origin)
    : [];
  return ["'self'", ...new Set(segment)].join(' ');
}

const contentSecurityPolicy = (config: Config) => ({
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  // data: for the inline SVG arrow of select boxes in the stylesheet.
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': [() => connectSources(config)],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
});

export async function registerSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(config) },
    referrerPolicy: { policy: 'same-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
    // HSTS only where the server is reached over TLS; development runs on plain http://localhost.
    strictTransportSecurity: config.mode === 'production' ? { maxAge: ONE_YEAR_S, includeSubDomains: true } : false,
  });
}
