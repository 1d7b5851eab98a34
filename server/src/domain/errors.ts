/**
 * The one error type the domain throws. Each code has exactly one HTTP status (the compiler
 * rejects a code without one); the HTTP layer turns it into the reference's error body.
 */
import type { ErrorCode as WireErrorCode } from '../contract/error-codes.ts';

/** The codes the domain throws: every wire code but the HTTP layer's catch-all. */
export type ErrorCode = Exclude<WireErrorCode, 'server_error'>;

export const statusFor: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  version_required: 428,
  csrf_invalid: 403,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  email_failed: 502,
  maintenance: 503,
};

/** A problem with one input field: where it is, and what is wrong, in words. */
export interface FieldProblem {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldProblem[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} was not found.`);
export const forbidden = (why: string) => new DomainError('forbidden', why);
export const invalid = (field: string, message: string) =>
  new DomainError('invalid_input', `${field}: ${message}`, [{ field, message }]);

/** Refuses with every problem found at once (400 naming each field), or returns when there is none. */
export function throwIfProblems(problems: readonly FieldProblem[]): void {
  if (problems.length === 0) return;
  throw new DomainError('invalid_input', problems.map((p) => `${p.field}: ${p.message}`).join('; '), [...problems]);
}
