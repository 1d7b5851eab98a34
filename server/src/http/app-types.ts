import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { Clock, Mailer } from '../ports.ts';

/** The Fastify instance with zod schemas as its type provider. */
export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What the app is built from; tests pass their own database, mailer and clock. */
export interface AppParts {
  database: Database;
  /** A streaming replica for the public pages and Explore Data (DATABASE_REPLICA_URL); read-replica.ts. */
  readReplica?: Database | undefined;
  config: Config;
  mailer: Mailer;
  clock: Clock;
}

/** What every route module receives: the parts plus what buildApp derives from them. */
export interface AppDeps extends AppParts {
  /** Signs CSRF tokens (configured, or generated and stored in development). */
  appSecret: string;
  metrics: Metrics;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Marks a route that needs no sign-in; every other route requires one. */
    public?: boolean;
  }
}
