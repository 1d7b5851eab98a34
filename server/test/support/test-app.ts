/** Builds the real app on a test database with a recording mailer and a settable clock. */
import { buildApp } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { DEFAULT_PUBLISH_CHECKS } from '../../src/domain/reports/publish-check-rules.ts';
import type { App } from '../../src/http/app-types.ts';
import type { Metrics } from '../../src/metrics/metrics.ts';
import type { Clock, EmailMessage, Mailer } from '../../src/ports.ts';
import { openPrivateDatabase } from './empty-database.ts';

export interface RecordingMailer extends Mailer {
  sent: EmailMessage[];
  /** Addresses the "mail server" refuses, as an SMTP server refuses a bad mailbox. */
  refused: Set<string>;
}

export function recordingMailer(): RecordingMailer {
  const sent: EmailMessage[] = [];
  const refused = new Set<string>();
  return {
    sent,
    refused,
    send: async (message) => {
      if (refused.has(message.to)) throw new Error(`550 mailbox unavailable: ${message.to}`);
      sent.push(message);
    },
  };
}

/** A clock that tests can move; it starts at the real time. */
export interface TestClock extends Clock {
  set(date: Date): void;
  advance(ms: number): void;
}

export function testClock(start = new Date()): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (date) => {
      current = date.getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    mode: 'development',
    port: 0,
    host: '127.0.0.1',
    publicUrl: 'http://127.0.0.1:3000',
    databaseUrl: undefined,
    databaseReplicaUrl: undefined,
    dataDir: '/nonexistent',
    sessionSecret: 'test-session-secret-that-is-long-enough-0123456789',
    oidc: undefined,
    jwtAudience: undefined,
    smtpUrl: undefined,
    emailOutboxOnly: false,
    mailFrom: 'Justice Counts <test@example.test>',
    openDataContactEmail: 'open-data@example.test',
    segment: undefined,
    logLevel: 'silent',
    trustProxy: [],
    rateLimits: { public: 0, api: 0, auth: 0 },
    securityEventRetentionDays: 365,
    uploadConcurrency: 1,
    webConcurrency: 1,
    uploadStaleSeconds: 30,
    metricsPort: undefined,
    maintenanceMessage: undefined,
    publishChecks: DEFAULT_PUBLISH_CHECKS,
    dropFolder: undefined,
    ...overrides,
  };
}

export interface TestApp {
  app: App;
  database: Database;
  mailer: RecordingMailer;
  clock: TestClock;
  config: Config;
  close(): Promise<void>;
}

export async function createTestApp(
  options: {
    config?: Partial<Config>;
    webDist?: string;
    metricsFor?: (database: Database) => Metrics;
    /**
     * The database to use (closed with the app); by default a new one of the app's own, so that
     * `expectNoWrites` can compare every table before and after a refused request.
     */
    database?: Database;
    /** A streaming replica of `database` (closed with the app). */
    readReplica?: Database;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await openPrivateDatabase());
  const mailer = recordingMailer();
  const clock = testClock();
  const config = testConfig(options.config);
  const app = await buildApp({
    database,
    readReplica: options.readReplica,
    config,
    mailer,
    clock,
    webDist: options.webDist,
    metrics: options.metricsFor?.(database),
    checkResponses: true,
  });
  return {
    app,
    database,
    mailer,
    clock,
    config,
    close: async () => {
      await app.close();
      await options.readReplica?.close();
      await database.close();
    },
  };
}
