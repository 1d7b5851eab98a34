/** Random secrets handed to people, and the hashes we keep of them (never the secret itself). */
import { createHash, randomBytes } from 'node:crypto';

export function newSecretToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
