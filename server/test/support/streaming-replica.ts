/**
 * A PostgreSQL primary and a streaming replica of it, each a cluster of its own on this machine
 * (Debian's pg_createcluster, on free ports), for the read-replica test: the replica is a
 * `pg_basebackup` of the primary that follows its log. Both clusters are dropped by `remove`.
 * The machine's own cluster is left alone (its pg_hba.conf allows no replication).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './free-port.ts';

const run = promisify(execFile);
const VERSION = '15';

export interface ReplicaPair {
  primaryUrl: string;
  replicaUrl: string;
  remove(): Promise<void>;
}

async function waitUntilAnswering(url: string): Promise<void> {
  for (let tries = 0; tries < 300; tries++) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  throw new Error(`${url} did not answer within 30 s`);
}

export async function startReplicaPair(): Promise<ReplicaPair> {
  const suffix = randomBytes(3).toString('hex');
  const [primary, replica] = [`jc_primary_${suffix}`, `jc_replica_${suffix}`];
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const created: string[] = [];
  const remove = async () => {
    for (const name of created.reverse()) await run('pg_dropcluster', [VERSION, name, '--stop']).catch(() => undefined);
  };
  try {
    await run('pg_createcluster', [VERSION, primary, '-p', String(primaryPort), '--start', '--', '--auth=trust']);
    created.push(primary);
    await run('pg_createcluster', [VERSION, replica, '-p', String(replicaPort), '--', '--auth=trust']);
    created.push(replica);
    const replicaDir = `/var/lib/postgresql/${VERSION}/${replica}`;
    // Emptied, not removed: its parent belongs to root, and pg_basebackup fills an empty folder.
    await run('find', [replicaDir, '-mindepth', '1', '-delete']);
    const backup = [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      replicaDir,
      '-R',
      '-X',
      'stream',
    ];
    await run('runuser', ['-u', 'postgres', '--', 'pg_basebackup', ...backup]);
    await run('pg_ctlcluster', [VERSION, replica, 'start']);
    const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/postgres`;
    const replicaUrl = `postgres://postgres@127.0.0.1:${replicaPort}/postgres`;
    await waitUntilAnswering(primaryUrl);
    await waitUntilAnswering(replicaUrl);
    return { primaryUrl, replicaUrl, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
