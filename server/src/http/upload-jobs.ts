/**
 * Asynchronous uploads (`Prefer: respond-async`, RFC 7240): the instance that accepted the upload
 * works through it in the background, reporting progress and a heartbeat once a second; any
 * instance answers `GET /api/upload-jobs/:uploadJobId` from the database. On close the instance
 * waits for the jobs it is working on.
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { FastifyBaseLogger } from 'fastify';
import { uploadJobParams, uploadJobSchema } from '../contract/uploads.ts';
import type { Database } from '../db/database.ts';
import type { Actor } from '../domain/actor.ts';
import { getUploadJob } from '../domain/uploads/get-upload-job.ts';
import { recordUploadProgress } from '../domain/uploads/record-upload-progress.ts';
import { runUploadJob, type RunUploadJobInput } from '../domain/uploads/run-upload-job.ts';
import type { UploadJobRow } from '../domain/uploads/upload-job-rules.ts';
import type { UploadProgress } from '../domain/uploads/upload-progress.ts';
import type { MergeStep } from '../domain/uploads/merge-upload-values.ts';
import type { Config } from '../config.ts';
import type { Clock } from '../ports.ts';
import type { App, AppDeps } from './app-types.ts';
import { actorOf } from './plugins/auth.ts';
import { presentUploadJob } from './presenters/uploads.ts';

/** How often the working instance writes progress and its heartbeat. */
const REPORT_EVERY_MS = 1_000;

/** Whether the request's Prefer header (RFC 7240) asks for an asynchronous answer. */
export function prefersAsync(header: string | string[] | undefined): boolean {
  const values = Array.isArray(header) ? header : [header ?? ''];
  return values
    .flatMap((value) => value.split(','))
    .some((preference) => preference.split(/[;=]/)[0]!.trim().toLowerCase() === 'respond-async');
}

export const uploadJobLocation = (job: UploadJobRow) => `/api/upload-jobs/${job.id}`;

export type UploadJobWork = Omit<RunUploadJobInput, 'onProgress' | 'onStep' | 'jobId'>;

/** The jobs this instance works on: each reports its progress, and close() waits for them. */
export class UploadJobRunner {
  readonly instanceId = randomUUID();
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
    private readonly testPause?: Config['uploadTestPause'],
  ) {}

  /** Stops the write at the configured step for good, leaving a marker for the crash test. */
  private readonly onStep = async (step: MergeStep): Promise<void> => {
    if (step !== this.testPause?.step) return;
    await writeFile(this.testPause.markerFile, step);
    await new Promise<never>(() => undefined);
  };

  /** Works on the job in the background; `done` gets the job as it ended (undefined after a crash). */
  start(job: UploadJobRow, actor: Actor, work: UploadJobWork, done: (ended?: UploadJobRow) => void): void {
    const run = this.run(job, actor, work).then(done, () => done());
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }

  async close(): Promise<void> {
    await Promise.all(this.running);
  }

  private async run(job: UploadJobRow, actor: Actor, work: UploadJobWork): Promise<UploadJobRow | undefined> {
    const { db } = this.database;
    let latest: UploadProgress | undefined;
    let writing: Promise<void> | undefined;
    // One report at a time: on the embedded engine a report waits for the upload's transaction.
    const report = () => {
      writing ??= recordUploadProgress(db, {
        jobId: job.id,
        instanceId: this.instanceId,
        progress: latest,
        now: this.clock.now(),
      })
        .catch((error: unknown) => this.log.warn({ err: error, uploadJobId: job.id }, 'upload progress not recorded'))
        .finally(() => (writing = undefined));
    };
    const timer = setInterval(report, REPORT_EVERY_MS);
    try {
      const input = { ...work, jobId: job.id, onProgress: (p: UploadProgress) => (latest = p), onStep: this.onStep };
      return await runUploadJob(db, actor, input);
    } catch (error) {
      this.log.error({ err: error, uploadJobId: job.id }, 'asynchronous upload failed');
      return undefined;
    } finally {
      clearInterval(timer);
      await writing;
    }
  }
}

export function uploadJobRoutes(app: App, deps: AppDeps): void {
  const staleAfterMs = deps.config.uploadStaleSeconds * 1000;
  app.get(
    '/api/upload-jobs/:uploadJobId',
    { schema: { params: uploadJobParams, response: { 200: uploadJobSchema } } },
    async (request) => {
      const input = { jobId: request.params.uploadJobId, now: deps.clock.now(), staleAfterMs };
      return presentUploadJob(await getUploadJob(deps.database.db, actorOf(request), input));
    },
  );
}
