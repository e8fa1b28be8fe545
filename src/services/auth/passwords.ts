/**
 * Password rules (SECURITY-BAR 1–2): 8 to 128 characters, no composition rules, refused when in
 * a shipped list of common passwords (zxcvbn-ts' list of ~49,000); stored as argon2id with
 * 19 MiB of memory and 2 passes. Every character counts: nothing is truncated.
 */
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email = ''): string | null {
  const length = Array.from(password).length;
  if (length < 8) return 'must have at least 8 characters';
  if (length > 128) return 'must have at most 128 characters';
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower))
    return 'is too common: it appears in lists of breached passwords';
  if (email && lower === email.toLowerCase()) return 'must not be your e-mail address';
  return null;
}

/** The argon2id hash of a password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Whether `password` matches `stored`; false for a malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to compare against when the account does not exist, so timing does not tell. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('strata-no-such-account-placeholder');
  return dummy;
}
