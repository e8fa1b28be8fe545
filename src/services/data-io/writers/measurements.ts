/**
 * Figures from a spreadsheet, under the rules of a figure recorded through the API
 * (measurements.service): the indicator must be visible, the unit readable, the period of the
 * indicator's frequency, and the principal allowed to record it. Append-only and idempotent: a
 * figure equal to the current one is skipped; a different one becomes a correction noting the
 * file it came from. Each appended figure has its audit event.
 */
import { parsePeriod } from '../../../domain/period.ts';
import { canRecordFigure } from '../../../domain/access.ts';
import type { TypedRecord } from '../../../domain/tabular/kinds.ts';
import type { CellProblem } from '../../../domain/tabular/sheet.ts';
import { dataIoRepository } from '../../../db/repositories/data-io.repository.ts';
import type { AuditInsert } from '../../../db/repositories/audit.repository.ts';
import { laterThan } from '../../common.ts';
import {
  byCode,
  lookUp,
  numberOf,
  problemAt,
  textOf,
  type KindWriter,
  type WriteCounts,
} from './types.ts';

interface Planned {
  record: TypedRecord;
  indicatorId: string;
  unitId: string;
  period: ReturnType<typeof parsePeriod> & object;
  value: number;
}

const key = (ws: string, p: Pick<Planned, 'indicatorId' | 'unitId'>, period: string) =>
  `${ws}|${p.indicatorId}|${p.unitId}|${period}`;

/** Beyond this many points, the import locks figure writing as a whole instead of point by point. */
const MAX_POINT_LOCKS = 1000;

/** The figures writer. */
export const measurementsWriter: KindWriter = {
  kind: 'measurements',
  async write(ctx, records, problems: CellProblem[]): Promise<WriteCounts> {
    const { snapshot, vis, scope } = ctx;
    const indicators = byCode(snapshot.indicators.filter((i) => vis.indicator(i.id)));
    const units = byCode(snapshot.units);
    const planned: Planned[] = [];
    const seen = new Map<string, number>();
    for (const record of records) {
      const indicator = lookUp(record, 'indicator', indicators, problems, 'indicator');
      const unit = units.get(textOf(record, 'unit').toLowerCase());
      const period = parsePeriod(textOf(record, 'period'));
      if (!indicator) continue;
      if (!unit || !vis.figuresOf(unit.id)) {
        problems.push(
          problemAt(record, 'unit', 'unit', `no unit with code ${textOf(record, 'unit')}`),
        );
        continue;
      }
      if (!period) continue;
      if (period.kind !== indicator.frequency) {
        problems.push(
          problemAt(
            record,
            'period',
            'period',
            `must be a ${indicator.frequency.replace('_', ' ')} period for ${indicator.code}`,
          ),
        );
        continue;
      }
      if (!canRecordFigure(scope.principal, indicator.id, unit.id)) {
        problems.push(
          problemAt(
            record,
            'unit',
            'unit',
            `you may not record figures of ${indicator.code} for ${unit.code}`,
          ),
        );
        continue;
      }
      const k = key(scope.id, { indicatorId: indicator.id, unitId: unit.id }, period.text);
      const first = seen.get(k);
      if (first !== undefined) {
        problems.push(
          problemAt(record, 'period', 'period', `same indicator, unit and period as row ${first}`),
        );
        continue;
      }
      seen.set(k, record.line);
      planned.push({
        record,
        indicatorId: indicator.id,
        unitId: unit.id,
        period,
        value: numberOf(record, 'value') ?? 0,
      });
    }
    if (problems.length > 0) return { created: 0, updated: 0, skipped: 0 };

    const repo = dataIoRepository(ctx.deps.db);
    if (seen.size > MAX_POINT_LOCKS) await repo.lockAllFigures();
    else await repo.lockSeriesPoints([...seen.keys()]);
    const current = new Map(
      (await repo.currentFigures(scope.id, [...new Set(planned.map((p) => p.indicatorId))])).map(
        (c) => [key(scope.id, { indicatorId: c.indicator_id, unitId: c.unit_id }, c.period), c],
      ),
    );
    const now = ctx.deps.now();
    const counts: WriteCounts = { created: 0, updated: 0, skipped: 0 };
    const rows = [];
    const events: Omit<AuditInsert, 'entityId'>[] = [];
    for (const p of planned) {
      const cur = current.get(key(scope.id, p, p.period.text));
      const provenance = textOf(p.record, 'provenance') || 'official';
      if (cur && cur.value === p.value && cur.provenance === provenance) {
        counts.skipped++;
        continue;
      }
      const own = textOf(p.record, 'note');
      const note = cur ? `imported from ${ctx.fileName}${own ? ` — ${own}` : ''}` : own;
      const row = {
        workspace_id: scope.id,
        indicator_id: p.indicatorId,
        unit_id: p.unitId,
        period: p.period.text,
        period_start: p.period.start,
        period_end_month: p.period.endMonth,
        value: p.value,
        provenance,
        source: textOf(p.record, 'source'),
        note,
        validated: false,
        supersedes_id: cur?.id ?? null,
        recorded_by: scope.principal.label,
        recorded_at: laterThan(now, cur?.recorded_at),
      };
      rows.push(row);
      if (cur) counts.updated++;
      else counts.created++;
      events.push({
        workspaceId: scope.id,
        actorUserId: scope.principal.userId,
        actorLabel: scope.principal.label,
        unitId: p.unitId,
        entityType: 'measurement',
        action: cur ? 'correct' : 'record',
        before: cur ? { id: cur.id, value: cur.value, provenance: cur.provenance } : null,
        after: {
          indicatorId: p.indicatorId,
          unitId: p.unitId,
          period: p.period.text,
          value: p.value,
          provenance,
          source: row.source,
          note,
          validated: false,
          importedFrom: ctx.fileName,
        },
        requestId: scope.requestId,
      });
    }
    const skipped = counts.skipped;
    const ids = await repo.appendFigures(rows, (written) => {
      ctx.progress(skipped + written);
    });
    ctx.progress(records.length);
    await repo.appendAudit(events.map((e, i) => ({ ...e, entityId: ids[i] ?? '' })));
    return counts;
  },
};
