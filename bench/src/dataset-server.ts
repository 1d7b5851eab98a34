/**
 * A server over a generated data set: a scratch database loaded with the data set and a bench
 * user, then the real server process started on it. Everything is removed afterwards.
 */
import type { Database, Engine } from '../../server/src/db/database.ts';
import { withScratch } from './engines.ts';
import { createBenchUser, type BenchUser } from './generate/bench-user.ts';
import type { DatasetSize } from './generate/dataset.ts';
import { loadDataset, type LoadedDataset } from './generate/load.ts';
import { startServer, type ServerProcess } from '../../server/test/support/server-process.ts';

export interface DatasetServer {
  engine: Engine;
  dataset: LoadedDataset;
  user: BenchUser;
  server: ServerProcess;
  /** Headers of a signed-in browser: the session cookie and, for writes, the CSRF token. */
  headers: Record<string, string>;
  /** The scratch database on PostgreSQL (undefined on the embedded engine, which the server holds). */
  databaseUrl: string | undefined;
}

export interface DatasetServerOptions {
  nodeFlags?: string[];
  log?: (line: string) => void;
  /** More environment for the server process. */
  env?: Record<string, string>;
  /** Runs on the loaded database before the server starts. */
  prepare?: (database: Database, dataset: LoadedDataset) => Promise<void>;
}

async function signedInHeaders(server: ServerProcess, user: BenchUser): Promise<Record<string, string>> {
  const cookie = `jc_session=${user.sessionToken}`;
  const response = await fetch(`${server.url}/api/init`, { headers: { cookie } });
  const body = (await response.json()) as { csrf?: string };
  if (!response.ok || !body.csrf) throw new Error(`bench: /api/init gave no CSRF token (${response.status})`);
  return { cookie, 'x-csrf-token': body.csrf };
}

export async function withDatasetServer<T>(
  engine: Engine,
  size: DatasetSize,
  use: (site: DatasetServer) => Promise<T>,
  options: DatasetServerOptions = {},
): Promise<T> {
  return withScratch(engine, async (scratch) => {
    const database = await scratch.open();
    let dataset: LoadedDataset;
    let user: BenchUser;
    try {
      dataset = await loadDataset(database, size);
      user = await createBenchUser(database, [dataset.agencies[0]!.id]);
      await options.prepare?.(database, dataset);
    } finally {
      await database.close();
    }
    options.log?.(
      `${engine} ${size.name}: ${dataset.values.toLocaleString('en-US')} values in ${dataset.records.toLocaleString('en-US')} records ` +
        `loaded in ${dataset.seconds.toFixed(1)} s (values COPY ${Math.round(dataset.values / dataset.valueSeconds).toLocaleString('en-US')} rows/s)`,
    );
    const env = { ...scratch.serverEnv, ...options.env };
    const server = await startServer({ env, nodeFlags: options.nodeFlags });
    try {
      const headers = await signedInHeaders(server, user);
      return await use({ engine, dataset, user, server, headers, databaseUrl: scratch.serverEnv.DATABASE_URL });
    } finally {
      await server.stop();
    }
  });
}
