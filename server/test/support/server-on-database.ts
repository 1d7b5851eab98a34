/**
 * This release's server on a given PostgreSQL database, opened as start-up opens it (connect, then
 * apply pending migrations under the lock), with a demo user signed in by password: for the
 * backup and upgrade tests, which start the server on a restored or upgraded database.
 */
import { buildApp } from '../../src/app.ts';
import { openConfiguredDatabase } from '../../src/db/open-configured.ts';
import type { Database } from '../../src/db/database.ts';
import type { App } from '../../src/http/app-types.ts';
import { systemClock } from '../../src/ports.ts';
import { sessionCookieFrom } from './given-auth.ts';
import type { SignedIn } from './given.ts';
import { recordingMailer, testConfig } from './test-app.ts';

export interface ServerOnDatabase {
  app: App;
  database: Database;
  close(): Promise<void>;
}

export async function startServerOn(databaseUrl: string): Promise<ServerOnDatabase> {
  const config = testConfig({ databaseUrl });
  const opened = await openConfiguredDatabase(config, 'server');
  const app = await buildApp({ database: opened.database, config, mailer: recordingMailer(), clock: systemClock });
  return {
    app,
    database: opened.database,
    close: async () => {
      await app.close();
      await opened.close();
    },
  };
}

/** Signs in with email and password on the sign-in route, as the web app does. */
export async function signInWithPassword(app: App, email: string, password: string): Promise<SignedIn> {
  const login = await app.inject({ method: 'POST', url: '/auth/login', payload: { email, password } });
  if (login.statusCode !== 200) throw new Error(`sign-in of ${email} answered ${login.statusCode}: ${login.body}`);
  const cookie = sessionCookieFrom(login.headers);
  const init = await app.inject({ method: 'GET', url: '/api/init', headers: { cookie } });
  return { cookie, 'x-csrf-token': (init.json() as { csrf: string }).csrf };
}

/** GETs `url` as `headers`' user and answers the JSON, failing on anything but 200. */
export async function readJson(app: App, headers: SignedIn, url: string): Promise<unknown> {
  const answer = await app.inject({ method: 'GET', url, headers });
  if (answer.statusCode !== 200) throw new Error(`GET ${url} answered ${answer.statusCode}: ${answer.body}`);
  return answer.json();
}
