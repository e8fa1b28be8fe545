/** Reads an amount typed in euros (French or English writing) as integer euro cents. */

/**
 * `150000`, `12 500,50`, `12500.5`, `12,500.50` → cents; `''` → null (no amount);
 * anything else (negative, three decimals, letters) → undefined (invalid).
 */
export function centsOf(text: string): number | null | undefined {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, '');
  if (compact === '') return null;
  const english = /^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(compact);
  const plain = english ? compact.replace(/,/g, '') : compact.replace(',', '.');
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(plain);
  if (!match) return undefined;
  const euros = Number(match[1]);
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  return euros * 100 + cents;
}
