/**
 * Accepts an asynchronous upload (`Prefer: respond-async`): the checks that need no reading (who,
 * which sector, what kind of file) refuse it at once with nothing written; otherwise a job is
 * recorded that runUploadJob then works through.
 */
import type { Executor } from '../../db/database.ts';
import { uploadJob } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { getAgencyForAction } from '../permissions.ts';
import { checkUploadFile } from './read-upload-file.ts';
import { checkUploadSystem } from './upload-spreadsheet.ts';
import type { UploadJobRow } from './upload-job-rules.ts';

export interface StartUploadJobInput {
  agencyId: number;
  system: string;
  fileName: string;
  content: Buffer;
  now: Date;
  /** The server instance that will work on the job, and touch it while it does. */
  instanceId: string;
}

export async function startUploadJob(db: Executor, actor: Actor, input: StartUploadJobInput): Promise<UploadJobRow> {
  const agency = await getAgencyForAction(db, actor, 'uploads.create', input.agencyId);
  const system = checkUploadSystem(agency, input.system);
  checkUploadFile(input.fileName, input.content);
  const [job] = await db
    .insert(uploadJob)
    .values({
      agencyId: agency.id,
      userAccountId: actor.userId,
      system,
      fileName: input.fileName,
      state: 'READING',
      instanceId: input.instanceId,
      createdAt: input.now,
      heartbeatAt: input.now,
    })
    .returning();
  return job!;
}
