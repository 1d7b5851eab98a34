/**
 * Uploads being read on this instance: at most a set number at once, and one per person. Each
 * upload holds up to its memory budget (contract/uploads.ts), so the count is what keeps the
 * process's memory bounded; it is kept in memory because each instance guards its own.
 */
import { DomainError } from '../errors.ts';

/** What a refused upload is told to wait: about what a large upload takes. */
export const UPLOAD_RETRY_SECONDS = 15;

export class UploadSlots {
  private readonly owners = new Set<string>();

  constructor(private readonly perInstance: number) {}

  /** Takes a slot for `owner` (a person), or refuses with 429; call the answer to give it back. */
  take(owner: string): () => void {
    const wait = `Try again in ${UPLOAD_RETRY_SECONDS} seconds.`;
    if (this.owners.has(owner)) {
      throw new DomainError(
        'rate_limited',
        `file: your previous upload is still being processed; send one upload at a time. ${wait}`,
      );
    }
    if (this.owners.size >= this.perInstance) {
      throw new DomainError(
        'rate_limited',
        `file: the server is busy with other uploads (it reads ${this.perInstance} at a time). ${wait}`,
      );
    }
    this.owners.add(owner);
    return () => this.owners.delete(owner);
  }
}
