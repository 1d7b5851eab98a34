/** Command-line options of `npm run bench`. */
import type { Engine } from '../../server/src/db/database.ts';
import type { SizeName } from './generate/dataset.ts';

export const BENCHMARKS = ['upload', 'api', 'startup', 'web', 'load'] as const;
export type BenchmarkName = (typeof BENCHMARKS)[number];

export interface BenchOptions {
  quick: boolean;
  engines: Engine[];
  benchmarks: BenchmarkName[];
  /** Data sets the read benchmarks run on, per engine. */
  sizes: Record<Engine, SizeName[]>;
  /** Seconds of each autocannon run (after a warm-up). */
  seconds: number;
  warmupSeconds: number;
  /** The upload cases: every jail sheet as workbooks, and one sheet as a CSV file. */
  upload: { children: number; years: number };
  csvUpload: { children: number; years: number };
  startupRounds: number;
  webRuns: number;
  /** The mixed load test (PostgreSQL only): seconds, users, public readers, the upload's size. */
  load: { seconds: number; users: number; readers: number; upload: { children: number; years: number } };
  /** Start servers with --cpu-prof, writing profiles to bench/results/profiles/. */
  cpuProf: boolean;
}

export const USAGE = `npm run bench -- [--quick] [--engine postgres|embedded|both] [--only upload,api,startup,web,load] [--cpu-prof]

  --quick     about a minute: small data set, short runs, a small upload
  --engine    PostgreSQL (DATABASE_URL, or postgres@127.0.0.1:5432) and/or the embedded engine; default both
  --only      run some benchmarks; "api" covers latency and growth with data size; "load" is
              the mixed load test on PostgreSQL (users, public readers and an upload at once)
  --cpu-prof  write V8 CPU profiles of the server processes to bench/results/profiles/`;

function valueOf(args: string[], name: string): string | undefined {
  const index = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (index < 0) return undefined;
  const arg = args[index]!;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index + 1];
}

export function parseOptions(args: string[]): BenchOptions {
  const known = ['--quick', '--engine', '--only', '--cpu-prof', '--help'];
  const unknown = args.filter((a) => a.startsWith('--') && !known.includes(a.split('=')[0]!));
  if (unknown.length > 0 || args.includes('--help')) {
    throw new Error(`${unknown.length ? `unknown option ${unknown.join(' ')}\n` : ''}${USAGE}`);
  }
  const quick = args.includes('--quick');
  const engine = valueOf(args, '--engine') ?? 'both';
  if (!['postgres', 'embedded', 'both'].includes(engine)) {
    throw new Error(`--engine must be postgres, embedded or both (got "${engine}")\n${USAGE}`);
  }
  const only = valueOf(args, '--only')?.split(',') ?? [...BENCHMARKS];
  const wrong = only.filter((name) => !(BENCHMARKS as readonly string[]).includes(name));
  if (wrong.length > 0) {
    throw new Error(`--only: unknown benchmark ${wrong.join(', ')} (choose from ${BENCHMARKS.join(', ')})`);
  }
  return {
    quick,
    engines: engine === 'both' ? ['postgres', 'embedded'] : [engine as Engine],
    benchmarks: only as BenchmarkName[],
    // The full run leaves 'large' out on the embedded engine: see docs/performance.md (Growth).
    sizes: quick
      ? { postgres: ['small'], embedded: ['small'] }
      : { postgres: ['small', 'medium', 'large'], embedded: ['small', 'medium'] },
    seconds: quick ? 2 : 5,
    warmupSeconds: 1,
    upload: quick ? { children: 5, years: 1 } : { children: 50, years: 5 },
    // 50 child jails x 14 years of population by race: 201,600 rows in one CSV (288 a child and year).
    csvUpload: quick ? { children: 5, years: 1 } : { children: 50, years: 14 },
    startupRounds: quick ? 1 : 3,
    webRuns: quick ? 2 : 5,
    // 9 child jails x 5 years is 106,290 value rows (2,362 a jail-year). --quick has a quarter of the people: 200
    // sign-ins cost about 50 s of server CPU (argon2id), more than a 20-second run has.
    load: quick
      ? { seconds: 20, users: 50, readers: 12, upload: { children: 12, years: 1 } }
      : { seconds: 60, users: 200, readers: 50, upload: { children: 9, years: 5 } },
    cpuProf: args.includes('--cpu-prof'),
  };
}
