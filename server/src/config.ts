/**
 * Configuration from the environment. Every secret may also be given as NAME_FILE (a path whose
 * contents are the value), for Docker/Kubernetes secrets. This is the only module that reads
 * process.env; the rest of the server receives a Config.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

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
  /** Folder of the embedded database, used when databaseUrl is not set. */
  dataDir: string;
  /** Signs CSRF tokens; generated and stored in the database in development when absent. */
  sessionSecret: string | undefined;
  oidc: OidcConfig | undefined;
  /** Expected audience of bearer JWTs from the OIDC issuer. */
  jwtAudience: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  segmentKey: string | undefined;
  logLevel: string;
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

function readPort(env: Env): number {
  const raw = env.PORT ?? '3000';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535 (got "${raw}").`);
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

export function loadConfig(env: Env = process.env): Config {
  const mode: Mode = env.NODE_ENV === 'production' ? 'production' : 'development';
  const port = readPort(env);
  const host = env.HOST ?? '127.0.0.1';
  const config: Config = {
    mode,
    port,
    host,
    publicUrl: (env.PUBLIC_URL ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`).replace(/\/$/, ''),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    sessionSecret: readSecret(env, 'SESSION_SECRET'),
    oidc: readOidc(env),
    jwtAudience: env.JWT_AUDIENCE || undefined,
    smtpUrl: readSecret(env, 'SMTP_URL'),
    mailFrom: env.MAIL_FROM ?? 'Justice Counts <no-reply@justice-counts.local>',
    segmentKey: readSecret(env, 'SEGMENT_KEY'),
    logLevel: env.LOG_LEVEL ?? 'info',
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
  if (config.sessionSecret && config.sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET must be at least 32 characters long.');
  }
}
