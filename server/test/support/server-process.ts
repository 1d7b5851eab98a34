/**
 * Runs the real server as a child process, as `npm start` does (the bundle of scripts/server-bundle.mjs,
 * rebuilt first when the sources changed), on a free port, and reports when /health first answers and the process's
 * peak resident memory (VmHWM) before it stops.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ensureServerBundle, serverCommand } from '../../../scripts/server-bundle.mjs';
import { freePort } from './free-port.ts';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface ServerProcess {
  url: string;
  pid: number;
  /** Milliseconds from spawn until /health answered 200. */
  readyMs: number;
  /** Peak resident set size so far, in bytes (Linux /proc; 0 elsewhere). */
  peakRss(): Promise<number>;
  /** CPU time the process has used so far, user + system, in milliseconds (Linux /proc; 0 elsewhere). */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
  /** kill -9: the process ends at once, without closing anything; resolves once it has exited. */
  crash(): Promise<void>;
}

export interface StartOptions {
  env: Record<string, string>;
  /** Extra `node` flags, e.g. ['--cpu-prof', '--cpu-prof-dir=…']. */
  nodeFlags?: string[];
  timeoutMs?: number;
}

async function readPeakRss(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Clock ticks per second of /proc/<pid>/stat: 100 on every Linux this runs on. */
const CLOCK_TICKS = 100;

async function readCpuMs(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th fields.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`server did not answer /health within ${timeoutMs} ms:\n${output()}`);
}

export async function startServer(options: StartOptions): Promise<ServerProcess> {
  await ensureServerBundle();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), ...serverCommand], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      LOG_LEVEL: 'warn',
      // The load bench measures the server, not the rate limits (which would refuse most of its requests).
      PUBLIC_RATE_LIMIT: '0',
      API_RATE_LIMIT: '0',
      AUTH_RATE_LIMIT: '0',
      // One process, so that its CPU time and memory are the server's; a test of several asks for them.
      WEB_CONCURRENCY: '1',
      ...options.env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForHealth(url, child, () => log, options.timeoutMs ?? 120_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const readyMs = performance.now() - started;
  const pid = child.pid!;
  return {
    url,
    pid,
    readyMs,
    peakRss: () => readPeakRss(pid),
    cpuMs: () => readCpuMs(pid),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
    crash: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
