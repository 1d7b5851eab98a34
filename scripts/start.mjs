// `npm start`: build the web app and the server bundle when they are missing or older than their
// sources, then run the server. Plain JavaScript so it runs before anything is compiled.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ensureServerBundle, serverCommand } from './server-bundle.mjs';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const built = path.join(root, 'web/dist/index.html');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const sources = [
  'web/src',
  'web/public',
  'web/index.html',
  'web/vite.config.ts',
  'catalogue/src',
  'server/src/contract',
].map((p) => path.join(root, p));
const sourceTime = Math.max(
  ...sources.filter(existsSync).map((p) => (statSync(p).isDirectory() ? newestSource(p) : statSync(p).mtimeMs)),
);
if (!existsSync(built) || statSync(built).mtimeMs < sourceTime) {
  console.log('Building the web app…');
  run('npm', ['run', 'build', '-w', 'web', '--silent']);
}
if (await ensureServerBundle()) console.log('Built the server.');
// The server gets its own process group and every stop signal from here, exactly once: signals sent
// to this process alone (a service manager, `timeout`) reach it, and Ctrl-C does not arrive twice.
const server = spawn(process.execPath, serverCommand, { cwd: root, stdio: 'inherit', detached: true });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
