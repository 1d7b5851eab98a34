/** A built web app of a test file's own for the server to serve, removed after the file's last test. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/** A folder like `web/dist`: an index.html, an `assets/` folder and `files` (relative path → content). */
export function givenWebDist(files: Record<string, string | Buffer> = {}): string {
  const webDist = mkdtempSync(path.join(tmpdir(), 'jc-web-'));
  mkdirSync(path.join(webDist, 'assets'));
  writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><html><body>app</body></html>');
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(webDist, name), content);
  afterAll(() => rmSync(webDist, { recursive: true, force: true }));
  return webDist;
}
