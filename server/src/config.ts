/**
 * Configuration from the environment. Every secret may also be given as NAME_FILE (a path whose
 * contents are the value), for Docker/Kubernetes secrets. This is the only module that reads
 * process.env; the rest of the server receives a Config.
 */
import { readFileSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { DEFAULT_PUBLISH_CHECKS, type PublishCheckThresholds } from './domain/reports/publish-check-rules.ts';

export type Mode = 'development' | 'production';

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
}

export interface Config {
  mode: Mode;
  port: number;
  host: string;
  /** Base URL people reach the app at; used in emailed links and OIDC redirects. */
  publicUrl: string;
  databaseUrl: string | undefined;
  /** A streaming replica of it, for the public pages and Explore Data (DATABASE_REPLICA_URL). */
  databaseReplicaUrl: string | undefined;
  /** Folder of the embedded database, used when databaseUrl is not set. */
  dataDir: string;
  /** Signs CSRF tokens; generated and stored in the database in development when absent. */
  sessionSecret: string | undefined;
  oidc: OidcConfig | undefined;
  /** Expected audience of bearer JWTs from the OIDC issuer. */
  jwtAudience: string | undefined;
  smtpUrl: string | undefined;
  /** Production without SMTP: keep messages in email_outbox only, chosen deliberately (EMAIL_OUTBOX_ONLY). */
  emailOutboxOnly: boolean;
  mailFrom: string;
  /** The address the open-data catalogue (/data.json) gives as every dataset's contact. */
  openDataContactEmail: string;
  /** Segment analytics for the web app: off unless SEGMENT_KEY is set (docs/operations.md). */
  segment: SegmentConfig | undefined;
  logLevel: string;
  /** Proxies whose X-Forwarded-For is believed (addresses or CIDRs); empty: none, use the peer address. */
  trustProxy: string[];
  /** Requests a minute: signed out per client address, signed in per user or token, account pages per address; 0 = no limit. */
  rateLimits: { public: number; api: number; auth: number };
  /** Days security events are kept before the daily job deletes them. */
  securityEventRetentionDays: number;
  /** Uploads read at once by one instance (each person one at a time); bounds the server's memory. */
  uploadConcurrency: number;
  /** Server processes sharing the port (WEB_CONCURRENCY): the cores on PostgreSQL, 1 on the embedded engine. */
  webConcurrency: number;
  /** Seconds an asynchronous upload may go without its instance's heartbeat before it counts as abandoned. */
  uploadStaleSeconds: number;
  /**
   * For the crash tests only (UPLOAD_TEST_PAUSE=copying:/path or merging:/path): an asynchronous
   * upload reaching that step of its write writes the marker file and waits there for ever, so a
   * test can kill the process at a known point. Unset in every real deployment.
   */
  uploadTestPause?: { step: 'copying' | 'merging'; markerFile: string } | undefined;
  /** Port of the Prometheus metrics (GET /metrics, on HOST); off when undefined. */
  metricsPort: number | undefined;
  /** While set, every API route answers 503 with this message and every page shows it (MAINTENANCE_MESSAGE). */
  maintenanceMessage: string | undefined;
  /** When a value about to be published is flagged for an explanation (PUBLISH_CHECK_*). */
  publishChecks: PublishCheckThresholds;
  /** Automatic ingestion from a drop folder (INGEST_DIR, INGEST_SECRET); off unless both are set. */
  dropFolder: DropFolderConfig | undefined;
}

export interface DropFolderConfig {
  /** The folder agencies' files are dropped into, as `<agency id>/[<SECTOR>/]<file>`. */
  path: string;
  /** What `POST /api/ingest-spreadsheet` callers send as `Authorization: Bearer <secret>`. */
  secret: string;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

/** NAME or the contents of the file at NAME_FILE; giving both is a mistake worth stopping for. */
export function readSecret(env: Env, name: string): string | undefined {
  const direct = env[name];
  const file = env[`${name}_FILE`];
  if (direct && file) throw new ConfigError(`Set ${name} or ${name}_FILE, not both.`);
  if (file) {
    try {
      return readFileSync(file, 'utf8').trim();
    } catch {
      throw new ConfigError(`${name}_FILE points at ${file}, which cannot be read.`);
    }
  }
  return direct || undefined;
}

const DEFAULT_MAIL_FROM = 'Justice Counts <no-reply@justice-counts.local>';

/** `Name <someone@example.org>` → `someone@example.org`. */
function addressOf(mailbox: string): string {
  return /<([^>]+)>/.exec(mailbox)?.[1] ?? mailbox.trim();
}

export interface SegmentConfig {
  writeKey: string;
  /** Where the library fetches the source's settings (Segment's CDN, or a stand-in in tests). */
  cdnUrl: string;
  /** Where events go, e.g. `https://api.segment.io/v1`. */
  apiUrl: string;
}

function readSegment(env: Env): SegmentConfig | undefined {
  const writeKey = readSecret(env, 'SEGMENT_KEY');
  if (!writeKey) return undefined;
  const cdnUrl = env.SEGMENT_CDN_URL ?? 'https://cdn.segment.com';
  const apiUrl = env.SEGMENT_API_URL ?? 'https://api.segment.io/v1';
  for (const [name, value] of [
    ['SEGMENT_CDN_URL', cdnUrl],
    ['SEGMENT_API_URL', apiUrl],
  ] as const) {
    if (!/^https?:\/\/[^/]/.test(value) || !URL.canParse(value)) {
      throw new ConfigError(`${name} must be an http(s) address such as https://api.segment.io/v1 (got "${value}").`);
    }
  }
  return { writeKey, cdnUrl: cdnUrl.replace(/\/$/, ''), apiUrl: apiUrl.replace(/\/$/, '') };
}

function readPort(env: Env, name: string, fallback: string): number {
  const raw = env[name] || fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`${name} must be a whole number from 0 to 65535 (got "${raw}").`);
  }
  return port;
}

function readOidc(env: Env): OidcConfig | undefined {
  const issuer = env.OIDC_ISSUER;
  const clientId = env.OIDC_CLIENT_ID;
  if (!issuer && !clientId) return undefined;
  if (!issuer || !clientId) throw new ConfigError('Set both OIDC_ISSUER and OIDC_CLIENT_ID for single sign-on.');
  return { issuer, clientId, clientSecret: readSecret(env, 'OIDC_CLIENT_SECRET') };
}

function readCount(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new ConfigError(`${name} must be a whole number, 0 or more (got "${raw}").`);
  }
  return value;
}

function readUploadConcurrency(env: Env): number {
  const value = readCount(env, 'UPLOAD_CONCURRENCY', 1);
  if (value === 0) throw new ConfigError('UPLOAD_CONCURRENCY must be 1 or more: uploads cannot be turned off.');
  return value;
}

function readReplicaUrl(env: Env): string | undefined {
  const url = readSecret(env, 'DATABASE_REPLICA_URL');
  if (url && !readSecret(env, 'DATABASE_URL')) {
    throw new ConfigError('DATABASE_REPLICA_URL is a replica of the PostgreSQL database: set DATABASE_URL too.');
  }
  return url;
}

/** The embedded database lives inside one process, so only PostgreSQL can be shared by several. */
function readWebConcurrency(env: Env): number {
  const onPostgres = Boolean(readSecret(env, 'DATABASE_URL'));
  const value = readCount(env, 'WEB_CONCURRENCY', onPostgres ? availableParallelism() : 1);
  if (value === 0) throw new ConfigError('WEB_CONCURRENCY must be 1 or more: the number of server processes.');
  if (value > 1 && !onPostgres) {
    throw new ConfigError(
      `WEB_CONCURRENCY=${value} needs PostgreSQL (DATABASE_URL): the embedded database runs inside one process. Leave WEB_CONCURRENCY unset or set it to 1.`,
    );
  }
  return value;
}

/** The working instance touches its jobs every second; a shorter limit would fail live uploads. */
function readUploadStaleSeconds(env: Env): number {
  const value = readCount(env, 'UPLOAD_STALE_SECONDS', 30);
  if (value < 5) throw new ConfigError(`UPLOAD_STALE_SECONDS must be 5 or more (got "${value}").`);
  return value;
}

function readPositive(env: Env, name: string, fallback: number, max = Number.POSITIVE_INFINITY): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > max) {
    const range = max === Number.POSITIVE_INFINITY ? 'above 0' : `above 0 and at most ${max}`;
    throw new ConfigError(`${name} must be a number ${range} (got "${raw}").`);
  }
  return value;
}

/** The thresholds of the checks before publishing (docs/operations.md, Checks before publishing). */
function readPublishChecks(env: Env): PublishCheckThresholds {
  const defaults = DEFAULT_PUBLISH_CHECKS;
  const minHistory = readCount(env, 'PUBLISH_CHECK_MIN_HISTORY', defaults.minHistory);
  if (minHistory === 0) {
    throw new ConfigError('PUBLISH_CHECK_MIN_HISTORY must be 1 or more: a usual value needs earlier values.');
  }
  return {
    deviations: readPositive(env, 'PUBLISH_CHECK_DEVIATIONS', defaults.deviations),
    ratio: readPositive(env, 'PUBLISH_CHECK_RATIO', defaults.ratio),
    minDifference: readCount(env, 'PUBLISH_CHECK_MIN_DIFFERENCE', defaults.minDifference),
    minHistory,
    unknownShare: readPositive(env, 'PUBLISH_CHECK_UNKNOWN_SHARE', defaults.unknownShare, 1),
  };
}

function readUploadTestPause(env: Env): Config['uploadTestPause'] {
  const value = env.UPLOAD_TEST_PAUSE;
  if (!value) return undefined;
  const [step, ...file] = value.split(':');
  if ((step !== 'copying' && step !== 'merging') || file.length === 0) {
    throw new ConfigError(`UPLOAD_TEST_PAUSE takes copying:<file> or merging:<file> (got "${value}").`);
  }
  return { step, markerFile: file.join(':') };
}

function isAddressOrCidr(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/** TRUST_PROXY: comma-separated addresses or CIDRs of the proxies in front of the server. */
function readTrustProxy(env: Env): string[] {
  const entries = (env.TRUST_PROXY ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const bad = entries.filter((entry) => !isAddressOrCidr(entry));
  if (bad.length > 0) {
    throw new ConfigError(
      `TRUST_PROXY takes IP addresses or CIDRs separated by commas; not understood: ${bad.join(', ')}.`,
    );
  }
  return entries;
}

function readDropFolder(env: Env): DropFolderConfig | undefined {
  const folder = env.INGEST_DIR || undefined;
  const secret = readSecret(env, 'INGEST_SECRET');
  if (!folder && !secret) return undefined;
  if (!folder || !secret) throw new ConfigError('Automatic ingestion needs both INGEST_DIR and INGEST_SECRET.');
  if (secret.length < 32) throw new ConfigError('INGEST_SECRET must be at least 32 characters long.');
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    // Reported below, with the folder's name.
  }
  if (!isFolder) throw new ConfigError(`INGEST_DIR must name an existing folder (got "${folder}").`);
  return { path: path.resolve(folder), secret };
}

export function loadConfig(env: Env = process.env): Config {
  const mode: Mode = env.NODE_ENV === 'production' ? 'production' : 'development';
  const port = readPort(env, 'PORT', '3000');
  const host = env.HOST ?? '127.0.0.1';
  const config: Config = {
    mode,
    port,
    host,
    publicUrl: (env.PUBLIC_URL ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`).replace(/\/$/, ''),
    databaseUrl: readSecret(env, 'DATABASE_URL'),
    databaseReplicaUrl: readReplicaUrl(env),
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    sessionSecret: readSecret(env, 'SESSION_SECRET'),
    oidc: readOidc(env),
    jwtAudience: env.JWT_AUDIENCE || undefined,
    smtpUrl: readSecret(env, 'SMTP_URL'),
    emailOutboxOnly: env.EMAIL_OUTBOX_ONLY === 'true',
    mailFrom: env.MAIL_FROM ?? DEFAULT_MAIL_FROM,
    openDataContactEmail: env.OPEN_DATA_CONTACT_EMAIL ?? addressOf(env.MAIL_FROM ?? DEFAULT_MAIL_FROM),
    segment: readSegment(env),
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: readTrustProxy(env),
    rateLimits: {
      public: readCount(env, 'PUBLIC_RATE_LIMIT', 300),
      api: readCount(env, 'API_RATE_LIMIT', 1200),
      auth: readCount(env, 'AUTH_RATE_LIMIT', 20),
    },
    securityEventRetentionDays: readCount(env, 'SECURITY_EVENT_RETENTION_DAYS', 365),
    uploadConcurrency: readUploadConcurrency(env),
    webConcurrency: readWebConcurrency(env),
    uploadStaleSeconds: readUploadStaleSeconds(env),
    uploadTestPause: readUploadTestPause(env),
    metricsPort: env.METRICS_PORT ? readPort(env, 'METRICS_PORT', '') : undefined,
    maintenanceMessage: env.MAINTENANCE_MESSAGE?.trim() || undefined,
    publishChecks: readPublishChecks(env),
    dropFolder: readDropFolder(env),
  };
  if (mode === 'production') assertProductionReady(config, env);
  return config;
}

function assertProductionReady(config: Config, env: Env): void {
  const missing: string[] = [];
  if (!config.sessionSecret) missing.push('SESSION_SECRET (or SESSION_SECRET_FILE)');
  if (!config.databaseUrl) missing.push('DATABASE_URL');
  if (!env.PUBLIC_URL) missing.push('PUBLIC_URL');
  if (missing.length > 0) {
    throw new ConfigError(`Production mode needs: ${missing.join(', ')}.`);
  }
  if (!config.smtpUrl && !config.emailOutboxOnly) {
    throw new ConfigError(
      'Production mode needs SMTP_URL to send invitations and password resets, or EMAIL_OUTBOX_ONLY=true to keep them in the email_outbox table only.',
    );
  }
  if (config.sessionSecret && config.sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET must be at least 32 characters long.');
  }
}
