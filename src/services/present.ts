/**
 * Shapes snapshot rows into the API's answer types (src/contracts): one function per shape, so
 * every page shows the same status, provenance and coverage for the same thing.
 */
import type {
  ActionCard,
  ElementRef,
  IndicatorCard,
  IndicatorStatusDto,
  StatusSummary,
  UnitRef,
} from '../contracts/index.ts';
import type { EvalContext, IndicatorEvaluation } from '../domain/evaluate/index.ts';
import type { RollupResult } from '../domain/rollup.ts';
import type { ActionState, Direction, Provenance, UnitKind } from '../domain/types.ts';
import type { Snapshot, UnitRowLite } from './snapshot.ts';

const SPARKLINE_POINTS = 8;

/** A unit as other resources refer to it. */
export function unitRef(unit: UnitRowLite): UnitRef {
  return {
    id: unit.id,
    code: unit.code,
    kind: unit.kind as UnitKind,
    name: { fr: unit.name_fr, en: unit.name_en },
    shortName: unit.short_name,
  };
}

/** An element as other resources refer to it. */
export function elementRef(snapshot: Snapshot, elementId: string): ElementRef {
  const e = snapshot.elementById.get(elementId);
  if (!e) throw new Error(`Unknown element ${elementId}`);
  return {
    id: e.id,
    planId: e.plan_id,
    code: e.code,
    level: e.level,
    title: { fr: e.title_fr, en: e.title_en },
  };
}

/** A roll-up as the API shows it. */
export function statusSummary(result: RollupResult): StatusSummary {
  return {
    status: result.status,
    score: result.score,
    scored: result.coverage.scored,
    total: result.coverage.total,
  };
}

/** An indicator's evaluated status as the API shows it. */
export function statusDto(evaluation: IndicatorEvaluation): IndicatorStatusDto {
  const s = evaluation.status;
  return {
    status: s.status,
    progress: s.progress,
    latest: s.latest,
    expected: s.expected,
    baseline: s.baseline,
    stale: s.stale,
    staleAfter: s.staleAfter,
  };
}

/** An indicator card in a context (group or unit): status, origin, coverage, target, sparkline. */
export function indicatorCard(
  snapshot: Snapshot,
  indicatorId: string,
  context: EvalContext = 'group',
): IndicatorCard {
  const row = snapshot.indicatorById.get(indicatorId);
  if (!row) throw new Error(`Unknown indicator ${indicatorId}`);
  const evaluation = snapshot.evaluator.indicator(indicatorId, context);
  const latest = evaluation.status.latest;
  let origin: IndicatorCard['origin'] = null;
  let provenance: Provenance | null = null;
  let coverage: IndicatorCard['coverage'] = null;
  if (latest && context === 'group') {
    const point = snapshot.evaluator
      .groupSeries(indicatorId)
      .find((p) => p.period === latest.period);
    if (point) {
      origin = point.origin;
      provenance = point.provenance;
      coverage = { reporting: point.reporting, expected: point.expected };
    }
  } else if (latest) {
    origin = 'reported';
    provenance =
      snapshot.evaluator.figures(indicatorId)?.get(context)?.get(latest.period)?.provenance ?? null;
  }
  const target = evaluation.forecast
    ? { period: evaluation.forecast.targetPeriod, value: evaluation.forecast.targetValue }
    : null;
  return {
    id: row.id,
    code: row.code,
    name: { fr: row.name_fr, en: row.name_en },
    unitLabel: row.unit_label,
    decimals: row.decimals,
    direction: row.direction as Direction,
    isHeadline: row.is_headline,
    status: statusDto(evaluation),
    origin,
    provenance,
    coverage,
    target,
    sparkline: evaluation.values.slice(-SPARKLINE_POINTS),
  };
}

/** An action card with its computed status. */
export function actionCard(snapshot: Snapshot, actionId: string): ActionCard {
  const a = snapshot.actionById.get(actionId);
  if (!a) throw new Error(`Unknown action ${actionId}`);
  const lead = snapshot.unitById.get(a.lead_unit_id);
  if (!lead) throw new Error(`Unknown unit ${a.lead_unit_id}`);
  const status = snapshot.evaluator.action(actionId);
  return {
    id: a.id,
    code: a.code,
    title: { fr: a.title_fr, en: a.title_en },
    leadUnit: unitRef(lead),
    owner: a.owner,
    startDate: a.start_date,
    dueDate: a.due_date,
    state: a.state as ActionState,
    progress: a.progress,
    status: status.status,
    expectedProgress: status.expectedProgress,
    overdue: status.overdue,
    provenance: a.provenance as Provenance,
  };
}

/** Elements of a plan in tree order: parents before children, siblings by order then code. */
export function treeOrder(snapshot: Snapshot, planId: string): string[] {
  const byParent = new Map<string | null, string[]>();
  for (const e of snapshot.elements) {
    if (e.plan_id !== planId) continue;
    const list = byParent.get(e.parent_id) ?? [];
    list.push(e.id);
    byParent.set(e.parent_id, list);
  }
  const out: string[] = [];
  const visit = (parent: string | null) => {
    for (const id of byParent.get(parent) ?? []) {
      out.push(id);
      visit(id);
    }
  };
  visit(null);
  return out;
}
