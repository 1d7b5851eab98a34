/**
 * Builds the Fastify application from its parts without listening, so `npm start`, the CLI and
 * every test construct exactly the same app.
 */
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App, AppDeps } from './http/app-types.ts';
import { healthRoutes } from './http/health.ts';
import { registerErrorHandling } from './http/plugins/errors.ts';
import { serveWebApp } from './http/static-web.ts';

export interface BuildOptions extends AppDeps {
  /** Folder of the built web app; omitted in API-only tests. */
  webDist?: string;
  logger?: FastifyServerOptions['logger'];
}

/** Largest JSON body accepted; uploads go through multipart with their own limit. */
const JSON_BODY_LIMIT = 2 * 1024 * 1024;

export async function buildApp(options: BuildOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: options.config.mode === 'production',
    requestIdHeader: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const servesWeb = options.webDist ? await serveWebApp(app, options.webDist) : false;
  registerErrorHandling(app, { spaFallback: servesWeb });

  const deps: AppDeps = options;
  healthRoutes(app, deps);

  await app.ready();
  return app;
}
