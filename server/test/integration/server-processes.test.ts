/**
 * WEB_CONCURRENCY=2: the real server (the bundle `npm start` runs) on a PostgreSQL database of its
 * own forks two workers sharing the port. Both answer, a session made on one works on the other,
 * signing out everywhere is seen by both at once, the scheduler ran once, /metrics adds up both
 * workers, and the workers stop when the primary is killed. Needs PostgreSQL even on the embedded
 * run (scratch-postgres.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConfiguredDatabase } from '../../src/db/open-configured.ts';
import { givenPassword, GOOD_PASSWORD, sessionCookieFrom } from '../support/given-auth.ts';
import { givenAgency, givenUser } from '../support/given.ts';
import { issueEmailToken, PASSWORD_RESET_TTL_MS } from '../../src/db/queries/email-tokens.ts';
import { freePort } from '../support/free-port.ts';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-postgres.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { testConfig } from '../support/test-app.ts';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request on a connection of its own, so that the cluster hands each to the next worker. */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: object } = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    // With a length: a DELETE with a chunked body is refused by the HTTP parser (400 Client Error).
    const headers = {
      ...options.headers,
      ...(payload ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}),
    };
    const request = http.request(url, { method: options.method ?? 'GET', headers, agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end(payload);
  });
}

/** The worker processes: children of the primary, with the CPU time each has used (clock ticks). */
function workers(primaryPid: number): Map<number, number> {
  const found = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === primaryPid) found.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

const EMAIL = 'two-processes@example.test';
let scratch: ScratchDatabase;
let server: ServerProcess;
let metricsUrl: string;

beforeAll(async () => {
  scratch = await createScratchDatabase('processes');
  const opened = await openConfiguredDatabase(testConfig({ databaseUrl: scratch.url }), 'test');
  try {
    await givenPassword(opened.database.db, await givenUser(opened.database.db, { email: EMAIL }));
  } finally {
    await opened.close();
  }
  const metricsPort = await freePort();
  metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  server = await startServer({
    env: { DATABASE_URL: scratch.url, WEB_CONCURRENCY: '2', METRICS_PORT: String(metricsPort) },
  });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await scratch?.drop();
}, 60_000);

async function signedInUsers(cookie: string, times: number): Promise<(string | null)[]> {
  const answers: (string | null)[] = [];
  for (let i = 0; i < times; i++) {
    const init = await send(`${server.url}/api/init`, { headers: { cookie } });
    expect(init.status).toBe(200);
    answers.push((JSON.parse(init.body) as { user: { email: string } | null }).user?.email ?? null);
  }
  return answers;
}

describe('WEB_CONCURRENCY=2', () => {
  it('serves from two workers that share sessions, and signing out everywhere ends them on both', async () => {
    const before = workers(server.pid);
    expect(before.size).toBe(2);

    const login = await send(`${server.url}/auth/login`, {
      method: 'POST',
      body: { email: EMAIL, password: GOOD_PASSWORD },
    });
    expect(login.status).toBe(200);
    const cookie = sessionCookieFrom(login.headers);
    expect(await signedInUsers(cookie, 20)).toEqual(Array(20).fill(EMAIL));

    const after = workers(server.pid);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [pid, ticks] of after) expect(ticks, `worker ${pid} answered nothing`).toBeGreaterThan(before.get(pid)!);

    const init = JSON.parse((await send(`${server.url}/api/init`, { headers: { cookie } })).body) as { csrf: string };
    const out = await send(`${server.url}/auth/logout-everywhere`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': init.csrf },
    });
    expect(out.status, out.body).toBe(200);
    expect(JSON.parse(out.body)).toMatchObject({ ended_sessions: 1 });
    expect(await signedInUsers(cookie, 10)).toEqual(Array(10).fill(null));
  });

  it('ends access on both workers at once after a removal from the agency, a password reset and a sign-out', async () => {
    const opened = await openConfiguredDatabase(testConfig({ databaseUrl: scratch.url }), 'test');
    const { db } = opened.database;
    const agency = await givenAgency(db);
    const admin = await givenUser(db, { agency, role: 'AGENCY_ADMIN' });
    const member = await givenUser(db, { agency, role: 'AGENCY_ADMIN' });
    await givenPassword(db, admin);
    await givenPassword(db, member);
    const resetToken = await issueEmailToken(db, {
      kind: 'PASSWORD_RESET',
      userAccountId: member.id,
      ttlMs: PASSWORD_RESET_TTL_MS,
      now: new Date(),
    });
    await opened.close();
    const signInAs = async (email: string) => {
      const login = await send(`${server.url}/auth/login`, {
        method: 'POST',
        body: { email, password: GOOD_PASSWORD },
      });
      expect(login.status).toBe(200);
      const cookie = sessionCookieFrom(login.headers);
      const init = JSON.parse((await send(`${server.url}/api/init`, { headers: { cookie } })).body) as { csrf: string };
      return { cookie, 'x-csrf-token': init.csrf };
    };
    const recordsAnswers = async (cookie: string) =>
      Promise.all(
        Array.from(
          { length: 10 },
          async () => (await send(`${server.url}/api/agencies/${agency.id}/reports`, { headers: { cookie } })).status,
        ),
      );

    const [memberTab, otherTab, adminTab] = [
      await signInAs(member.email!),
      await signInAs(member.email!),
      await signInAs(admin.email!),
    ];
    expect(await recordsAnswers(memberTab.cookie)).toEqual(Array(10).fill(200));
    const removed = await send(`${server.url}/api/agencies/${agency.id}/users`, {
      method: 'DELETE',
      headers: adminTab,
      body: { email: member.email },
    });
    expect(removed.status, removed.body).toBe(200);
    expect(await recordsAnswers(memberTab.cookie)).toEqual(Array(10).fill(404));

    const reset = await send(`${server.url}/auth/password-reset`, {
      method: 'POST',
      body: { token: resetToken, password: 'another long enough passphrase' },
    });
    expect(reset.status, reset.body).toBe(200);
    expect(await signedInUsers(otherTab.cookie, 10)).toEqual(Array(10).fill(null));

    const out = await send(`${server.url}/auth/logout`, { method: 'POST', headers: adminTab });
    expect(out.status, out.body).toBe(200);
    expect(await signedInUsers(adminTab.cookie, 10)).toEqual(Array(10).fill(null));
  });

  it('runs the scheduled jobs once, and /metrics counts the requests of both workers', async () => {
    for (let i = 0; i < 10; i++) expect((await send(`${server.url}/health`)).status).toBe(200);
    let text = '';
    for (let tries = 0; tries < 100 && !text.includes('jc_job_runs_total{'); tries++) {
      text = (await send(metricsUrl)).body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const jobRuns = text.split('\n').filter((line) => line.startsWith('jc_job_runs_total{'));
    expect(jobRuns.length).toBeGreaterThan(0);
    for (const line of jobRuns) expect(line).toMatch(/ 1$/);
    const health = text
      .split('\n')
      .find((line) => line.startsWith('jc_http_requests_total{method="GET",route="/health"'));
    expect(Number(health?.split(' ').pop())).toBeGreaterThanOrEqual(10);
  });

  it('stops its workers when the primary is killed outright', async () => {
    const pids = [...workers(server.pid).keys()];
    expect(pids).toHaveLength(2);
    process.kill(server.pid, 'SIGKILL');
    const alive = () => pids.filter((pid) => existsSync(`/proc/${pid}`) && !isZombie(pid));
    for (let tries = 0; tries < 150 && alive().length > 0; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(alive()).toEqual([]);
  });
});
