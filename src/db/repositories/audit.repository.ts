/** The audit trail: append an event, read an entity's history, export a period. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';

export interface AuditInsert {
  workspaceId: string;
  actorUserId: string | null;
  actorLabel: string;
  unitId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  requestId: string;
}

/** The row of an audit event. */
export function auditValues(e: AuditInsert) {
  return {
    workspace_id: e.workspaceId,
    actor_user_id: e.actorUserId,
    actor_label: e.actorLabel,
    unit_id: e.unitId,
    entity_type: e.entityType,
    entity_id: e.entityId,
    action: e.action,
    before: e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
    after: e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
    request_id: e.requestId,
  };
}

/** Creates the audit repository. */
export function auditRepository(db: Kysely<DB>) {
  return {
    async append(e: AuditInsert) {
      await db.insertInto('audit_event').values(auditValues(e)).execute();
    },
    async history(workspaceId: string, entityType: string, entityId: string, limit: number) {
      return db
        .selectFrom('audit_event')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', entityId)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
    },
    /** Events of the figures of one indicator (recorded and corrected), newest first. */
    async figureHistory(workspaceId: string, indicatorId: string, limit: number) {
      return db
        .selectFrom('audit_event')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('entity_type', '=', 'measurement')
        .where(sql<string>`after ->> 'indicatorId'`, '=', indicatorId)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
    },
    async range(
      workspaceId: string,
      from: string | undefined,
      to: string | undefined,
      limit: number,
    ) {
      let query = db.selectFrom('audit_event').selectAll().where('workspace_id', '=', workspaceId);
      if (from) query = query.where('at', '>=', sql<Date>`${from}::timestamptz`);
      if (to) query = query.where('at', '<', sql<Date>`${to}::timestamptz`);
      return query.orderBy('id').limit(limit).execute();
    },
  };
}
