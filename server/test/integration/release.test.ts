/**
 * The release artifact as an operator gets it: `npm run release`'s .tar.gz unpacked into an empty
 * folder and started with `node server.mjs` in production mode, on a fresh PostgreSQL database
 * (see scratch-postgres.ts for which server), an SMTP server on loopback and its metrics port
 * open; and once more with nothing but `node`, as someone trying it out would (embedded engine,
 * demo data). Built once per change of its sources (release-artifact.ts).
 */
import { readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { type Release, repoRoot, START_COMMAND } from '../../build/release.ts';
import { containerfile } from '../support/container-recipe.ts';
import { freePort } from '../support/free-port.ts';
import { generatedWorkbook, multipart } from '../support/given-uploads.ts';
import { bodyOf, type LoopbackSmtp, startLoopbackSmtp } from '../support/loopback-smtp.ts';
import { releaseEntries, testedRelease, unpackRelease } from '../support/release-artifact.ts';
import {
  cookieHeaderFrom,
  type Env,
  passwordSignIn,
  releaseJc,
  type RunningRelease,
  startRelease,
} from '../support/run-release.ts';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-postgres.ts';
import { declares, documentedMetrics, sampleOf } from '../support/scraped-metrics.ts';

const STOP_LIMIT_MS = 10_000;
const password = 'smoke test passphrase';
const adminEmail = 'smoke-admin@example.test';

let release: Release;
let folder: string;
let version: string;
let smtp: LoopbackSmtp;
let database: ScratchDatabase;
let env: Env;
let server: RunningRelease;
/** The agency the artifact's jc creates, whose admin signs in and uploads. */
let agencyId: number;

beforeAll(async () => {
  release = await testedRelease();
  version = release.version;
  folder = unpackRelease(release);
  smtp = await startLoopbackSmtp();
  database = await createScratchDatabase('smoke');
  env = {
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    SESSION_SECRET: 'a session secret of at least thirty-two characters',
    SMTP_URL: smtp.url,
    METRICS_PORT: String(await freePort()),
  };
  server = await startRelease(folder, env);
}, 300_000);

afterAll(async () => {
  await server?.stop('SIGKILL');
  await database?.drop();
  await smtp?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** The session cookie and a CSRF token, after signing in the way the web app does. */
async function signIn(email: string): Promise<Record<string, string>> {
  const login = await passwordSignIn(server.url, email, password);
  expect(login.status).toBe(200);
  const cookie = cookieHeaderFrom(login);
  const init = (await (await fetch(`${server.url}/api/init`, { headers: { cookie } })).json()) as {
    csrf: string;
    user: { email: string } | null;
  };
  expect(init.user).toMatchObject({ email });
  return { cookie, 'x-csrf-token': init.csrf };
}

function openUnusedConnection(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once('error', reject);
  });
}

// Each step starts Node.js on a bundle of several megabytes; on a busy machine that takes seconds.
describe('the release artifact, started from an empty folder', { timeout: 180_000 }, () => {
  it('answers /health with its version, which jc and the start-up log also give', async () => {
    const health = await (await fetch(`${server.url}/health`)).json();
    expect(health).toEqual({ status: 'ok', database: 'postgres', version });
    expect(version).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{7,}/);
    expect((await releaseJc(folder, server.env, '--version')).trim()).toBe(version);
    expect(server.output()).toContain(`"version":"${version}"`);
  });

  it('serves the web app, and its assets precompressed with long caching', async () => {
    const page = await fetch(`${server.url}/agency/1/data-entry`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const script = html.match(/\/assets\/[\w.-]+\.js/)?.[0];
    expect(script, 'index.html names its script').toBeDefined();
    for (const encoding of ['br', 'gzip']) {
      const asset = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': encoding } });
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-encoding')).toBe(encoding);
      expect(asset.headers.get('cache-control')).toContain('immutable');
    }
  });

  it('signs in a user made with its jc, whose invitation to a colleague arrives by SMTP', async () => {
    const agency = JSON.parse(
      await releaseJc(
        folder,
        server.env,
        'create-agency',
        '--name',
        'Smoke County Jail',
        '--state',
        'us_ca',
        '--systems',
        'JAILS',
        '--json',
      ),
    ) as { id: number };
    agencyId = agency.id;
    await releaseJc(
      folder,
      server.env,
      'create-user',
      '--email',
      adminEmail,
      '--name',
      'Sam Smoke',
      '--agency',
      String(agency.id),
      '--role',
      'AGENCY_ADMIN',
      '--password',
      password,
    );
    const headers = await signIn(adminEmail);

    const invited = await fetch(`${server.url}/api/agencies/${agency.id}/users`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ invite_name: 'Ivy Invitee', invite_email: 'ivy@example.test' }),
    });
    expect(invited.status).toBe(200);
    const message = smtp.arrived.find((m) => m.to.includes('ivy@example.test'));
    expect(message, 'the invitation reached the SMTP server').toBeDefined();
    expect(bodyOf(message!.raw)).toContain(`${server.url}/accept-invite?token=`);
  });

  it('shows every metric docs/operations.md lists on its metrics port, after those requests and an upload', async () => {
    const headers = await signIn(adminEmail);
    const body = multipart(
      { agency_id: String(agencyId), system: 'JAILS' },
      { name: 'jails.xlsx', content: await generatedWorkbook('JAILS') },
    );
    const uploaded = await fetch(`${server.url}/api/spreadsheets`, {
      method: 'POST',
      headers: { ...headers, 'content-type': body.contentType },
      body: body.payload,
    });
    expect(uploaded.status, await uploaded.clone().text()).toBe(200);

    // What an operator's `curl http://127.0.0.1:$METRICS_PORT/metrics` gets.
    const scrape = await (await fetch(`http://127.0.0.1:${env.METRICS_PORT}/metrics`)).text();
    for (const name of documentedMetrics()) expect(declares(scrape, name), `${name} is scraped`).toBe(true);
    const value = (series: string) => sampleOf(scrape, series) ?? -1;
    expect(value('jc_http_requests_total{method="GET",route="/health",status="200"}')).toBeGreaterThan(0);
    expect(value('jc_http_request_duration_seconds_count{method="POST",route="/auth/login",status="200"}')).toBe(2);
    expect(value('jc_upload_duration_seconds_count{outcome="saved"}')).toBe(1);
    expect(value('jc_upload_rows_total')).toBeGreaterThan(0);
    expect(value('jc_job_runs_total{job="create-recurring-reports"}')).toBeGreaterThan(0);
    expect(value('jc_db_pool_connections{state="total"}')).toBeGreaterThan(0);
    expect(value('nodejs_eventloop_lag_p99_seconds')).toBeGreaterThan(0);
    expect(value('process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('stops within 10 s of SIGTERM, though clients hold connections they never sent a request on', async () => {
    // Opened ahead of need, as HTTP clients and balancers' probes do; the cluster hands them out in turn.
    const unused = await Promise.all([1, 2, 3, 4].map(() => openUnusedConnection(server.url)));
    const stopped = await server.stop('SIGTERM');
    unused.forEach((socket) => socket.destroy());
    expect(stopped.code).toBe(0);
    expect(stopped.elapsedMs).toBeLessThan(STOP_LIMIT_MS);
    // Every process stopped by itself, none by its own deadline.
    expect(server.output()).not.toContain('Still stopping');
  });

  it('stops within 10 s of SIGTERM when its database has gone away', async () => {
    server = await startRelease(folder, env);
    await database.drop();
    const stopped = await server.stop('SIGTERM');
    expect(stopped.elapsedMs, server.output()).toBeLessThan(STOP_LIMIT_MS);
    expect(server.output()).toContain('SIGTERM received');
  }, 120_000);
});

describe('the release artifact, started with nothing but node', { timeout: 180_000 }, () => {
  it('creates an embedded database with the demo data in its folder, and stops on SIGTERM', async () => {
    const bare = unpackRelease(release);
    try {
      expect((await releaseJc(bare, {}, '--version')).trim()).toBe(version);
      // startRelease adds only the address to listen on (and the matching PUBLIC_URL).
      const trial = await startRelease(bare, {});
      const health = await (await fetch(`${trial.url}/health`)).json();
      expect(health).toEqual({ status: 'ok', database: 'embedded', version });
      expect(trial.output()).toContain(`Justice Counts Publisher ${version} is running`);
      // Loading the demo data reads the county names the artifact ships (us-atlas).
      expect(trial.output()).toContain('Demo sign-ins');
      const stopped = await trial.stop('SIGTERM');
      expect(stopped.code, trial.output()).toBe(0);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});

describe('the Containerfile, against the artifact', () => {
  const recipe = containerfile();
  const [fromContext, ...fromArtifact] = recipe.copies;

  it('takes only the release artifact from the build context', () => {
    expect(fromContext?.from).toBeUndefined();
    const source = fromContext?.sources.map((s) => s.replace('${VERSION}', version));
    expect(source).toEqual([path.relative(repoRoot, release.file)]);
    for (const copy of fromArtifact) expect(copy.from).toBe('unpack');
  });

  it('copies paths that exist in the artifact, and all of its top level', async () => {
    const entries = releaseEntries(release);
    const copied = fromArtifact.flatMap((copy) => copy.sources.map((source) => source.replace(/^\/release\//, '')));
    for (const entry of copied) expect(entries, `the artifact has ${entry}`).toContain(entry);
    const topLevel = [...entries].filter((entry) => !entry.includes('/'));
    expect(new Set(copied)).toEqual(new Set(topLevel));
  });

  it('starts the server with the start command of the artifact', async () => {
    expect(recipe.command).toEqual(START_COMMAND);
    const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as {
      scripts: { start: string };
    };
    expect(manifest.scripts.start).toBe(START_COMMAND.join(' '));
  });
});
