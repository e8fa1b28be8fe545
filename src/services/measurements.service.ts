/**
 * Figures: list them (current or with history, as of a date) and record one. Recording never
 * overwrites: a figure for a unit × period that already has one is a correction, a new record
 * that supersedes the current one, and needs If-Match with the current record's ETag.
 */
import type { Measurement, MeasurementCreate } from '../contracts/index.ts';
import { parsePeriod } from '../domain/period.ts';
import type { Provenance } from '../domain/types.ts';
import { indicatorRepository } from '../db/repositories/indicator.repository.ts';
import { measurementRepository } from '../db/repositories/measurement.repository.ts';
import { existingIds } from '../db/repositories/links.ts';
import { today, type ServiceDeps, type WorkspaceScope } from './context.ts';
import type { SnapshotLoader } from './snapshot.ts';
import { visibility } from './visibility.ts';
import { allow } from './guard.ts';
import { audit } from './audit.ts';
import { requireReasonWhenLocked } from './cycles/locking.ts';
import { canRecordFigure } from '../domain/access.ts';
import { laterThan, resolveAsOf } from './common.ts';
import { AppError, invalid, notFound } from './errors.ts';
import { measurementEtag } from './etags.ts';

type Row = Awaited<ReturnType<ReturnType<typeof measurementRepository>['list']>>[number];

function toDto(row: Omit<Row, 'rank'>): Measurement {
  return {
    id: row.id,
    indicatorId: row.indicator_id,
    unitId: row.unit_id,
    period: row.period,
    value: row.value,
    provenance: row.provenance as Provenance,
    source: row.source,
    note: row.note,
    validated: row.validated,
    supersedesId: row.supersedes_id,
    recordedAt: new Date(row.recorded_at).toISOString(),
    recordedBy: row.recorded_by,
    current: row.current,
    etag: measurementEtag(row),
  };
}

/** Creates the measurement service. */
export function measurementsService(deps: ServiceDeps, snapshots: SnapshotLoader) {
  const measurements = measurementRepository(deps.db);
  const indicators = indicatorRepository(deps.db);

  return {
    async list(
      scope: WorkspaceScope,
      indicatorId: string,
      query: {
        unitId?: string | undefined;
        history?: boolean | undefined;
        asOf?: string | undefined;
      },
    ): Promise<{ items: Measurement[] }> {
      const vis = visibility(await snapshots.load(scope.id, today(deps)), scope.principal);
      if (!(await indicators.findById(scope.id, indicatorId)) || !vis.indicator(indicatorId)) {
        throw notFound('Indicator');
      }
      const asOf = query.asOf === undefined ? undefined : resolveAsOf(deps, query.asOf);
      const rows = await measurements.list(scope.id, indicatorId, {
        unitId: query.unitId,
        history: query.history ?? false,
        asOf,
      });
      return { items: rows.filter((r) => vis.figuresOf(r.unit_id)).map(toDto) };
    },

    /** Records a figure (or a correction) in one transaction. */
    async record(
      scope: WorkspaceScope,
      indicatorId: string,
      input: MeasurementCreate,
      ifMatch: string | undefined,
    ): Promise<Measurement> {
      const period = parsePeriod(input.period);
      if (!period) {
        throw invalid(
          '/period',
          'must be a period such as 2025, 2025-26, 2025-S1, 2025-Q3 or 2025-07',
        );
      }
      if (input.value !== null && !Number.isFinite(input.value))
        throw invalid('/value', 'must be a finite number');
      const vis = visibility(await snapshots.load(scope.id, today(deps)), scope.principal);
      return deps.db.transaction().execute(async (trx) => {
        const repo = measurementRepository(trx);
        const indicator = await indicatorRepository(trx).findById(scope.id, indicatorId);
        if (!indicator || !vis.indicator(indicatorId)) throw notFound('Indicator');
        if (period.kind !== indicator.frequency) {
          throw invalid(
            '/period',
            `must be a ${indicator.frequency.replace('_', ' ')} period for this indicator`,
          );
        }
        const unitExists = (await existingIds(trx, 'unit', scope.id, [input.unitId])).has(
          input.unitId,
        );
        if (!unitExists || !vis.figuresOf(input.unitId)) throw invalid('/unitId', 'no such unit');
        allow(
          scope,
          canRecordFigure(scope.principal, indicatorId, input.unitId),
          'record figures of this indicator for this unit',
        );
        await repo.lockSeriesPoint(scope.id, indicatorId, input.unitId, period.text);
        const current = await repo.current(scope.id, indicatorId, input.unitId, period.text);
        if (current) {
          if (ifMatch === undefined || ifMatch.trim() === '') {
            throw new AppError(
              'precondition_required',
              `A figure for ${period.text} exists already; correcting it needs If-Match with its ETag`,
            );
          }
          if (ifMatch.trim() !== measurementEtag(current)) {
            throw new AppError(
              'precondition_failed',
              'The figure was corrected by someone else since you read it; reload it',
            );
          }
          if (!input.note || input.note.trim() === '') {
            throw invalid('/note', 'a correction needs a note giving its reason');
          }
        } else if (ifMatch !== undefined && ifMatch.trim() !== '' && ifMatch.trim() !== '*') {
          throw new AppError(
            'precondition_failed',
            'The figure you meant to correct does not exist',
          );
        }
        await requireReasonWhenLocked(trx, scope.id, input.unitId, period, input.note);
        const row = await repo.append({
          workspace_id: scope.id,
          indicator_id: indicatorId,
          unit_id: input.unitId,
          period: period.text,
          period_start: period.start,
          period_end_month: period.endMonth,
          value: input.value,
          provenance: input.provenance,
          source: input.source ?? '',
          note: input.note ?? '',
          validated: input.validated ?? false,
          supersedes_id: current?.id ?? null,
          recorded_by: scope.principal.label,
          recorded_at: laterThan(deps.now(), current?.recorded_at),
        });
        await audit(trx, scope, {
          entityType: 'measurement',
          entityId: row.id,
          action: current ? 'correct' : 'record',
          unitId: input.unitId,
          before: current
            ? {
                id: current.id,
                value: current.value,
                provenance: current.provenance,
                source: current.source,
                note: current.note,
              }
            : null,
          after: {
            indicatorId,
            unitId: input.unitId,
            period: period.text,
            value: row.value,
            provenance: row.provenance,
            source: row.source,
            note: row.note,
            validated: row.validated,
          },
        });
        return toDto({ ...row, current: true });
      });
    },
  };
}
