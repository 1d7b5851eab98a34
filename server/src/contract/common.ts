/** Limits and building blocks shared by every request schema (server validates, web reuses). */
import { z } from 'zod';

export const MAX_NAME_CHARS = 255;
export const MAX_EMAIL_CHARS = 254;
export const MAX_ID = 2_147_483_647;

/**
 * Control characters other than tab and line breaks, and unpaired surrogates: PostgreSQL cannot
 * store a NUL, and none of them belongs in a name, a description or a context.
 */
const CONTROL_CHARACTER = /(?![\t\n\r])[\p{Cc}\p{Cs}]/u;
/**
 * Any code unit the pattern above could be about, a tab, a line break or half of a surrogate pair
 * included: a cheap first test (uploads test every cell), the pattern deciding only when it matches.
 */
const MAYBE_CONTROL_CHARACTER = /[^\x20-\x7e\xa0-\ud7ff\ue000-\uffff]/;
export const NOT_PLAIN_TEXT = 'must not contain control characters (only tabs and line breaks are allowed)';

export function isPlainText(value: string): boolean {
  return !MAYBE_CONTROL_CHARACTER.test(value) || !CONTROL_CHARACTER.test(value);
}

/** Every text field of every request starts here, so no control character reaches the domain. */
export const text = z.string().refine(isPlainText, NOT_PLAIN_TEXT);

/** A database id in a JSON body. */
export const idValue = z.number().int().positive().max(MAX_ID);
/** A whole number of things: rows, records, messages. */
export const count = z.number().int().min(0);
/** A database id in a path or query string. */
export const idParam = z.coerce.number().int().positive().max(MAX_ID);
export const email = text.trim().toLowerCase().max(MAX_EMAIL_CHARS).pipe(z.email('must be a valid email address'));
/** A name that must be given: of an agency, a metric, a token; `personName` for people. */
export const requiredName = text
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_NAME_CHARS, `must be at most ${MAX_NAME_CHARS} characters`);
export const personName = requiredName;

/** The reference's generic success body for mutations. */
export const okBody = z.object({ status: z.literal('ok'), status_code: z.literal(200) });
export const OK = { status: 'ok', status_code: 200 } as const;

/** 304 to a GET whose If-None-Match names the current ETag: no body, the client keeps its copy. */
export const notModifiedBody = z.null().describe('Not modified: the copy named by If-None-Match is current.');

/** GET /health: the database answered; `version` is the release (package version + commit). */
export const healthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['postgres', 'embedded']),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof healthResponse>;
