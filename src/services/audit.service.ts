/**
 * Reading the audit trail: an entity's history (for the history panels, to whoever may see the
 * entity) and an export of a period (strategy office only).
 */
import { canExportAudit } from '../domain/access.ts';
import { auditRepository } from '../db/repositories/audit.repository.ts';
import { riskRepository } from '../db/repositories/risk.repository.ts';
import { today, type ServiceDeps, type WorkspaceScope } from './context.ts';
import { invalid, notFound } from './errors.ts';
import { allow } from './guard.ts';
import { riskVisible } from './risks.service.ts';
import type { SnapshotLoader } from './snapshot.ts';
import { visibility } from './visibility.ts';

export const AUDITED_ENTITIES = [
  'element',
  'indicator',
  'action',
  'risk',
  'measurement',
  'user',
  'workspace',
] as const;
export type AuditedEntity = (typeof AUDITED_ENTITIES)[number];

type Row = Awaited<ReturnType<ReturnType<typeof auditRepository>['history']>>[number];

/** An audit event as the API shows it. */
export function auditDto(row: Row) {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    actor: row.actor_label,
    actorUserId: row.actor_user_id,
    unitId: row.unit_id,
    entityType: row.entity_type,
    entityId: row.entity_id,
    action: row.action,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.request_id,
  };
}

/** Creates the audit service. */
export function auditService(deps: ServiceDeps, snapshots: SnapshotLoader) {
  const repo = auditRepository(deps.db);
  const risks = riskRepository(deps.db);
  return {
    /** The history of one element, indicator or action, newest first. */
    async history(
      scope: WorkspaceScope,
      entityType: 'element' | 'indicator' | 'action' | 'risk',
      entityId: string,
      limit = 50,
    ) {
      if (scope.principal.role === 'public') allow(scope, false, 'read the history');
      const vis = visibility(await snapshots.load(scope.id, today(deps)), scope.principal);
      const risk = entityType === 'risk' ? await risks.findById(scope.id, entityId) : undefined;
      const visible = {
        element: vis.element,
        indicator: vis.indicator,
        action: vis.action,
        risk: () => risk !== undefined && riskVisible(vis, false, risk),
      }[entityType];
      if (!visible(entityId)) throw notFound('Entity');
      const rows = await repo.history(scope.id, entityType, entityId, limit);
      if (entityType !== 'indicator') return rows.map(auditDto);
      // Figures of an indicator are audited as measurements: include those the reader may see.
      const figures = (await repo.figureHistory(scope.id, entityId, limit)).filter(
        (row) => row.unit_id === null || vis.figuresOf(row.unit_id),
      );
      return [...rows, ...figures]
        .sort((a, b) => b.id - a.id)
        .slice(0, limit)
        .map(auditDto);
    },

    /** Every event of a period, oldest first (strategy office). */
    async export(
      scope: WorkspaceScope,
      range: { from?: string | undefined; to?: string | undefined },
      limit = 100_000,
    ) {
      allow(scope, canExportAudit(scope.principal), 'export the audit trail');
      for (const field of ['from', 'to'] as const) {
        const value = range[field];
        if (value !== undefined && Number.isNaN(Date.parse(value))) {
          throw invalid(`/${field}`, 'must be a date or date-time');
        }
      }
      return (await repo.range(scope.id, range.from, range.to, limit)).map(auditDto);
    },
  };
}
