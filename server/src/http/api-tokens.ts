/** Personal API tokens of one agency: create (the secret is shown once), list, revoke. */
import { agencyIdParams } from '../contract/agencies.ts';
import {
  apiTokenCreatedResponse,
  apiTokenListResponse,
  createApiTokenBody,
  type ApiTokenSummary,
} from '../contract/auth.ts';
import { idParam, OK, okBody } from '../contract/common.ts';
import {
  createApiToken,
  findApiTokens,
  revokeApiToken,
  type ApiTokenSummary as Summary,
} from '../domain/auth/manage-api-tokens.ts';
import type { App, AppDeps } from './app-types.ts';
import { actorOf } from './plugins/auth.ts';

function presentApiToken(token: Summary): ApiTokenSummary {
  return {
    id: token.id,
    name: token.name,
    agency_id: token.agencyId,
    owner_name: token.ownerName,
    owner_email: token.ownerEmail,
    created_at: token.createdAt.toISOString(),
    last_used_at: token.lastUsedAt?.toISOString() ?? null,
  };
}

export function apiTokenRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(
    '/api/agencies/:agencyId/api_tokens',
    { schema: { params: agencyIdParams, response: { 200: apiTokenListResponse } } },
    async (request) => ({
      api_tokens: (await findApiTokens(db, actorOf(request), request.params)).map(presentApiToken),
    }),
  );

  app.post(
    '/api/agencies/:agencyId/api_tokens',
    {
      config: { securityEvent: 'api_token_created' },
      schema: { params: agencyIdParams, body: createApiTokenBody, response: { 200: apiTokenCreatedResponse } },
    },
    async (request) => {
      const input = { agencyId: request.params.agencyId, name: request.body.name, now: deps.clock.now() };
      const { summary, token } = await createApiToken(db, actorOf(request), input);
      return { ...presentApiToken(summary), token };
    },
  );

  app.delete(
    '/api/agencies/:agencyId/api_tokens/:tokenId',
    {
      config: { securityEvent: 'api_token_revoked' },
      schema: { params: agencyIdParams.extend({ tokenId: idParam }), response: { 200: okBody } },
    },
    async (request) => {
      await revokeApiToken(db, actorOf(request), { ...request.params, now: deps.clock.now() });
      return OK;
    },
  );
}
