/**
 * The one place where API failures become words for people. Components never read server text
 * or status codes themselves: they call `messageFor(error)` (and `fieldErrors(error)` for forms).
 */
import type { ErrorCode } from '@jc/server/contract';
import { ApiError } from './client.ts';

export type { ErrorCode };
export const SUPPORT_EMAIL = 'justice-counts-support@csg.org';

/** What to say when the server sent no description for a code. */
const fallbacks: Record<ErrorCode, string> = {
  invalid_input: 'Some of the information is not valid. Check the highlighted fields.',
  unauthenticated: 'Your session has ended. Please sign in again.',
  forbidden: 'You do not have permission to do that. Ask an agency admin for access.',
  not_found: 'We could not find what you were looking for. It may have been deleted.',
  conflict: 'That conflicts with something that already exists.',
  version_conflict:
    'Someone else changed this while you were editing. Reload to see their changes, then make yours again.',
  csrf_invalid: 'Your session needs refreshing. Reload the page and try again.',
  payload_too_large: 'That file or request is too large.',
  unsupported_media_type: 'That type of file is not supported.',
  rate_limited: 'Too many attempts in a short time. Wait a minute and try again.',
  email_failed: 'We could not send the email. Check the address and try again.',
  server_error: `Something went wrong on our side. Please try again; if it keeps happening, email ${SUPPORT_EMAIL}.`,
};

/**
 * The server writes its descriptions for people (they name the field, the value and the fix), so
 * they are shown as they are, except for these codes, whose descriptions are technical.
 */
const OWN_WORDS_ONLY: ReadonlySet<ErrorCode> = new Set(['csrf_invalid', 'server_error']);

function isKnownCode(code: string): code is ErrorCode {
  return Object.hasOwn(fallbacks, code);
}

/** A sentence to show the person, whatever was thrown: an ApiError, a network failure or a bug. */
export function messageFor(error: unknown): string {
  if (error instanceof ApiError) {
    const code = isKnownCode(error.code) ? error.code : undefined;
    if (code && OWN_WORDS_ONLY.has(code)) {
      const text = fallbacks[code];
      return code === 'server_error' && error.requestId ? `${text} (Reference: ${error.requestId})` : text;
    }
    return error.description || fallbacks[code ?? 'server_error'];
  }
  if (error instanceof TypeError) return 'Could not reach the server. Check your connection and try again.';
  return fallbacks.server_error;
}

/** Where in the request a schema check failed; forms know their fields without it. */
const REQUEST_PART = /^(body|querystring|params)\./;

/**
 * Field problems from an invalid_input error, keyed by the field's path inside the request body or
 * query (`email`, `metrics.0.value`), for forms to show beside their inputs.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.details) return {};
  const byField: Record<string, string> = {};
  for (const problem of error.details) {
    const field = problem.field.replace(REQUEST_PART, '');
    if (field && !(field in byField)) byField[field] = problem.message;
  }
  return byField;
}
