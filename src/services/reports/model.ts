/**
 * The content of a report, gathered from the existing read services under the reader's
 * permissions (so a hidden school is 404 and a confidential indicator the reader may not see is
 * left out): headline figures, the status matrix, each priority with its indicators (series,
 * trajectory, provenance, source) and actions, the attention list, what changed since the
 * previous period, and the sources. Renderers (HTML, PDF) only lay this out.
 */
import type {
  ActionCard,
  AttentionItem,
  Bilingual,
  ElementRef,
  IndicatorCard,
  IndicatorDetail,
  StatusSummary,
  UnitRef,
} from '../../contracts/index.ts';
import type { ChartSource } from '../../domain/chart-model.ts';
import { addPeriods, parsePeriod } from '../../domain/period.ts';
import { rollup } from '../../domain/rollup.ts';
import type { Status } from '../../domain/types.ts';
import type { ServiceDeps, WorkspaceScope } from '../context.ts';
import { today } from '../context.ts';
import { invalid, notFound } from '../errors.ts';
import { resolveAsOf } from '../common.ts';
import type { dashboardService } from '../dashboard.service.ts';
import type { planViewsService } from '../plan-views.service.ts';
import type { indicatorsService } from '../indicators.service.ts';
import type { actionsService } from '../actions.service.ts';
import type { workspaceService } from '../workspace.service.ts';

/** The read services a report is gathered from. */
export interface ReportSources {
  dashboard: ReturnType<typeof dashboardService>;
  views: ReturnType<typeof planViewsService>;
  indicators: ReturnType<typeof indicatorsService>;
  actions: ReturnType<typeof actionsService>;
  workspace: ReturnType<typeof workspaceService>;
}

export type ReportKind = 'annual' | 'board';
export type ReportLang = 'fr' | 'en';

/** One row of an indicator's table: the figure, the trajectory's expected value, its origin. */
export interface ReportPoint {
  period: string;
  value: number | null;
  expected: number | null;
  provenance: string;
  source: string;
}

export interface ReportIndicator {
  card: IndicatorCard;
  definition: Bilingual;
  source: string;
  /** What the chart is drawn from (the same model as the web app's chart). */
  chart: ChartSource;
  points: ReportPoint[];
}

export interface ReportPriority {
  element: ElementRef;
  status: StatusSummary;
  indicators: ReportIndicator[];
  actions: ActionCard[];
}

export interface ReportChange {
  code: string;
  title: Bilingual;
  kind: 'element' | 'indicator';
  from: Status;
  to: Status;
}

export interface ReportModel {
  kind: ReportKind;
  lang: ReportLang;
  asOf: string;
  period: string;
  /** The end of the previous period: what "changed since" compares with. */
  previousAsOf: string;
  workspace: Bilingual;
  plan: { code: string; title: Bilingual };
  /** The school reported on, or null for the group. */
  unit: UnitRef | null;
  overall: StatusSummary;
  counts: { indicators: Record<string, number>; actions: Record<string, number>; stale: number };
  headlines: IndicatorCard[];
  /** Rows: priorities; columns: schools (group report) or the school and the group. */
  matrix: {
    columns: { key: string; label: string }[];
    rows: { element: ElementRef; cells: StatusSummary[] }[];
  };
  priorities: ReportPriority[];
  attention: AttentionItem[];
  changes: ReportChange[];
}

export interface ReportRequest {
  kind: ReportKind;
  lang: ReportLang;
  unitId?: string | undefined;
  asOf?: string | undefined;
  period?: string | undefined;
}

/** The period reported on and the dates it is read at. */
export function reportDates(
  deps: Pick<ServiceDeps, 'now'>,
  request: Pick<ReportRequest, 'asOf' | 'period'>,
): { period: string; asOf: string; previousAsOf: string } {
  const day = today(deps);
  const periodText = request.period ?? (request.asOf ?? day).slice(0, 4);
  const period = parsePeriod(periodText);
  if (!period) throw invalid('period', 'must be a period such as 2025, 2025-26 or 2025-S1');
  const asOf =
    request.asOf !== undefined
      ? resolveAsOf(deps, request.asOf)
      : period.end < day
        ? period.end
        : day;
  const previous = addPeriods(period, -1);
  return { period: period.text, asOf, previousAsOf: previous.end < asOf ? previous.end : asOf };
}

/** The points of a series against its expected trajectory, newest last. */
function pointsOf(
  series: readonly { period: string; value: number; provenance: string; source: string }[],
  expected: readonly { period: string; value: number }[],
): ReportPoint[] {
  const expectedAt = new Map(expected.map((p) => [p.period, p.value]));
  return series.map((p) => ({
    period: p.period,
    value: p.value,
    expected: expectedAt.get(p.period) ?? null,
    provenance: p.provenance,
    source: p.source,
  }));
}

function reportIndicator(
  card: IndicatorCard,
  detail: IndicatorDetail,
  unitId: string | null,
): ReportIndicator {
  const base = {
    card,
    definition: detail.indicator.definition,
    source: detail.indicator.source,
  };
  if (unitId === null) {
    return {
      ...base,
      chart: { ...detail, units: [] },
      points: pointsOf(detail.group.series, detail.group.expected),
    };
  }
  const own = detail.units.find((u) => u.unit.id === unitId);
  const series = own?.series ?? [];
  return {
    ...base,
    chart: {
      indicator: detail.indicator,
      group: {
        series,
        expected: own?.expected ?? [],
        targets: own?.targets ?? [],
        forecast: own?.forecast ?? null,
      },
      units: [],
    },
    points: pointsOf(series, own?.expected ?? []),
  };
}

/** Builds the report's content for the reader of `scope`. */
export async function buildReportModel(
  deps: Pick<ServiceDeps, 'now'>,
  services: ReportSources,
  scope: WorkspaceScope,
  request: ReportRequest,
): Promise<ReportModel> {
  const { period, asOf, previousAsOf } = reportDates(deps, request);
  const overview = await services.workspace.overview(scope);
  const dashboard = await services.dashboard.dashboard(scope, { asOf });
  const before = await services.dashboard.dashboard(scope, { asOf: previousAsOf });
  const groupUnit = overview.units.find((u) => u.kind === 'group');
  const unitId = request.unitId && request.unitId !== groupUnit?.id ? request.unitId : null;
  // A school's page is 404 for whoever may not read it: so is its report.
  const unitPage = unitId ? await services.views.unit(scope, unitId, asOf) : null;
  const unitBefore = unitId ? await services.views.unit(scope, unitId, previousAsOf) : null;
  if (unitId && (!unitPage || !unitBefore)) throw notFound('Unit');
  const plan = overview.plans.find((p) => p.id === dashboard.planId);
  if (!plan) throw notFound('Plan');
  const tree = await services.views.tree(scope, dashboard.planId, asOf);
  const rows = dashboard.elements.filter((e) => e.element.level === dashboard.rowLevel);

  const childrenOf = new Map<string | null, string[]>();
  for (const node of tree.nodes) {
    const list = childrenOf.get(node.parentId) ?? [];
    list.push(node.id);
    childrenOf.set(node.parentId, list);
  }
  const nodeById = new Map(tree.nodes.map((n) => [n.id, n]));
  const subtree = (id: string): string[] => [
    id,
    ...(childrenOf.get(id) ?? []).flatMap((child) => subtree(child)),
  ];

  const context = unitId ?? undefined;
  const cards = new Map(
    (await services.indicators.list(scope, { unitId: context, asOf, limit: 500 })).items.map(
      (i) => [i.card.id, i.card],
    ),
  );
  const actionCards = new Map(
    (await services.actions.list(scope, { unitId: context, asOf, limit: 500 })).items.map((a) => [
      a.id,
      a,
    ]),
  );
  const unitStatus = new Map(unitPage?.priorities.map((p) => [p.element.id, p.status]) ?? []);

  const priorities: ReportPriority[] = [];
  for (const row of rows) {
    const ids = subtree(row.element.id);
    const indicatorIds = [...new Set(ids.flatMap((id) => nodeById.get(id)?.indicatorIds ?? []))];
    const actionIds = [...new Set(ids.flatMap((id) => nodeById.get(id)?.actionIds ?? []))];
    const indicators: ReportIndicator[] = [];
    for (const id of indicatorIds) {
      const card = cards.get(id);
      if (!card) continue;
      const detail = await services.indicators.detail(scope, id, asOf);
      indicators.push(reportIndicator(card, detail, unitId));
    }
    priorities.push({
      element: row.element,
      status: (unitId ? unitStatus.get(row.element.id) : undefined) ?? row.status,
      indicators,
      actions: actionIds.flatMap((id) => actionCards.get(id) ?? []),
    });
  }

  const matrix = unitPage
    ? {
        columns: [
          { key: unitPage.unit.id, label: unitPage.unit.shortName },
          { key: 'group', label: groupUnit?.shortName ?? 'Group' },
        ],
        rows: rows.map((r) => ({
          element: r.element,
          cells: [unitStatus.get(r.element.id) ?? r.status, r.status],
        })),
      }
    : {
        columns: dashboard.units.map((u) => ({ key: u.id, label: u.shortName })),
        rows: rows.map((r) => ({
          element: r.element,
          cells: dashboard.units.map(
            (u) =>
              dashboard.byUnit.find((c) => c.elementId === r.element.id && c.unitId === u.id)
                ?.status ?? { status: 'no_data' as const, score: null, scored: 0, total: 0 },
          ),
        })),
      };

  const changes: ReportChange[] = [];
  const beforeStatus = new Map(
    unitBefore
      ? unitBefore.priorities.map((p) => [p.element.id, p.status.status])
      : before.elements.map((e) => [e.element.id, e.status.status]),
  );
  for (const p of priorities) {
    const was = beforeStatus.get(p.element.id);
    if (was && was !== p.status.status) {
      changes.push({
        code: p.element.code,
        title: p.element.title,
        kind: 'element',
        from: was,
        to: p.status.status,
      });
    }
  }
  const cardsBefore = new Map(
    (
      await services.indicators.list(scope, { unitId: context, asOf: previousAsOf, limit: 500 })
    ).items.map((i) => [i.card.id, i.card.status.status]),
  );
  for (const p of priorities) {
    for (const i of p.indicators) {
      const was = cardsBefore.get(i.card.id);
      if (was && was !== i.card.status.status) {
        changes.push({
          code: i.card.code,
          title: i.card.name,
          kind: 'indicator',
          from: was,
          to: i.card.status.status,
        });
      }
    }
  }

  const counts = {
    indicators: countStatuses(
      priorities.flatMap((p) => p.indicators.map((i) => i.card.status.status)),
    ),
    actions: countStatuses(priorities.flatMap((p) => p.actions.map((a) => a.status))),
    stale: priorities.flatMap((p) => p.indicators).filter((i) => i.card.status.stale).length,
  };
  const attention = unitPage
    ? dashboard.attention.filter((a) => a.unit?.id === unitId)
    : dashboard.attention;
  return {
    kind: request.kind,
    lang: request.lang,
    asOf,
    period,
    previousAsOf,
    workspace: overview.workspace.name,
    plan: { code: plan.code, title: plan.title },
    unit: unitPage?.unit ?? null,
    overall: unitPage ? summarize(priorities.map((p) => p.status)) : dashboard.totals.elements,
    counts,
    headlines: unitPage ? unitPage.indicators.filter((i) => i.isHeadline) : dashboard.headlines,
    matrix,
    priorities,
    attention,
    changes,
  };
}

function countStatuses(statuses: readonly string[]): Record<string, number> {
  const out: Record<string, number> = { on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
}

/** A school's overall status: its priorities rolled up by the plan's rule. */
function summarize(items: readonly StatusSummary[]): StatusSummary {
  const result = rollup(
    items.map((s, n) => ({ id: String(n), kind: 'element' as const, status: s.status })),
  );
  return {
    status: result.status,
    score: result.score,
    scored: result.coverage.scored,
    total: result.coverage.total,
  };
}
