/** Writes audit events in the caller's transaction, so a write and its record stand or fall together. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { auditRepository } from '../db/repositories/audit.repository.ts';
import type { WorkspaceScope } from './context.ts';

export interface AuditEntry {
  entityType: string;
  entityId: string;
  action: string;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends one audit event for `scope`'s principal. */
export async function audit(
  db: Kysely<DB>,
  scope: WorkspaceScope,
  entry: AuditEntry,
): Promise<void> {
  await auditRepository(db).append({
    workspaceId: scope.id,
    actorUserId: scope.principal.userId,
    actorLabel: scope.principal.label,
    unitId: entry.unitId ?? null,
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: scope.requestId,
  });
}
