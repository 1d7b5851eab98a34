/**
 * Who may call `POST /api/ingest-spreadsheet`: whatever the operator set up to watch the drop
 * folder (an SFTP server's hook, a cron job), sending the shared secret INGEST_SECRET as a bearer
 * token, as the reference accepted only its storage notifications' service account. It acts as the
 * system: no person, so no session and no CSRF token.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { DropFolderConfig } from '../config.ts';
import { systemActor, type Actor } from '../domain/actor.ts';
import { DomainError } from '../domain/errors.ts';
import type { AppDeps } from './app-types.ts';

/** The drop folder, or a 404 when the operator has not set one up. */
export function dropFolderOf(deps: AppDeps): DropFolderConfig {
  if (deps.config.dropFolder) return deps.config.dropFolder;
  throw new DomainError(
    'not_found',
    'Automatic ingestion is not set up on this server: its operator sets INGEST_DIR and INGEST_SECRET (docs/operations.md).',
  );
}

const digest = (value: string) => createHash('sha256').update(value).digest();

export function dropFolderCaller(deps: AppDeps, authorization: string | undefined): Actor {
  const { secret } = dropFolderOf(deps);
  const sent = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
  // Digests have equal lengths, so the comparison takes the same time whatever was sent.
  if (sent && timingSafeEqual(digest(sent), digest(secret))) return systemActor;
  throw new DomainError(
    'unauthenticated',
    'Send the ingestion secret (INGEST_SECRET) as "Authorization: Bearer <secret>"; sessions and API tokens are not accepted here.',
  );
}
