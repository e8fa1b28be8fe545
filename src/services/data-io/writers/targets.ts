/**
 * Baselines, milestones and targets from a spreadsheet: only who may define the indicator may
 * set its trajectory; a point equal to the current one is skipped; a changed point needs a
 * reason (as a plan revision does) and is appended, never overwritten.
 */
import { parsePeriod } from '../../../domain/period.ts';
import { canWriteIndicator } from '../../../domain/access.ts';
import type { CellProblem } from '../../../domain/tabular/sheet.ts';
import { dataIoRepository } from '../../../db/repositories/data-io.repository.ts';
import { laterThan } from '../../common.ts';
import { byCode, lookUp, numberOf, problemAt, textOf, type KindWriter } from './types.ts';

const key = (indicatorId: string, unitId: string | null, kind: string, period: string) =>
  `${indicatorId}|${unitId ?? ''}|${kind}|${period}`;

/** The trajectory writer. */
export const targetsWriter: KindWriter = {
  kind: 'targets',
  async write(ctx, records, problems: CellProblem[]) {
    const { snapshot, vis, scope } = ctx;
    const indicators = byCode(snapshot.indicators.filter((i) => vis.indicator(i.id)));
    const units = byCode(snapshot.units);
    const repo = dataIoRepository(ctx.deps.db);
    const current = new Map(
      (
        await repo.currentTargets(
          scope.id,
          [...indicators.values()].map((i) => i.id),
        )
      ).map((c) => [key(c.indicator_id, c.unit_id, c.kind, c.period), c]),
    );
    const seen = new Map<string, number>();
    const rows = [];
    const events = [];
    let skipped = 0;
    let created = 0;
    let updated = 0;
    const now = ctx.deps.now();
    for (const record of records) {
      const indicator = lookUp(record, 'indicator', indicators, problems, 'indicator');
      if (!indicator) continue;
      const unitCode = textOf(record, 'unit');
      const unit = unitCode ? units.get(unitCode.toLowerCase()) : undefined;
      if (unitCode && (!unit || !vis.unit(unit.id))) {
        problems.push(problemAt(record, 'unit', 'unit', `no unit with code ${unitCode}`));
        continue;
      }
      if (!canWriteIndicator(scope.principal, indicator.owner_unit_id)) {
        problems.push(
          problemAt(
            record,
            'indicator',
            'indicator',
            `you may not set the trajectory of ${indicator.code}`,
          ),
        );
        continue;
      }
      const period = parsePeriod(textOf(record, 'period'));
      if (!period) continue;
      const kind = textOf(record, 'kind');
      const unitId = unit?.id ?? null;
      const k = key(indicator.id, unitId, kind, period.text);
      const first = seen.get(k);
      if (first !== undefined) {
        problems.push(problemAt(record, 'period', 'period', `same point as row ${first}`));
        continue;
      }
      seen.set(k, record.line);
      const value = numberOf(record, 'value');
      const cur = current.get(k);
      if (cur && cur.value === value) {
        skipped++;
        continue;
      }
      const reason = textOf(record, 'reason');
      if (cur && !reason) {
        problems.push(problemAt(record, 'reason', 'reason', 'a changed point needs a reason'));
        continue;
      }
      if (cur) updated++;
      else created++;
      rows.push({
        workspace_id: scope.id,
        indicator_id: indicator.id,
        unit_id: unitId,
        kind,
        period: period.text,
        period_end_month: period.endMonth,
        value,
        source: textOf(record, 'source'),
        reason: cur ? `${reason} (imported from ${ctx.fileName})` : reason,
        recorded_by: scope.principal.label,
        recorded_at: laterThan(now, cur?.recorded_at),
      });
      events.push({
        workspaceId: scope.id,
        actorUserId: scope.principal.userId,
        actorLabel: scope.principal.label,
        unitId,
        entityType: 'target_point',
        action: cur ? 'revise' : 'set',
        before: cur ? { id: cur.id, value: cur.value } : null,
        after: {
          indicatorId: indicator.id,
          unitId,
          kind,
          period: period.text,
          value,
          importedFrom: ctx.fileName,
        },
        requestId: scope.requestId,
      });
    }
    if (problems.length > 0) return { created: 0, updated: 0, skipped: 0 };
    const ids = await repo.appendTargets(rows);
    await repo.appendAudit(events.map((e, i) => ({ ...e, entityId: ids[i] ?? '' })));
    ctx.progress(records.length);
    return { created, updated, skipped };
  },
};
