/** Entity tags of writable resources: they change whenever the row's version does. */

/** ETag of a versioned row (element, indicator, action). */
export function versionEtag(kind: string, row: { id: string; version: number }): string {
  return `"${kind}-${row.id}-v${row.version}"`;
}

export const elementEtag = (row: { id: string; version: number }) => versionEtag('e', row);
export const indicatorEtag = (row: { id: string; version: number }) => versionEtag('i', row);
export const actionEtag = (row: { id: string; version: number }) => versionEtag('a', row);

/** ETag of a figure: each correction is a new record, so the record id identifies the state. */
export function measurementEtag(row: { id: string }): string {
  return `"m-${row.id}"`;
}

/** The version a client's If-Match names for a row, or null when it names another row or none. */
export function versionFromIfMatch(kind: string, id: string, ifMatch: string): number | null {
  const match = /^(?:W\/)?"([a-z])-([0-9a-f-]{36})-v(\d+)"$/.exec(ifMatch.trim());
  if (!match || match[1] !== kind || match[2] !== id) return null;
  return Number(match[3]);
}
