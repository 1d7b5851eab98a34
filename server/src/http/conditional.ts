/**
 * Conditional GETs of agency data: the answer carries a strong ETag made from the version of the
 * data it was built from (domain `get…Version` use cases), and a request whose `If-None-Match`
 * names that tag is answered 304 before anything else is read. `private, no-cache` lets the
 * browser keep the answer but ask each time, so the web app's ordinary `fetch` revalidates.
 *
 * Read the version before the answer: a write in between then labels a newer answer with an older
 * tag, which costs the next request a full answer, never a stale 304.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { appVersion } from '../version.ts';

export const AGENCY_DATA_CACHE = 'private, no-cache';

/** The same data gives the same tag only at the same address and on the same server version. */
export function entityTag(address: string, version: string): string {
  const hash = createHash('sha256').update(`${appVersion}\n${address}\n${version}`).digest('base64url');
  return `"${hash.slice(0, 32)}"`;
}

/** If-None-Match compares weakly (RFC 9110 §13.1.2): `W/` is ignored, `*` matches anything. */
function matches(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((item) => {
    const candidate = item.trim().replace(/^W\//, '');
    return candidate === '*' || candidate === tag;
  });
}

/** Sets the tag and caching headers; true when the client holds this version already (answer 304). */
export function notModified(request: FastifyRequest, reply: FastifyReply, version: string): boolean {
  const tag = entityTag(request.url, version);
  reply.header('etag', tag).header('cache-control', AGENCY_DATA_CACHE);
  return matches(request.headers['if-none-match'], tag);
}
