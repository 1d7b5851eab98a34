/**
 * Turns every failure into the reference's error body `{code, description}`, plus the request id
 * and, for bad input, the fields at fault. Status comes from the error code, never from text.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { isApiPath } from '../static-web.ts';
import { DomainError, statusFor, type FieldProblem } from '../../domain/errors.ts';

export interface ErrorBody {
  code: string;
  description: string;
  requestId: string;
  details?: FieldProblem[];
}

function describeProblems(problems: FieldProblem[]): string {
  return problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join('; ');
}

function zodProblems(error: ZodError, prefix: string): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}

function toBody(error: unknown, request: FastifyRequest): { status: number; body: ErrorBody } {
  const requestId = request.id;
  if (error instanceof DomainError) {
    const body: ErrorBody = { code: error.code, description: error.message, requestId };
    if (error.details) body.details = error.details;
    return { status: statusFor[error.code], body };
  }
  if (error instanceof ZodError) {
    const details = zodProblems(error, '');
    return { status: 400, body: { code: 'invalid_input', description: describeProblems(details), requestId, details } };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? '';
    const details = error.validation.map((v) => ({
      field: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'is invalid',
    }));
    return { status: 400, body: { code: 'invalid_input', description: describeProblems(details), requestId, details } };
  }
  const fastifyError = error as FastifyError;
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : 'invalid_input';
    return { status, body: { code, description: fastifyError.message, requestId } };
  }
  return {
    status: 500,
    body: {
      code: 'server_error',
      description: 'A server error occurred. It has been logged; please try again or contact support.',
      requestId,
    },
  };
}

export interface ErrorHandlingOptions {
  /** Answer unknown non-API GETs with the web app's index.html (client-side routes). */
  spaFallback: boolean;
}

export function registerErrorHandling(app: FastifyInstance, { spaFallback }: ErrorHandlingOptions): void {
  app.setErrorHandler((error, request, reply: FastifyReply) => {
    const { status, body } = toBody(error, request);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    if (spaFallback && request.method === 'GET' && !isApiPath(request.url)) return reply.sendFile('index.html');
    const body: ErrorBody = {
      code: 'not_found',
      description: `No route ${request.method} ${request.url.split('?')[0]}.`,
      requestId: request.id,
    };
    return reply.status(404).send(body);
  });
}
