/**
 * Request rate limits, counted in the database so every server instance shares one count:
 * signed-out requests per client address, signed-in requests per user (their sessions and tokens
 * together), and the account pages (sign-in, password reset, invitations) per address with a
 * stricter allowance. Only API routes count; /health never does. A limit of 0 is no limit.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.ts';
import { countHit } from '../../db/queries/rate-counters.ts';
import type { AppDeps } from '../app-types.ts';
import { ruleFor } from '../route-rules.ts';

export const RATE_WINDOW_MS = 60_000;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Sign-in, password reset and invitation routes: the stricter per-address limit applies. */
    accountLimit?: boolean;
  }
}

interface Allowance {
  key: string;
  max: number;
}

function allowanceFor(request: FastifyRequest, deps: AppDeps): Allowance | undefined {
  const url = request.routeOptions.url;
  if (!url || url === '/health' || !ruleFor(request.method, url)) return undefined;
  const limits = deps.config.rateLimits;
  if (request.routeOptions.config.accountLimit) return { key: `account:${request.ip}`, max: limits.auth };
  if (request.actor?.userId) return { key: `user:${request.actor.userId}`, max: limits.api };
  return { key: `address:${request.ip}`, max: limits.public };
}

/** Counts the request; answers 429 with Retry-After once the minute's allowance is used up. */
export async function limitRequest(request: FastifyRequest, reply: FastifyReply, deps: AppDeps): Promise<void> {
  const allowance = allowanceFor(request, deps);
  if (!allowance || allowance.max === 0) return;
  const now = deps.clock.now();
  const { hits, resetAt } = await countHit(deps.database.db, `rate:${allowance.key}`, RATE_WINDOW_MS, now);
  if (hits <= allowance.max) return;
  const seconds = Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));
  reply.header('retry-after', String(seconds));
  throw new DomainError('rate_limited', `Too many requests. Try again in ${seconds} seconds.`);
}
