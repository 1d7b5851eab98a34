/**
 * The real app, serving the built web app, on a fresh test database, listening on a free local
 * port. Built by the same createTestApp() the integration tests use, so browser tests exercise
 * exactly the server they do.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../../server/test/support/free-port.ts';
import { createTestApp, type TestApp } from '../../server/test/support/test-app.ts';
import { webDist } from './paths.ts';

export interface TestServer extends TestApp {
  /** Base address, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
}

export async function startTestServer(): Promise<TestServer> {
  if (!existsSync(path.join(webDist, 'index.html'))) {
    throw new Error(
      'e2e: web/dist/index.html is missing; run "npm run build -w web" (the e2e global setup does this).',
    );
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const testApp = await createTestApp({ webDist, config: { port, publicUrl: url } });
  await testApp.app.listen({ host: '127.0.0.1', port });
  return { ...testApp, url };
}
