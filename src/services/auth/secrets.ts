/** Random secrets (session ids, tokens, links) and the hashes under which they are stored. */
import { createHash, randomBytes } from 'node:crypto';

/** A new secret: 256 bits from the CSPRNG, base64url. */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** The stored form of a secret: its SHA-256, hex. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
