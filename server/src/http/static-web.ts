/**
 * Serves the built single-page app. Unknown paths fall back to index.html so client-side routes
 * survive a reload, but never for /api, /auth, /feed, /admin (the admin panel's API; the panel
 * itself is /admin-panel) or /health: those answer a JSON 404.
 * The build writes .br and .gz beside each asset; they are sent as they are to browsers that
 * accept them. Files under /assets/ have their content hash in the name, so browsers may keep
 * them for a year; everything else (index.html) is checked again on every visit.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const COMPRESSED_COPIES = ['**/*.br', '**/*.gz'];
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+$/;
const ONE_YEAR_S = 365 * 24 * 60 * 60;

const API_PREFIXES = ['/api/', '/api', '/auth/', '/health', '/admin/', '/feed/'];

export function isApiPath(url: string): boolean {
  const pathname = url.split('?')[0] ?? '';
  return API_PREFIXES.some(
    (prefix) => pathname === prefix || pathname.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`),
  );
}

/** URL paths of the built files, e.g. /assets/index-abc.js, plus / for index.html. */
function builtFileUrls(webDist: string): Set<string> {
  const files = readdirSync(webDist, { recursive: true, withFileTypes: true }).filter(
    (entry) => entry.isFile() && !/\.(br|gz)$/.test(entry.name),
  );
  const urls = files.map((entry) => `/${path.relative(webDist, path.join(entry.parentPath, entry.name))}`);
  return new Set(['/', ...urls.map((url) => url.split(path.sep).join('/'))]);
}

export async function serveWebApp(app: FastifyInstance, webDist: string): Promise<boolean> {
  const indexFile = path.join(webDist, 'index.html');
  if (!existsSync(indexFile)) return false;
  // The app's own files are public: the sign-in page has to load before anyone is signed in.
  const publicUrls = builtFileUrls(webDist);
  app.addHook('onRoute', (route) => {
    if (publicUrls.has(route.url)) route.config = { ...route.config, public: true };
  });
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    globIgnore: COMPRESSED_COPIES,
    cacheControl: false,
    setHeaders: (reply, file) => {
      const hashed = HASHED_ASSET.test(file);
      reply.header('cache-control', hashed ? `public, max-age=${ONE_YEAR_S}, immutable` : 'no-cache');
    },
  });
  return true;
}
