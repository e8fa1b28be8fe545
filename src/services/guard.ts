/** Turns a permission rule's answer into the right refusal: 401 for anonymous, 403 otherwise. */
import type { WorkspaceScope } from './context.ts';
import { AppError } from './errors.ts';

/** Throws unless `allowed`; `what` completes "You may not …". */
export function allow(scope: WorkspaceScope, allowed: boolean, what: string): void {
  if (allowed) return;
  if (scope.principal.kind === 'anonymous') {
    throw new AppError('unauthenticated', `Sign in to ${what}`);
  }
  throw new AppError('forbidden', `You may not ${what}`);
}

/** A row as the audit trail keeps it: without derived columns such as the search vector. */
export function auditRow<T extends object>(row: T | undefined): Omit<T, 'search'> | null {
  if (!row) return null;
  const copy: Partial<T & { search: unknown }> = { ...row };
  delete copy.search;
  return copy as Omit<T, 'search'>;
}
