/**
 * Builds the Fastify application from its parts without listening, so `npm start`, the CLI and
 * every test construct exactly the same app.
 */
import Fastify, { type FastifyServerOptions } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { resolveAppSecret } from './domain/auth/app-secret.ts';
import type { App, AppParts } from './http/app-types.ts';
import { registerOpenApi } from './http/openapi.ts';
import { registerAuth } from './http/plugins/auth.ts';
import { registerErrorHandling } from './http/plugins/errors.ts';
import { registerMaintenance } from './http/plugins/maintenance.ts';
import { registerRequestMetrics } from './http/plugins/request-metrics.ts';
import { responseSerializer } from './http/plugins/response-serializer.ts';
import { registerSecurityHeaders } from './http/plugins/security-headers.ts';
import { registerSecurityEvents } from './http/plugins/security-events.ts';
import { registerReadYourWrites } from './http/read-replica.ts';
import { registerRoutes } from './http/routes.ts';
import { serveWebApp } from './http/static-web.ts';
import { dropUnusedConnectionsOnClose } from './http/unused-connections.ts';
import { createMetrics, type Metrics } from './metrics/metrics.ts';

export interface BuildOptions extends AppParts {
  /** Folder of the built web app; omitted in API-only tests. */
  webDist?: string | undefined;
  logger?: FastifyServerOptions['logger'];
  /** Check every response against its schema (tests); production trusts the typed presenters. */
  checkResponses?: boolean;
  /** Where request and upload metrics go; the server passes the ones it serves on METRICS_PORT. */
  metrics?: Metrics;
}

/** Largest JSON body accepted; uploads go through multipart with their own limit. */
const JSON_BODY_LIMIT = 2 * 1024 * 1024;

export async function buildApp(options: BuildOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: JSON_BODY_LIMIT,
    // Forwarded headers are believed only from the proxies the operator names (TRUST_PROXY).
    trustProxy: options.config.trustProxy.length > 0 ? options.config.trustProxy : false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer({ checked: options.checkResponses === true }));
  dropUnusedConnectionsOnClose(app);

  // First, so every answer carries the headers, static files and error answers included.
  await registerSecurityHeaders(app, options.config);
  const metrics = options.metrics ?? createMetrics();
  registerRequestMetrics(app, metrics);
  const servesWeb = options.webDist ? await serveWebApp(app, options.webDist) : false;
  registerErrorHandling(app, { spaFallback: servesWeb });
  // Before sign-in checks, so signed-out visitors read the message too.
  registerMaintenance(app, options.config);

  const appSecret = await resolveAppSecret(options.database.db, options.config.sessionSecret);
  const deps = {
    database: options.database,
    readReplica: options.readReplica,
    config: options.config,
    mailer: options.mailer,
    clock: options.clock,
    appSecret,
    metrics,
  };
  await registerAuth(app, deps, appSecret);
  registerReadYourWrites(app, deps);
  registerSecurityEvents(app, deps);
  await registerOpenApi(app);
  registerRoutes(app, deps);

  await app.ready();
  return app;
}
