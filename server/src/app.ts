/**
 * Builds the Fastify application from its parts without listening, so `npm start`, the CLI and
 * every test construct exactly the same app.
 */
import Fastify, { type FastifyServerOptions } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { resolveAppSecret } from './domain/auth/app-secret.ts';
import type { App, AppParts } from './http/app-types.ts';
import { registerAuth } from './http/plugins/auth.ts';
import { registerErrorHandling } from './http/plugins/errors.ts';
import { responseSerializer } from './http/plugins/response-serializer.ts';
import { registerRoutes } from './http/routes.ts';
import { serveWebApp } from './http/static-web.ts';

export interface BuildOptions extends AppParts {
  /** Folder of the built web app; omitted in API-only tests. */
  webDist?: string | undefined;
  logger?: FastifyServerOptions['logger'];
  /** Check every response against its schema (tests); production trusts the typed presenters. */
  checkResponses?: boolean;
}

/** Largest JSON body accepted; uploads go through multipart with their own limit. */
const JSON_BODY_LIMIT = 2 * 1024 * 1024;

export async function buildApp(options: BuildOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: options.config.mode === 'production',
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer({ checked: options.checkResponses === true }));

  const servesWeb = options.webDist ? await serveWebApp(app, options.webDist) : false;
  registerErrorHandling(app, { spaFallback: servesWeb });

  const appSecret = await resolveAppSecret(options.database.db, options.config.sessionSecret);
  const deps = {
    database: options.database,
    config: options.config,
    mailer: options.mailer,
    clock: options.clock,
    appSecret,
  };
  await registerAuth(app, deps, appSecret);
  registerRoutes(app, deps);

  await app.ready();
  return app;
}
