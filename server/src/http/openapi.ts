/**
 * The machine-readable description of the API (OpenAPI 3.1), generated from the routes as they are
 * registered: their zod schemas become JSON Schema through fastify-type-provider-zod, and each
 * operation says who may call it, from the same route table the auth plugin enforces. Nothing is
 * written by hand, so the description cannot drift from the server.
 */
import swagger from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { SESSION_COOKIE } from '../domain/auth/sessions.ts';
import type { App } from './app-types.ts';
import { routeRules, type RouteRule } from './route-rules.ts';

export const OPENAPI_PATH = '/api/openapi.json';

/** The version of the API's shape, raised when a route changes incompatibly (not the software version). */
const API_VERSION = '1';

const DESCRIPTION = [
  'The Justice Counts Publisher API. Public routes need no sign-in. Signed-in routes accept the',
  'session cookie of the web app (writes also need the X-CSRF-Token header) or a personal API',
  'token sent as "Authorization: Bearer" followed by the token. Every operation says who may call it',
  '(x-access).',
].join(' ');

/** Who may call a route, as a sentence for people reading the description. */
export function accessText(rule: RouteRule): string {
  switch (rule.access) {
    case 'public':
      return 'Anyone, signed in or not.';
    case 'signed_in':
      return 'Any signed-in person, for their own account.';
    case 'platform_admin':
      return 'Justice Counts staff only.';
    case 'drop_folder':
      return "The operator's file transfer, with the ingestion secret (INGEST_SECRET) as the bearer token.";
    case 'agency':
      return `Members of the agency whose role allows ${rule.action}.`;
  }
}

/** Registers the generator; call it before any route is registered so that every route is seen. */
export async function registerOpenApi(app: App): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Justice Counts Publisher API', version: API_VERSION, description: DESCRIPTION },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          apiToken: { type: 'http', scheme: 'bearer' },
          ingestSecret: { type: 'http', scheme: 'bearer', description: 'INGEST_SECRET, for the drop folder only' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: (documents) =>
      'openapiObject' in documents ? withAccess(documents.openapiObject) : documents.swaggerObject,
  });
}

/** Serves the description; registered with the other routes. */
export function openApiRoutes(app: App): void {
  app.get(OPENAPI_PATH, { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

type OpenApiDocument = { paths?: Record<string, Partial<Record<(typeof METHODS)[number], object>> | undefined> };

function securityOf(rule: RouteRule): object[] {
  if (rule.access === 'public') return [];
  return rule.access === 'drop_folder' ? [{ ingestSecret: [] }] : [{ session: [] }, { apiToken: [] }];
}

/** Adds `x-access` and the security requirement of its route rule to every operation. */
function withAccess<T extends OpenApiDocument>(document: T): T {
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item?.[method];
      if (!operation) continue;
      const rule = routeRules[`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`];
      if (!rule) continue;
      Object.assign(operation, {
        'x-access': accessText(rule),
        security: securityOf(rule),
      });
    }
  }
  return document;
}
