/**
 * Records a security event for each successful call of a route that declares one
 * (`config: { securityEvent: kind }`) and for every change made through the admin panel
 * (`admin_action`), before the answer leaves, so the trail is written when the caller sees
 * success. Sign-ins and other events whose details only the handler knows are recorded there,
 * with `eventSource` below.
 */
import type { FastifyRequest } from 'fastify';
import type { SecurityEventKind } from '../../contract/security-events.ts';
import type { Clock } from '../../ports.ts';
import { recordSecurityEvent } from '../../db/queries/security-events.ts';
import type { App, AppDeps } from '../app-types.ts';
import { ruleFor } from '../route-rules.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Record this kind of security event whenever the route succeeds. */
    securityEvent?: SecurityEventKind;
  }
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Body fields worth keeping with an event; never passwords, tokens or codes. */
const KEPT_BODY_FIELDS = ['email', 'role', 'invite_email', 'invite_role', 'name', 'agency_id', 'system'];

/** Who is acting and from where, for events recorded by handlers. */
export function eventSource(request: FastifyRequest, clock: Clock) {
  return {
    userId: request.actor?.userId ?? null,
    userEmail: request.actor?.email ?? null,
    clientIp: request.ip,
    at: clock.now(),
  };
}

function kindOf(request: FastifyRequest): SecurityEventKind | undefined {
  const declared = request.routeOptions.config.securityEvent;
  if (declared) return declared;
  const url = request.routeOptions.url;
  const staffOnly = url !== undefined && ruleFor(request.method, url)?.access === 'platform_admin';
  return staffOnly && WRITES.has(request.method) ? 'admin_action' : undefined;
}

function detailsOf(request: FastifyRequest): Record<string, unknown> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const kept = Object.fromEntries(
    KEPT_BODY_FIELDS.filter((field) => typeof body[field] === 'string' || typeof body[field] === 'number').map(
      (field) => [field, body[field]],
    ),
  );
  return { route: `${request.method} ${request.routeOptions.url}`, ...(request.params as object), ...kept };
}

function agencyOf(request: FastifyRequest): number | null {
  const params = (request.params ?? {}) as Record<string, unknown>;
  const id = Number(params.agencyId ?? params.anyAgencyId ?? request.agency?.id);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export function registerSecurityEvents(app: App, deps: AppDeps): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode >= 400 || !request.routeOptions.url) return payload;
    const kind = kindOf(request);
    if (!kind) return payload;
    await recordSecurityEvent(deps.database.db, {
      ...eventSource(request, deps.clock),
      kind,
      agencyId: agencyOf(request),
      details: detailsOf(request),
    });
    return payload;
  });
}
