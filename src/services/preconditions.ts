/** Optimistic concurrency: If-Match must name the version the client read. */
import { AppError } from './errors.ts';
import { versionFromIfMatch } from './etags.ts';

/** The answer when the row changed between the read and the write. */
export function staleWrite(what: string): AppError {
  return new AppError(
    'precondition_failed',
    `The ${what} was changed by someone else since you read it; reload it and apply your change again`,
  );
}

/**
 * Checks an If-Match header against a row's current version and returns the version to update
 * from. Missing → precondition_required (428); another version → precondition_failed (412).
 * The UPDATE re-checks the version itself, so a race between check and write still fails.
 */
export function checkIfMatch(
  kind: string,
  id: string,
  currentVersion: number,
  ifMatch: string | undefined,
  what: string,
): number {
  if (ifMatch === undefined || ifMatch.trim() === '') {
    throw new AppError(
      'precondition_required',
      `Updating this ${what} needs an If-Match header carrying the ETag you read`,
    );
  }
  const version = versionFromIfMatch(kind, id, ifMatch);
  if (version === null || version !== currentVersion) throw staleWrite(what);
  return version;
}
