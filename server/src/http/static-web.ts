/**
 * Serves the built single-page app. Unknown paths fall back to index.html so client-side routes
 * survive a reload, but never for /api, /auth or /health: those answer a JSON 404.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const API_PREFIXES = ['/api/', '/api', '/auth/', '/health', '/admin/api/'];

export function isApiPath(url: string): boolean {
  const pathname = url.split('?')[0] ?? '';
  return API_PREFIXES.some(
    (prefix) => pathname === prefix || pathname.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`),
  );
}

export async function serveWebApp(app: FastifyInstance, webDist: string): Promise<boolean> {
  const indexFile = path.join(webDist, 'index.html');
  if (!existsSync(indexFile)) return false;
  await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
  return true;
}
