/**
 * Bulk upload routes: upload a spreadsheet (or ingest one from the drop folder), list, download,
 * re-status and delete uploaded files, read an upload's stored result, and download templates.
 * Every route but the drop folder's (the system's, by secret) checks the agency.
 */
import multipart, { type MultipartFile } from '@fastify/multipart';
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OK, okBody } from '../contract/common.ts';
import {
  agencySpreadsheetsParams,
  ingestSpreadsheetBody,
  spreadsheetParams,
  spreadsheetSummarySchema,
  templateParams,
  templateQuery,
  updateSpreadsheetBody,
  UPLOAD_LIMITS,
  uploadFormFields,
  uploadJobSchema,
  uploadResultSchema,
} from '../contract/uploads.ts';
import { DomainError, invalid } from '../domain/errors.ts';
import { UPLOAD_RETRY_SECONDS, UploadSlots } from '../domain/limits/upload-slots.ts';
import { buildTemplate } from '../domain/uploads/build-template.ts';
import { deleteSpreadsheet } from '../domain/uploads/delete-spreadsheet.ts';
import { ingestDroppedFile } from '../domain/uploads/ingest-dropped-file.ts';
import { findSpreadsheets } from '../domain/uploads/find-spreadsheets.ts';
import { getSpreadsheetFile } from '../domain/uploads/get-spreadsheet-file.ts';
import { getUploadResult } from '../domain/uploads/get-upload-result.ts';
import { updateSpreadsheetStatus } from '../domain/uploads/update-spreadsheet-status.ts';
import type { UploadResult } from '../domain/uploads/upload-result.ts';
import { uploadSpreadsheet } from '../domain/uploads/upload-spreadsheet.ts';
import { fileTooLarge } from '../domain/uploads/raw-upload.ts';
import { startUploadJob } from '../domain/uploads/start-upload-job.ts';
import type { App, AppDeps } from './app-types.ts';
import { actorOf } from './plugins/auth.ts';
import { gateFormAgency } from './agency-gate.ts';
import { dropFolderOf } from './drop-folder-auth.ts';
import { eachInTurn } from '../lib/give-way.ts';
import { presentSpreadsheet, presentUploadJob, uploadResultJson } from './presenters/uploads.ts';
import { prefersAsync, uploadJobLocation, UploadJobRunner } from './upload-jobs.ts';

/** `attachment` with an ASCII fallback name and the exact name for browsers that read RFC 5987. */
export function attachment(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Values the upload wrote (one per data row), for the upload metrics. */
const savedRows = (result: UploadResult) => result.metrics.reduce((sum, metric) => sum + metric.datapoints.length, 0);

/**
 * Streams a result as JSON text written piece by piece (presenters/uploads.ts): a big upload's result
 * is never one string, and skips the schema's encoding pass. The schema still documents the route.
 * Other requests get a turn between two pieces, so a big result is sent among them.
 */
function sendUploadResult(reply: FastifyReply, result: UploadResult): FastifyReply {
  const body = Readable.from(eachInTurn(uploadResultJson(result)));
  return reply.type('application/json; charset=utf-8').send(body);
}

async function readFilePart(part: MultipartFile): Promise<{ fileName: string; content: Buffer }> {
  try {
    return { fileName: part.filename, content: await part.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge();
    throw error;
  }
}

/** The form's `file` part and text fields, in whatever order the browser sent them. */
async function readUploadForm(request: FastifyRequest) {
  if (!request.isMultipart()) {
    throw new DomainError(
      'unsupported_media_type',
      'Send the upload as multipart/form-data with the spreadsheet in the "file" part.',
    );
  }
  let file: { fileName: string; content: Buffer } | undefined;
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'field') fields[part.fieldname] = String(part.value);
    else if (part.fieldname === 'file' && !file) file = await readFilePart(part);
    else throw invalid(part.fieldname, 'send exactly one file, in the part named "file"');
  }
  if (!file) throw invalid('file', 'attach the spreadsheet (.xlsx or .csv) as the part named "file"');
  return { file, fields: uploadFormFields.parse(fields) };
}

/** A slot for the person's upload (see UploadSlots), or a 429 telling them when to try again. */
function takeUploadSlot(slots: UploadSlots, request: FastifyRequest, reply: FastifyReply): () => void {
  const actor = actorOf(request);
  try {
    return slots.take(actor.userId === null ? `system:${request.id}` : `user:${actor.userId}`);
  } catch (error) {
    reply.header('retry-after', String(UPLOAD_RETRY_SECONDS));
    throw error;
  }
}

function uploadRoute(app: App, deps: AppDeps): void {
  const slots = new UploadSlots(deps.config.uploadConcurrency);
  const jobs = new UploadJobRunner(deps.database, deps.clock, app.log, deps.config.uploadTestPause);
  app.addHook('onClose', () => jobs.close());
  void app.register(async (scope) => {
    await scope.register(multipart, {
      limits: {
        fileSize: UPLOAD_LIMITS.maxFileBytes,
        files: 1,
        fields: 8,
        fieldSize: 1024,
        parts: 10,
        headerPairs: 50,
      },
    });
    scope
      .withTypeProvider<ZodTypeProvider>()
      .post(
        '/api/spreadsheets',
        { schema: { response: { 200: uploadResultSchema, 202: uploadJobSchema } } },
        async (request, reply) => {
          const started = performance.now();
          const seconds = () => (performance.now() - started) / 1000;
          const release = takeUploadSlot(slots, request, reply);
          let handedOver = false;
          try {
            const { file, fields } = await readUploadForm(request);
            const actor = actorOf(request);
            const agency = await gateFormAgency(deps.database.db, actor, request, fields);
            const checks = deps.config.publishChecks;
            const input = { agencyId: agency.id, system: fields.system, ...file, checks, now: deps.clock.now() };
            if (prefersAsync(request.headers.prefer)) {
              const job = await startUploadJob(deps.database.db, actor, { ...input, instanceId: jobs.instanceId });
              // The slot stays taken until the job ends: the instance still holds and reads the file.
              jobs.start(job, actor, input, (ended) => {
                const saved = ended?.state === 'DONE';
                deps.metrics.upload(saved ? 'saved' : 'refused', seconds(), saved ? ended.rowsWritten : 0);
                release();
              });
              handedOver = true;
              reply.code(202).header('location', uploadJobLocation(job)).header('preference-applied', 'respond-async');
              return presentUploadJob(job);
            }
            const result = await uploadSpreadsheet(deps.database.db, actor, input);
            deps.metrics.upload('saved', seconds(), savedRows(result));
            return sendUploadResult(reply, result);
          } catch (error) {
            deps.metrics.upload('refused', seconds(), 0);
            throw error;
          } finally {
            if (!handedOver) release();
          }
        },
      );
    scope
      .withTypeProvider<ZodTypeProvider>()
      .post(
        '/api/ingest-spreadsheet',
        { schema: { body: ingestSpreadsheetBody, response: { 200: uploadResultSchema } } },
        async (request, reply) => {
          const release = takeUploadSlot(slots, request, reply);
          try {
            const { publishChecks: checks } = deps.config;
            const input = {
              dropFolder: dropFolderOf(deps).path,
              file: request.body.file,
              checks,
              now: deps.clock.now(),
            };
            return sendUploadResult(reply, await ingestDroppedFile(deps.database.db, actorOf(request), input));
          } finally {
            release();
          }
        },
      );
  });
}

export function uploadRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;
  uploadRoute(app, deps);

  app.get(
    '/api/agencies/:agencyId/spreadsheets',
    { schema: { params: agencySpreadsheetsParams, response: { 200: z.array(spreadsheetSummarySchema) } } },
    async (request) => {
      const actor = actorOf(request);
      return (await findSpreadsheets(db, actor, request.params.agencyId)).map((item) => presentSpreadsheet(item));
    },
  );

  app.get('/api/spreadsheets/:spreadsheetId', { schema: { params: spreadsheetParams } }, async (request, reply) => {
    const file = await getSpreadsheetFile(db, actorOf(request), request.params.spreadsheetId);
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', attachment(file.fileName))
      .send(file.content);
  });

  app.patch(
    '/api/spreadsheets/:spreadsheetId',
    { schema: { params: spreadsheetParams, body: updateSpreadsheetBody, response: { 200: spreadsheetSummarySchema } } },
    async (request) => {
      const actor = actorOf(request);
      const input = { spreadsheetId: request.params.spreadsheetId, status: request.body.status, now: deps.clock.now() };
      return presentSpreadsheet(await updateSpreadsheetStatus(db, actor, input));
    },
  );

  app.delete(
    '/api/spreadsheets/:spreadsheetId',
    { schema: { params: spreadsheetParams, response: { 200: okBody } } },
    async (request) => {
      await deleteSpreadsheet(db, actorOf(request), request.params.spreadsheetId);
      return OK;
    },
  );

  app.get(
    '/api/:spreadsheetId/bulk-upload-json',
    { schema: { params: spreadsheetParams, response: { 200: uploadResultSchema } } },
    async (request, reply) =>
      sendUploadResult(reply, await getUploadResult(db, actorOf(request), request.params.spreadsheetId)),
  );

  app.get(
    '/api/template/:agencyId/:system',
    { schema: { params: templateParams, querystring: templateQuery } },
    async (request, reply) => {
      const { agencyId, system } = request.params;
      const input = { agencyId, system, ...request.query, now: deps.clock.now() };
      const file = await buildTemplate(db, actorOf(request), input);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachment(file.fileName))
        .send(file.content);
    },
  );
}
