/**
 * The partner registry's pure rules: the kinds of partners and agreements, SIREN checking, and
 * duplicate detection (same SIREN, or near-identical names in the same country).
 */

export const PARTNER_KINDS = [
  'company',
  'local_authority',
  'academic',
  'public_body',
  'association',
  'european_network',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const AGREEMENT_KINDS = [
  'framework',
  'research_chair',
  'joint_lab',
  'apprenticeship',
  'eu_project',
  'other',
] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const SCALES = ['regional', 'national', 'european', 'international'] as const;
export type Scale = (typeof SCALES)[number];

/** Lawful bases of processing (GDPR art. 6(1)). */
export const LEGAL_BASES = [
  'consent',
  'contract',
  'legal_obligation',
  'public_task',
  'legitimate_interest',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const PROGRAMMES = [
  'france_2030',
  'anr',
  'horizon_europe',
  'erasmus_plus',
  'erdf',
  'regional_council',
  'company_sponsorship',
  'other',
] as const;
export type Programme = (typeof PROGRAMMES)[number];

/** La Poste's SIREN: the one registered number that does not pass the Luhn check. */
const LA_POSTE_SIREN = '356000000';

/** Whether `digits` passes the Luhn check (every second digit from the right doubled). */
export function luhnValid(digits: string): boolean {
  if (!/^[0-9]+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Whether `siren` is a well-formed French SIREN: nine digits with a valid Luhn key. */
export function isValidSiren(siren: string): boolean {
  if (!/^[0-9]{9}$/.test(siren)) return false;
  return siren === LA_POSTE_SIREN || luhnValid(siren);
}

/** Legal forms and filler words left out when comparing names. */
const NOISE = new Set([
  'sa',
  'sas',
  'sasu',
  'sarl',
  'eurl',
  'sca',
  'snc',
  'gie',
  'scop',
  'gmbh',
  'ag',
  'ltd',
  'limited',
  'inc',
  'llc',
  'plc',
  'bv',
  'nv',
  'spa',
  'srl',
  'group',
  'groupe',
  'the',
  'le',
  'la',
  'les',
  'l',
  'de',
  'du',
  'des',
  'd',
  'et',
  'and',
]);

/**
 * The key a partner's name is compared on: lower case, accents and punctuation removed, legal
 * forms and articles dropped ("Société Générale S.A." and "societe generale" share a key).
 */
export function partnerNameKey(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/(?<=\b\p{L})\.(?=\p{L}\b)/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  const kept = words.filter((w) => !NOISE.has(w));
  return (kept.length > 0 ? kept : words).join(' ');
}

/** Levenshtein distance, stopping early once it exceeds `limit` (returns limit + 1 then). */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/**
 * Whether two name keys are near-identical: equal, or within one edit per eight characters
 * (at most two) when both are at least five characters long.
 */
export function nearlySameName(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 5) return false;
  const limit = Math.min(2, Math.floor(shorter / 8) + (shorter >= 5 ? 1 : 0));
  return editDistance(a, b, limit) <= limit;
}

export interface PartnerIdentity {
  id: string;
  nameKey: string;
  country: string;
  siren: string | null;
}

export type DuplicateReason = 'siren' | 'name';

/** Two partners that look like one, and why. `a` sorts before `b`. */
export interface DuplicatePair {
  a: string;
  b: string;
  reason: DuplicateReason;
}

/** Every pair of partners with the same SIREN or a near-identical name in the same country. */
export function findDuplicates(partners: readonly PartnerIdentity[]): DuplicatePair[] {
  const pairs: DuplicatePair[] = [];
  const byCountry = new Map<string, PartnerIdentity[]>();
  for (const p of partners) {
    const list = byCountry.get(p.country) ?? [];
    list.push(p);
    byCountry.set(p.country, list);
  }
  for (const list of byCountry.values()) {
    const sorted = [...list].sort((x, y) => (x.id < y.id ? -1 : 1));
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const x = sorted[i];
        const y = sorted[j];
        if (!x || !y) continue;
        if (x.siren !== null && x.siren === y.siren) {
          pairs.push({ a: x.id, b: y.id, reason: 'siren' });
        } else if (nearlySameName(x.nameKey, y.nameKey)) {
          pairs.push({ a: x.id, b: y.id, reason: 'name' });
        }
      }
    }
  }
  return pairs;
}
