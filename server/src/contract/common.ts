/** Limits and building blocks shared by every request schema (server validates, web reuses). */
import { z } from 'zod';

export const MAX_NAME_CHARS = 255;
export const MAX_EMAIL_CHARS = 254;
export const MAX_ID = 2_147_483_647;

/** A database id in a JSON body. */
export const idValue = z.number().int().positive().max(MAX_ID);
/** A database id in a path or query string. */
export const idParam = z.coerce.number().int().positive().max(MAX_ID);
export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(MAX_EMAIL_CHARS)
  .pipe(z.email('must be a valid email address'));
export const personName = z.string().trim().min(1, 'must not be empty').max(MAX_NAME_CHARS);

/** The reference's generic success body for mutations. */
export const okBody = z.object({ status: z.literal('ok'), status_code: z.literal(200) });
export const OK = { status: 'ok', status_code: 200 } as const;
