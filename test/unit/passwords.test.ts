/**
 * Password rules and storage (SECURITY-BAR 1–2): 8 to 128 characters counted as characters (not
 * UTF-16 units), common passwords and the account's e-mail refused, argon2id with 19 MiB and two
 * passes, nothing truncated, and a malformed stored hash never verifies.
 */
import { describe, expect, it } from 'vitest';
import { dictionary } from '@zxcvbn-ts/language-common';
import {
  dummyHash,
  hashPassword,
  passwordProblem,
  verifyPassword,
} from '../../src/services/auth/passwords.ts';

/** A password of exactly `n` characters that is in no list of common passwords. */
function passwordOf(n: number): string {
  const pattern = 'Kq7-vu2Z.mereau_Plonk9!';
  return Array.from({ length: n }, (_, i) => pattern[i % pattern.length] ?? 'x').join('');
}

const EMOJI = '\u{1F510}'; // 🔐: one character, two UTF-16 units

/** The parts of a PHC string: $id$v=19$m=…,t=…,p=…$salt$hash. */
function parsePhc(phc: string) {
  const match = /^\$([a-z0-9-]+)\$v=(\d+)\$([^$]+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(phc);
  if (!match) throw new Error(`not a PHC string: ${phc}`);
  const [, id, version, params, salt, hash] = match;
  const values = Object.fromEntries(
    (params ?? '').split(',').map((kv) => {
      const [k, v] = kv.split('=');
      return [k ?? '', Number(v)];
    }),
  );
  return {
    id,
    version: Number(version),
    params: values,
    salt: salt ?? '',
    hash: hash ?? '',
  };
}

describe('length is 8 to 128 characters', () => {
  it.each<[string, string, boolean]>([
    ['7 characters', passwordOf(7), false],
    ['8 characters', passwordOf(8), true],
    ['128 characters', passwordOf(128), true],
    ['129 characters', passwordOf(129), false],
    ['7 emoji (14 UTF-16 units)', EMOJI.repeat(7), false],
    ['8 emoji', EMOJI.repeat(8), true],
    ['128 emoji (256 UTF-16 units)', EMOJI.repeat(128), true],
    ['129 emoji', EMOJI.repeat(129), false],
    ['120 letters and 8 emoji', passwordOf(120) + EMOJI.repeat(8), true],
    ['121 letters and 8 emoji', passwordOf(121) + EMOJI.repeat(8), false],
    ['empty', '', false],
  ])('%s → accepted: %s', (_label, password, accepted) => {
    expect(passwordProblem(password)).toSatisfy((p: string | null) => (p === null) === accepted);
  });

  it('says which bound was crossed', () => {
    expect(passwordProblem(passwordOf(7))).toMatch(/at least 8/);
    expect(passwordProblem(passwordOf(129))).toMatch(/at most 128/);
  });

  it('sets no composition rules: lowercase letters and spaces only are fine', () => {
    expect(passwordProblem('tranquille comme un lundi')).toBeNull();
  });
});

describe('common passwords and the e-mail are refused', () => {
  const common = new Set(dictionary['passwords-common']);

  it.each(['password123', 'azerty123', 'motdepasse', 'azertyuiop', 'qwerty123'])(
    '%s (in the shipped list) is refused',
    (password) => {
      expect(common.has(password)).toBe(true);
      expect(password.length).toBeGreaterThanOrEqual(8);
      expect(passwordProblem(password)).toMatch(/too common/);
    },
  );

  it('refuses a common password whatever its case', () => {
    expect(passwordProblem('PassWord123')).toMatch(/too common/);
    expect(passwordProblem('AZERTY123')).toMatch(/too common/);
  });

  it('refuses the account e-mail as password, whatever its case', () => {
    const email = 'alice.martin@imt.example';
    expect(passwordProblem(email, email)).toMatch(/e-mail/);
    expect(passwordProblem('Alice.Martin@IMT.example', email)).toMatch(/e-mail/);
    expect(passwordProblem(email, 'bob@imt.example')).toBeNull();
    expect(passwordProblem(email)).toBeNull();
  });
});

describe('storage: argon2id, 19 MiB, two passes, nothing truncated', () => {
  it('hashes with argon2id, m=19456, t=2, a fresh salt each time', async () => {
    const password = passwordOf(20);
    const first = await hashPassword(password);
    const phc = parsePhc(first);
    expect(phc.id).toBe('argon2id');
    expect(phc.version).toBe(19);
    expect(phc.params.m).toBe(19_456);
    expect(phc.params.t).toBe(2);
    expect(phc.params.p).toBeGreaterThanOrEqual(1);
    expect(Buffer.from(phc.salt, 'base64').length).toBeGreaterThanOrEqual(16);
    expect(first).not.toContain(password);
    const second = await hashPassword(password);
    expect(second).not.toBe(first);
    expect(parsePhc(second).salt).not.toBe(phc.salt);
    expect(await verifyPassword(first, password)).toBe(true);
    expect(await verifyPassword(second, password)).toBe(true);
    expect(await verifyPassword(first, `${password}x`)).toBe(false);
  });

  it('a 100-character password does not verify with its first 72 characters', async () => {
    const password = passwordOf(100);
    const stored = await hashPassword(password);
    expect(await verifyPassword(stored, password)).toBe(true);
    expect(await verifyPassword(stored, password.slice(0, 72))).toBe(false);
    expect(await verifyPassword(stored, password.slice(0, 99))).toBe(false);
  });

  it('a 128-emoji password verifies only in full', async () => {
    const password = EMOJI.repeat(128);
    const stored = await hashPassword(password);
    expect(await verifyPassword(stored, password)).toBe(true);
    expect(await verifyPassword(stored, EMOJI.repeat(127))).toBe(false);
  });

  it.each([
    ['an empty string', ''],
    ['garbage', 'not-a-hash'],
    ['a plain SHA-256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['a truncated PHC string', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ'],
    ['a bcrypt hash', '$2b$10$abcdefghijklmnopqrstuu5hFZ6c3sA4GJZ0nXq9v2y0u6o8U7bKi'],
  ])('verifying against %s is false, not an exception', async (_label, stored) => {
    await expect(verifyPassword(stored, 'whatever password')).resolves.toBe(false);
  });

  it('the placeholder hash used for unknown accounts is argon2id too and matches nothing usual', async () => {
    const stored = await dummyHash();
    expect(parsePhc(stored).id).toBe('argon2id');
    expect(parsePhc(stored).params.m).toBe(19_456);
    expect(await verifyPassword(stored, '')).toBe(false);
    expect(await verifyPassword(stored, 'password123')).toBe(false);
  });
});
