/**
 * Starts an unpacked release as an operator would (`node server.mjs`), and runs its `jc`; also
 * starts a checked-out earlier version from its sources (upgrade.test.ts).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.ts';

export type Env = Record<string, string>;

export interface RunningRelease {
  url: string;
  /** The environment it runs with (PUBLIC_URL and PORT included), for its `jc` too. */
  env: Env;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Sends `signal` and resolves when the process has exited, with how long that took. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; elapsedMs: number }>;
}

/** The environment a release gets: only what is given, plus PATH, as in a container. */
function cleanEnv(env: Env): Env {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

/** Waits until /health answers 200 (what a load balancer waits for), or the process gives up. */
async function healthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The release stopped with code ${child.exitCode}:\n${output()}`);
    const answer = await fetch(`${url}/health`).catch(() => undefined);
    if (answer?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The release did not answer /health:\n${output()}`);
}

/** Starts `node <entry…>` in `folder`: the artifact's `server.mjs` unless told otherwise. */
export async function startRelease(folder: string, env: Env, entry = ['server.mjs']): Promise<RunningRelease> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const fullEnv = { HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: url, ...env };
  const child = spawn(process.execPath, entry, {
    cwd: folder,
    env: cleanEnv(fullEnv),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const output = () => printed;
  try {
    await healthy(url, child, output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    env: fullEnv,
    output,
    stop: async (signal = 'SIGTERM') => {
      const started = Date.now();
      child.kill(signal);
      const code = await exited(child);
      return { code, elapsedMs: Date.now() - started };
    },
  };
}

/** Runs `node jc.mjs …` in the release folder. */
export async function releaseJc(folder: string, env: Env, ...args: string[]): Promise<string> {
  const run = promisify(execFile);
  const { stdout } = await run(process.execPath, [path.join(folder, 'jc.mjs'), ...args], {
    cwd: folder,
    env: cleanEnv(env),
  });
  return stdout;
}

/** POSTs email and password to the sign-in route of a running server, as the web app does. */
export function passwordSignIn(url: string, email: string, password: string): Promise<Response> {
  return fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

/** The cookies a response set, as a Cookie header to send back. */
export function cookieHeaderFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
}
