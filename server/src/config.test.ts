import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';
import { DEFAULT_PUBLISH_CHECKS } from './domain/reports/publish-check-rules.ts';

describe('TRUST_PROXY', () => {
  it('trusts no proxy unless one is named, in production too', () => {
    const production = {
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(32),
      DATABASE_URL: 'postgres://db/jc',
      PUBLIC_URL: 'https://jc.example',
      EMAIL_OUTBOX_ONLY: 'true',
    };
    expect(loadConfig(production).trustProxy).toEqual([]);
    expect(loadConfig({ ...production, TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,fd00::/8' }).trustProxy).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      'fd00::/8',
    ]);
  });

  it.each(['true', '10.0.0.300', '10.0.0.0/33', 'proxy.internal', '10.0.0.1/8/1'])('refuses "%s"', (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
  });
});

describe('rate limits and retention', () => {
  it('defaults to 300 and 1,200 a minute and a year of security events', () => {
    const config = loadConfig({});
    expect(config.rateLimits).toEqual({ public: 300, api: 1200, auth: 20 });
    expect(config.securityEventRetentionDays).toBe(365);
  });

  it('takes 0 to turn a limit off, and refuses what is not a whole number', () => {
    expect(loadConfig({ PUBLIC_RATE_LIMIT: '0', API_RATE_LIMIT: '0' }).rateLimits).toMatchObject({ public: 0, api: 0 });
    expect(() => loadConfig({ API_RATE_LIMIT: '-1' })).toThrow(/API_RATE_LIMIT/);
    expect(() => loadConfig({ SECURITY_EVENT_RETENTION_DAYS: 'forever' })).toThrow(/SECURITY_EVENT_RETENTION_DAYS/);
  });
});

describe('uploads at once', () => {
  it('reads one upload at a time by default, and refuses 0 or words', () => {
    expect(loadConfig({}).uploadConcurrency).toBe(1);
    expect(loadConfig({ UPLOAD_CONCURRENCY: '4' }).uploadConcurrency).toBe(4);
    expect(() => loadConfig({ UPLOAD_CONCURRENCY: '0' })).toThrow(/UPLOAD_CONCURRENCY must be 1 or more/);
    expect(() => loadConfig({ UPLOAD_CONCURRENCY: 'many' })).toThrow(/UPLOAD_CONCURRENCY/);
  });

  it('fails an asynchronous upload after 30 s without word from its server by default, never under 5 s', () => {
    expect(loadConfig({}).uploadStaleSeconds).toBe(30);
    expect(loadConfig({ UPLOAD_STALE_SECONDS: '10' }).uploadStaleSeconds).toBe(10);
    expect(() => loadConfig({ UPLOAD_STALE_SECONDS: '2' })).toThrow(/UPLOAD_STALE_SECONDS must be 5 or more/);
  });

  it('pauses asynchronous uploads only when a crash test asks, at a named step', () => {
    expect(loadConfig({}).uploadTestPause).toBeUndefined();
    expect(loadConfig({ UPLOAD_TEST_PAUSE: 'merging:/tmp/a:b' }).uploadTestPause).toEqual({
      step: 'merging',
      markerFile: '/tmp/a:b',
    });
    expect(() => loadConfig({ UPLOAD_TEST_PAUSE: 'writing:/tmp/a' })).toThrow(/copying:<file> or merging:<file>/);
    expect(() => loadConfig({ UPLOAD_TEST_PAUSE: 'copying' })).toThrow(/UPLOAD_TEST_PAUSE/);
  });
});

describe('checks before publishing', () => {
  it('has defaults, takes each threshold from the environment, and refuses what makes no sense', () => {
    expect(loadConfig({}).publishChecks).toEqual(DEFAULT_PUBLISH_CHECKS);
    const set = loadConfig({
      PUBLISH_CHECK_RATIO: '2.5',
      PUBLISH_CHECK_UNKNOWN_SHARE: '0.4',
      PUBLISH_CHECK_MIN_HISTORY: '6',
    });
    expect(set.publishChecks).toMatchObject({ ratio: 2.5, unknownShare: 0.4, minHistory: 6 });
    expect(() => loadConfig({ PUBLISH_CHECK_UNKNOWN_SHARE: '40' })).toThrow(
      /PUBLISH_CHECK_UNKNOWN_SHARE must be a number above 0 and at most 1/,
    );
    expect(() => loadConfig({ PUBLISH_CHECK_DEVIATIONS: 'many' })).toThrow(/PUBLISH_CHECK_DEVIATIONS/);
    expect(() => loadConfig({ PUBLISH_CHECK_MIN_HISTORY: '0' })).toThrow(/PUBLISH_CHECK_MIN_HISTORY must be 1 or more/);
  });
});

describe('server processes', () => {
  it('runs one per core on PostgreSQL and one on the embedded engine, unless told', () => {
    const postgres = { DATABASE_URL: 'postgres://db/jc' };
    expect(loadConfig(postgres).webConcurrency).toBe(availableParallelism());
    expect(loadConfig({ ...postgres, WEB_CONCURRENCY: '3' }).webConcurrency).toBe(3);
    expect(loadConfig({}).webConcurrency).toBe(1);
    expect(loadConfig({ WEB_CONCURRENCY: '1' }).webConcurrency).toBe(1);
  });

  it('refuses 0, words, and several processes on the embedded engine', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/jc', WEB_CONCURRENCY: '0' })).toThrow(/1 or more/);
    expect(() => loadConfig({ WEB_CONCURRENCY: 'many' })).toThrow(/WEB_CONCURRENCY/);
    expect(() => loadConfig({ WEB_CONCURRENCY: '2' })).toThrow(/needs PostgreSQL \(DATABASE_URL\)/);
  });
});

describe('DATABASE_REPLICA_URL', () => {
  it('is optional, and only a replica of a PostgreSQL DATABASE_URL', () => {
    const postgres = { DATABASE_URL: 'postgres://db/jc' };
    expect(loadConfig(postgres).databaseReplicaUrl).toBeUndefined();
    expect(loadConfig({ ...postgres, DATABASE_REPLICA_URL: 'postgres://replica/jc' }).databaseReplicaUrl).toBe(
      'postgres://replica/jc',
    );
    expect(() => loadConfig({ DATABASE_REPLICA_URL: 'postgres://replica/jc' })).toThrow(/set DATABASE_URL too/);
  });
});

describe('email in production', () => {
  const production = {
    NODE_ENV: 'production',
    SESSION_SECRET: 'x'.repeat(32),
    DATABASE_URL: 'postgres://db/jc',
    PUBLIC_URL: 'https://jc.example',
  };

  it('refuses to start without SMTP_URL, so links are never printed to the log by default', () => {
    expect(() => loadConfig(production)).toThrow(/SMTP_URL.*EMAIL_OUTBOX_ONLY=true/);
  });

  it('starts with SMTP_URL, or without it when EMAIL_OUTBOX_ONLY=true is set deliberately', () => {
    expect(loadConfig({ ...production, SMTP_URL: 'smtp://mail.example:25' }).emailOutboxOnly).toBe(false);
    expect(loadConfig({ ...production, EMAIL_OUTBOX_ONLY: 'true' }).emailOutboxOnly).toBe(true);
    expect(() => loadConfig({ ...production, EMAIL_OUTBOX_ONLY: 'yes' })).toThrow(/SMTP_URL/);
  });
});

describe('automatic ingestion', () => {
  const secret = 's'.repeat(32);

  it('is off unless both INGEST_DIR and INGEST_SECRET are set', () => {
    expect(loadConfig({}).dropFolder).toBeUndefined();
    expect(loadConfig({ INGEST_DIR: tmpdir(), INGEST_SECRET: secret }).dropFolder).toEqual({ path: tmpdir(), secret });
  });

  it('refuses one without the other, a short secret, and a folder that does not exist', () => {
    expect(() => loadConfig({ INGEST_DIR: tmpdir() })).toThrow('needs both INGEST_DIR and INGEST_SECRET');
    expect(() => loadConfig({ INGEST_SECRET: secret })).toThrow('needs both INGEST_DIR and INGEST_SECRET');
    expect(() => loadConfig({ INGEST_DIR: tmpdir(), INGEST_SECRET: 'short' })).toThrow('at least 32 characters');
    const missing = path.join(tmpdir(), 'no-such-drop-folder');
    expect(() => loadConfig({ INGEST_DIR: missing, INGEST_SECRET: secret })).toThrow(
      `existing folder (got "${missing}")`,
    );
  });
});
