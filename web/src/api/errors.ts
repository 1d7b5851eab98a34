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
  version_required: 'This page is out of date. Reload it, then make your change again.',
  csrf_invalid: 'Your session needs refreshing. Reload the page and try again.',
  payload_too_large: 'That file or request is too large.',
  unsupported_media_type: 'That type of file is not supported.',
  rate_limited: 'Too many attempts in a short time. Wait a minute and try again.',
  email_failed: 'We could not send the email. Check the address and try again.',
  maintenance: 'Publisher is down for maintenance. Your saved work is safe; please come back a little later.',
  server_error: `Something went wrong on our side. Please try again; if it keeps happening, email ${SUPPORT_EMAIL}.`,
};

/**
 * The server writes its descriptions for people (they name the field, the value and the fix), so
 * they are shown as sentences (a leading `field: ` becomes "The field …"), except for these codes,
 * whose descriptions are technical. Bad input in the address says the link is not valid; the
 * schema library's own wording is never shown.
 */
const OWN_WORDS_ONLY: ReadonlySet<ErrorCode> = new Set(['csrf_invalid', 'version_required', 'server_error']);

function isKnownCode(code: string): code is ErrorCode {
  return Object.hasOwn(fallbacks, code);
}

/** Where in the request a schema check failed; forms know their fields without it. */
const REQUEST_PART = /^(body|querystring|params)\./;

/** A problem in the address itself (an id or a token in the link), not in anything the person typed. */
const LINK_PART = /^(params|querystring)\./;

export const INVALID_LINK =
  'This link is not valid: it may be mistyped or cut short. Check the address, or open the page again from the menu.';

/** The schema library's own wording ("Invalid input: expected number, received NaN") is for developers. */
const SCHEMA_WORDING = /^(invalid|expected|required|too (small|big)|unrecognized|string must|number must|array must)/i;

/** `invite_email` → "invite email", `reportId` → "report id". */
function fieldWords(field: string): string {
  const last =
    field
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .pop() ?? field;
  return last
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

function asSentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** Fields whose problems read better after words of their own than after "The <field>". */
const LEAD_INS: Record<string, string> = { file: 'This file cannot be used:', csv: 'In the file,' };

/** One field's problem as a sentence that names the field: "The month must be between 1 and 12." */
function problemSentence(field: string, message: string): string {
  const what = fieldWords(field.replace(REQUEST_PART, ''));
  if (!what) return asSentence(message);
  if (SCHEMA_WORDING.test(message)) return `The ${what} is not valid.`;
  const leadIn = LEAD_INS[what];
  if (leadIn) return asSentence(`${leadIn} ${message}`);
  // A message that is already a sentence ("The file has …", "Values cannot …") names its subject.
  return asSentence(/^([A-Z]|the )/.test(message) ? message : `the ${what} ${message}`);
}

/** The server's description without a leading `field: ` (as in `file: the file has more than …`). */
function descriptionWords(description: string): string {
  const match = /^([\w.]+): (.+)$/s.exec(description);
  return match ? problemSentence(match[1]!, match[2]!) : description;
}

function invalidInputWords(error: ApiError): string | undefined {
  const details = error.details ?? [];
  if (details.some((problem) => LINK_PART.test(problem.field))) return INVALID_LINK;
  if (details.length > 0) return details.map((problem) => problemSentence(problem.field, problem.message)).join(' ');
  return error.description ? descriptionWords(error.description) : undefined;
}

/** Each problem of a refused input as its own sentence (a file's lines, say), for a list; else the one message. */
export function messagesFor(error: unknown): string[] {
  const details = error instanceof ApiError && error.code === 'invalid_input' ? (error.details ?? []) : [];
  if (details.length === 0 || details.some((problem) => LINK_PART.test(problem.field))) return [messageFor(error)];
  return details.map((problem) => problemSentence(problem.field, problem.message));
}

/** A sentence to show the person, whatever was thrown: an ApiError, a network failure or a bug. */
export function messageFor(error: unknown): string {
  if (error instanceof ApiError) {
    const code = isKnownCode(error.code) ? error.code : undefined;
    if (code && OWN_WORDS_ONLY.has(code)) {
      const text = fallbacks[code];
      return code === 'server_error' && error.requestId ? `${text} (Reference: ${error.requestId})` : text;
    }
    if (code === 'invalid_input') return invalidInputWords(error) ?? fallbacks.invalid_input;
    return error.description ? descriptionWords(error.description) : fallbacks[code ?? 'server_error'];
  }
  if (error instanceof TypeError) return 'Could not reach the server. Check your connection and try again.';
  return fallbacks.server_error;
}

/**
 * Field problems from an invalid_input error, keyed by the field's path inside the request body or
 * query (`email`, `metrics.0.value`), for forms to show beside their inputs.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.details) return {};
  const byField: Record<string, string> = {};
  for (const problem of error.details) {
    const field = problem.field.replace(REQUEST_PART, '');
    const words = SCHEMA_WORDING.test(problem.message) ? 'This is not valid.' : asSentence(problem.message);
    if (field && !(field in byField)) byField[field] = words;
  }
  return byField;
}
