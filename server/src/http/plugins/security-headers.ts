/**
 * Security headers on every answer: the web app, its assets, the API and error answers alike.
 * The policy allows only the app's own origin. The built web app has no inline script or style
 * element: React and the charts set styles through the DOM (element.style), which a
 * Content-Security-Policy does not govern, so neither 'unsafe-inline' nor 'unsafe-eval' is needed.
 * Two-factor QR codes are drawn by the web app from rows of modules, not loaded as images.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { Mode } from '../../config.ts';

const ONE_YEAR_S = 365 * 24 * 60 * 60;

export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  // data: for the inline SVG arrow of select boxes in the stylesheet.
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export async function registerSecurityHeaders(app: FastifyInstance, mode: Mode): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    referrerPolicy: { policy: 'same-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
    // HSTS only where the server is reached over TLS; development runs on plain http://localhost.
    strictTransportSecurity: mode === 'production' ? { maxAge: ONE_YEAR_S, includeSubDomains: true } : false,
  });
}
