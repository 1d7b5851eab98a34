import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

// The database URL holds a password, so containers mount it as a secret file like the others.
describe('DATABASE_URL_FILE', () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'jc-secret-')), 'database_url');
  writeFileSync(file, 'postgres://jc:s3cret@db:5432/justice_counts\n');

  it('reads the database URL from the file, without the trailing newline', () => {
    expect(loadConfig({ DATABASE_URL_FILE: file }).databaseUrl).toBe('postgres://jc:s3cret@db:5432/justice_counts');
  });

  it('refuses both forms at once, and a file that cannot be read', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x', DATABASE_URL_FILE: file })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL_FILE: `${file}.missing` })).toThrow(/DATABASE_URL_FILE points at/);
  });
});

describe('METRICS_PORT', () => {
  it('is off unless set, and a port when set', () => {
    expect(loadConfig({}).metricsPort).toBeUndefined();
    expect(loadConfig({ METRICS_PORT: '9464' }).metricsPort).toBe(9464);
  });

  it('refuses what is not a port', () => {
    expect(() => loadConfig({ METRICS_PORT: 'prometheus' })).toThrow(
      'METRICS_PORT must be a whole number from 0 to 65535 (got "prometheus").',
    );
  });
});
