/**
 * The group dashboard: every element's status, the priority × focus matrix, the priority × unit
 * heatmap, headline indicators and the attention list (off track, at risk, stale, overdue).
 */
import { createHash } from 'node:crypto';
import type { AttentionItem, Dashboard } from '../contracts/index.ts';
import { rollup } from '../domain/rollup.ts';
import { STATUSES, type Status } from '../domain/types.ts';
import type { ServiceDeps, WorkspaceScope } from './context.ts';
import { notFound } from './errors.ts';
import {
  actionCard,
  elementRef,
  indicatorCard,
  statusSummary,
  treeOrder,
  unitRef,
} from './present.ts';
import type { Snapshot, SnapshotLoader } from './snapshot.ts';
import { visibility, type Visibility } from './visibility.ts';
import { resolveAsOf, groupPlanOf } from './common.ts';
import { boundedMap } from '../domain/lru.ts';

const ATTENTION_LIMIT = 40;
const BUILT_CACHE_SIZE = 64;

const etags = boundedMap<string, string>(1_000);

/** The dashboard's ETag: data version, day, plan and what the reader may see. */
function etagOf(scope: WorkspaceScope, version: string, asOf: string, planId: string | undefined) {
  const p = scope.principal;
  const reader = `${p.role}|${[...p.unitIds].sort().join(',')}`;
  const key = `${scope.id}|${version}|${asOf}|${planId ?? 'group'}|${reader}`;
  let etag = etags.get(key);
  if (etag === undefined) {
    etag = `"d-${createHash('sha1').update(key).digest('base64url').slice(0, 20)}"`;
    etags.set(key, etag);
  }
  return etag;
}
const REASON_ORDER: Record<AttentionItem['reason'], number> = {
  off_track: 0,
  overdue: 1,
  stale: 2,
  at_risk: 3,
};

/** Units shown as heatmap columns: the group's schools and subsidiaries (else every non-group unit). */
export function reportingUnits(snapshot: Snapshot) {
  const members = snapshot.units.filter((u) => u.kind === 'school' || u.kind === 'subsidiary');
  return members.length > 0
    ? members
    : snapshot.units.filter((u) => u.id !== snapshot.groupUnitId && u.kind !== 'partner_school');
}

/** A risk whose review is overdue, as the attention list needs it. */
export interface OverdueRisk {
  id: string;
  code: string;
  title: { fr: string; en: string };
  unit: AttentionItem['unit'];
  reviewOn: string | null;
}

function attentionList(
  snapshot: Snapshot,
  planElementIds: Set<string>,
  vis: Visibility,
  risks: readonly OverdueRisk[] = [],
): AttentionItem[] {
  const items: AttentionItem[] = [];
  const ev = snapshot.evaluator;
  const indicatorIds = new Set<string>();
  for (const [elementId, ids] of snapshot.elementIndicators) {
    if (planElementIds.has(elementId)) for (const id of ids) indicatorIds.add(id);
  }
  const members = reportingUnits(snapshot);
  for (const id of indicatorIds) {
    const ind = snapshot.indicatorById.get(id);
    if (!ind || !vis.indicator(id)) continue;
    const title = { fr: ind.name_fr, en: ind.name_en };
    const group = ev.indicator(id).status;
    if (group.status === 'off_track' || group.status === 'at_risk') {
      items.push({
        kind: 'indicator',
        id,
        code: ind.code,
        title,
        reason: group.status,
        unit: null,
        detail: group.latest ? group.latest.period : '',
      });
    }
    let staleUnits = 0;
    for (const unit of members) {
      if (!ev.concerns(id, unit.id) || !vis.figuresOf(unit.id)) continue;
      const s = ev.indicator(id, unit.id).status;
      if (s.stale && s.latest) {
        staleUnits += 1;
        items.push({
          kind: 'indicator',
          id,
          code: ind.code,
          title,
          reason: 'stale',
          unit: unitRef(unit),
          detail: s.latest.period,
        });
      } else if (s.status === 'off_track') {
        items.push({
          kind: 'indicator',
          id,
          code: ind.code,
          title,
          reason: 'off_track',
          unit: unitRef(unit),
          detail: s.latest?.period ?? '',
        });
      }
    }
    // The group's own figure is stale (whatever its status, "on track" included) and no
    // school's stale figure already says so.
    if (group.stale && group.latest && staleUnits === 0) {
      items.push({
        kind: 'indicator',
        id,
        code: ind.code,
        title,
        reason: 'stale',
        unit: null,
        detail: group.latest.period,
      });
    }
  }
  for (const risk of risks) {
    items.push({
      kind: 'risk',
      id: risk.id,
      code: risk.code,
      title: risk.title,
      reason: 'overdue',
      unit: risk.unit,
      detail: risk.reviewOn ?? '',
    });
  }
  for (const action of snapshot.actions) {
    const linked = (snapshot.actionElements.get(action.id) ?? []).some((e) =>
      planElementIds.has(e),
    );
    if (!linked || !vis.action(action.id)) continue;
    const card = actionCard(snapshot, action.id);
    if (card.overdue) {
      items.push({
        kind: 'action',
        id: action.id,
        code: action.code,
        title: card.title,
        reason: 'overdue',
        unit: card.leadUnit,
        detail: action.due_date ?? '',
      });
    }
  }
  return items
    .sort((a, b) => REASON_ORDER[a.reason] - REASON_ORDER[b.reason] || a.code.localeCompare(b.code))
    .slice(0, ATTENTION_LIMIT);
}

function countBy(statuses: Status[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
}

/** Creates the dashboard service. */
export function dashboardService(
  deps: ServiceDeps,
  snapshots: SnapshotLoader,
  overdueRisks: (scope: WorkspaceScope, asOf: string) => Promise<OverdueRisk[]> = () =>
    Promise.resolve([]),
) {
  const built = boundedMap<string, Dashboard>(BUILT_CACHE_SIZE);
  return {
    /**
     * The ETag the dashboard would have, without building it: a changed workspace, day, plan or
     * reader gives another one. Lets the route answer 304 at the cost of one primary-key read.
     */
    async etag(
      scope: WorkspaceScope,
      options: { planId?: string | undefined; asOf?: string | undefined },
    ): Promise<string> {
      const asOf = resolveAsOf(deps, options.asOf);
      return etagOf(scope, await snapshots.version(scope.id), asOf, options.planId);
    },

    async dashboard(
      scope: WorkspaceScope,
      options: { planId?: string | undefined; asOf?: string | undefined },
    ): Promise<Dashboard> {
      const asOf = resolveAsOf(deps, options.asOf);
      const snapshot = await snapshots.load(scope.id, asOf);
      const etag = etagOf(scope, snapshot.version, asOf, options.planId);
      const cached = built.get(etag);
      if (cached) return cached;
      const risks = await overdueRisks(scope, asOf);
      const dashboard = build(scope, snapshot, asOf, options.planId, etag, risks);
      built.set(etag, dashboard);
      return dashboard;
    },
  };

  /** Builds the dashboard of a snapshot for a reader. */
  function build(
    scope: WorkspaceScope,
    snapshot: Snapshot,
    asOf: string,
    planId: string | undefined,
    etag: string,
    risks: readonly OverdueRisk[],
  ): Dashboard {
    const plan = planId ? snapshot.planById.get(planId) : groupPlanOf(snapshot);
    const vis = visibility(snapshot, scope.principal);
    if (!plan || !vis.plan(plan.id)) throw notFound('Plan');
    const ev = snapshot.evaluator;
    const order = treeOrder(snapshot, plan.id);
    const planElementIds = new Set(order);
    const rowLevel = plan.levels[1]?.key ?? plan.levels[0]?.key ?? '';
    const rows = order.filter((id) => snapshot.elementById.get(id)?.level === rowLevel);
    const focusFacet = snapshot.facets.facets.find((f) => f.code === 'focus');
    const focuses = focusFacet
      ? snapshot.facets.values.filter((v) => v.facet_id === focusFacet.id)
      : [];
    const units =
      plan.unit_id === snapshot.groupUnitId
        ? // statuses by unit are shown to every reader; the figures behind them are not
          reportingUnits(snapshot)
        : [];
    const roots = order.filter((id) => snapshot.elementById.get(id)?.parent_id === null);
    const indicatorStatuses = [
      ...new Set(order.flatMap((id) => snapshot.elementIndicators.get(id) ?? [])),
    ].map((id) => ev.indicator(id).status);
    const actionStatuses = snapshot.actions
      .filter((a) => (snapshot.actionElements.get(a.id) ?? []).some((e) => planElementIds.has(e)))
      .map((a) => ev.action(a.id).status);
    const headlines = snapshot.indicators
      .filter((i) => i.is_headline && vis.indicator(i.id))
      .map((i) => indicatorCard(snapshot, i.id));
    return {
      asOf,
      planId: plan.id,
      etag,
      elements: order.map((id) => ({
        element: elementRef(snapshot, id),
        parentId: snapshot.elementById.get(id)?.parent_id ?? null,
        status: statusSummary(ev.element(id)),
      })),
      focuses: focuses.map((f) => ({
        id: f.id,
        code: f.code,
        name: { fr: f.name_fr, en: f.name_en },
      })),
      units: units.map(unitRef),
      rowLevel,
      byFocus: rows.flatMap((elementId) =>
        focuses.map((f) => ({
          elementId,
          focusId: f.id,
          status: statusSummary(ev.elementForFacet(elementId, f.id)),
        })),
      ),
      byUnit: rows.flatMap((elementId) =>
        units.map((u) => ({
          elementId,
          unitId: u.id,
          status: statusSummary(ev.element(elementId, u.id)),
        })),
      ),
      headlines,
      attention: attentionList(
        snapshot,
        planElementIds,
        vis,
        plan.unit_id === snapshot.groupUnitId
          ? risks
          : risks.filter((r) => r.unit?.id === plan.unit_id),
      ),
      totals: {
        elements: statusSummary(
          rollup(
            roots.map((id) => ({ id, kind: 'element' as const, status: ev.element(id).status })),
            { onTrack: plan.rollup_on_track, atRisk: plan.rollup_at_risk },
          ),
        ),
        indicators: countBy(indicatorStatuses.map((s) => s.status)),
        actions: countBy(actionStatuses),
        stale: indicatorStatuses.filter((s) => s.stale).length,
      },
    };
  }
}
