/** Read views of plans: the plan tree, an element's page, the alignment view, a unit's page. */
import type { AlignmentView, ElementDetail, PlanTree, UnitPage } from '../contracts/index.ts';
import type { ServiceDeps, WorkspaceScope } from './context.ts';
import { notFound } from './errors.ts';
import { resolveAsOf, groupPlanOf } from './common.ts';
import { reportingUnits } from './dashboard.service.ts';
import {
  actionCard,
  elementRef,
  indicatorCard,
  statusSummary,
  treeOrder,
  unitRef,
} from './present.ts';
import type { Snapshot, SnapshotLoader } from './snapshot.ts';
import { elementEtag } from './etags.ts';
import { visibility } from './visibility.ts';
import { elementRepository } from '../db/repositories/element.repository.ts';

function ancestors(snapshot: Snapshot, elementId: string): string[] {
  const chain: string[] = [];
  let current = snapshot.elementById.get(elementId)?.parent_id ?? null;
  while (current) {
    chain.unshift(current);
    current = snapshot.elementById.get(current)?.parent_id ?? null;
  }
  return chain;
}

/** Creates the plan views service. */
export function planViewsService(deps: ServiceDeps, snapshots: SnapshotLoader) {
  const elements = elementRepository(deps.db);

  return {
    async tree(scope: WorkspaceScope, planId: string, asOf?: string): Promise<PlanTree> {
      const day = resolveAsOf(deps, asOf);
      const snapshot = await snapshots.load(scope.id, day);
      const vis = visibility(snapshot, scope.principal);
      if (!vis.plan(planId)) throw notFound('Plan');
      return {
        planId,
        asOf: day,
        nodes: treeOrder(snapshot, planId).map((id) => {
          const e = snapshot.elementById.get(id);
          if (!e) throw notFound('Element');
          return {
            id,
            parentId: e.parent_id,
            code: e.code,
            level: e.level,
            title: { fr: e.title_fr, en: e.title_en },
            ownerUnitId: e.owner_unit_id,
            weight: e.weight,
            facetValueIds: snapshot.facetValues.get(id) ?? [],
            indicatorIds: (snapshot.elementIndicators.get(id) ?? []).filter(vis.indicator),
            actionIds: (snapshot.elementActions.get(id) ?? []).filter(vis.action),
            status: statusSummary(snapshot.evaluator.element(id)),
          };
        }),
      };
    },

    async element(scope: WorkspaceScope, elementId: string, asOf?: string): Promise<ElementDetail> {
      const day = resolveAsOf(deps, asOf);
      const [snapshot, row] = await Promise.all([
        snapshots.load(scope.id, day),
        elements.findById(scope.id, elementId),
      ]);
      const vis = visibility(snapshot, scope.principal);
      if (!row || !vis.element(elementId)) throw notFound('Element');
      const ev = snapshot.evaluator;
      const plan = snapshot.planById.get(row.plan_id);
      const context = plan && plan.unit_id !== snapshot.groupUnitId ? plan.unit_id : 'group';
      const owner = row.owner_unit_id ? snapshot.unitById.get(row.owner_unit_id) : undefined;
      const childIds = snapshot.elements.filter((e) => e.parent_id === elementId).map((e) => e.id);
      const aligned = snapshot.alignments.filter((a) => a.targetElementId === elementId);
      return {
        element: {
          id: row.id,
          planId: row.plan_id,
          parentId: row.parent_id,
          code: row.code,
          level: row.level,
          title: { fr: row.title_fr, en: row.title_en },
          description: { fr: row.description_fr, en: row.description_en },
          ownerUnit: owner ? unitRef(owner) : null,
          lead: row.lead,
          weight: row.weight,
          facetValueIds: snapshot.facetValues.get(elementId) ?? [],
          version: row.version,
        },
        etag: elementEtag(row),
        asOf: day,
        breadcrumb: ancestors(snapshot, elementId).map((id) => elementRef(snapshot, id)),
        status: statusSummary(ev.element(elementId)),
        children: childIds.map((id) => ({
          element: elementRef(snapshot, id),
          status: statusSummary(ev.element(id)),
        })),
        indicators: (snapshot.elementIndicators.get(elementId) ?? [])
          .filter(vis.indicator)
          .map((id) => indicatorCard(snapshot, id, context)),
        actions: (snapshot.elementActions.get(elementId) ?? [])
          .filter(vis.action)
          .map((id) => actionCard(snapshot, id)),
        alignedFrom: aligned.flatMap((a) => {
          if (!vis.element(a.elementId)) return [];
          const school = snapshot.elementById.get(a.elementId);
          const schoolPlan = school ? snapshot.planById.get(school.plan_id) : undefined;
          const unit = schoolPlan ? snapshot.unitById.get(schoolPlan.unit_id) : undefined;
          if (!school || !unit) return [];
          return [
            {
              element: elementRef(snapshot, school.id),
              unit: unitRef(unit),
              status: statusSummary(ev.element(school.id)),
            },
          ];
        }),
        alignsTo: snapshot.alignments
          .filter((a) => a.elementId === elementId && vis.element(a.targetElementId))
          .map((a) => elementRef(snapshot, a.targetElementId)),
        byUnit:
          context === 'group'
            ? reportingUnits(snapshot).map((u) => ({
                unitId: u.id,
                status: statusSummary(ev.element(elementId, u.id)),
              }))
            : [],
      };
    },

    async alignment(scope: WorkspaceScope, planId?: string, asOf?: string): Promise<AlignmentView> {
      const day = resolveAsOf(deps, asOf);
      const snapshot = await snapshots.load(scope.id, day);
      const plan = planId ? snapshot.planById.get(planId) : groupPlanOf(snapshot);
      const vis = visibility(snapshot, scope.principal);
      if (!plan || !vis.plan(plan.id)) throw notFound('Plan');
      const ev = snapshot.evaluator;
      const schoolPlans = snapshot.plans.filter(
        (p) => p.aligns_to_plan_id === plan.id && vis.plan(p.id),
      );
      return {
        groupPlanId: plan.id,
        asOf: day,
        rows: treeOrder(snapshot, plan.id).map((id) => ({
          element: elementRef(snapshot, id),
          status: statusSummary(ev.element(id)),
          aligned: snapshot.alignments
            .filter((a) => a.targetElementId === id && vis.element(a.elementId))
            .flatMap((a) => {
              const school = snapshot.elementById.get(a.elementId);
              const schoolPlan = school ? snapshot.planById.get(school.plan_id) : undefined;
              const unit = schoolPlan ? snapshot.unitById.get(schoolPlan.unit_id) : undefined;
              if (!school || !unit) return [];
              return [
                {
                  element: elementRef(snapshot, school.id),
                  unit: unitRef(unit),
                  status: statusSummary(ev.element(school.id)),
                },
              ];
            }),
        })),
        units: schoolPlans.flatMap((p) => {
          const unit = snapshot.unitById.get(p.unit_id);
          if (!unit) return [];
          const own = snapshot.elements.filter((e) => e.plan_id === p.id).map((e) => e.id);
          const alignedCount = own.filter((id) =>
            snapshot.alignments.some((a) => a.elementId === id),
          ).length;
          return [
            { unit: unitRef(unit), planId: p.id, elements: own.length, aligned: alignedCount },
          ];
        }),
      };
    },

    async unit(scope: WorkspaceScope, unitId: string, asOf?: string): Promise<UnitPage> {
      const day = resolveAsOf(deps, asOf);
      const snapshot = await snapshots.load(scope.id, day);
      const unit = snapshot.unitById.get(unitId);
      const vis = visibility(snapshot, scope.principal);
      if (!unit || !vis.unit(unitId)) throw notFound('Unit');
      const ev = snapshot.evaluator;
      const own = snapshot.plans.find(
        (p) => p.unit_id === unitId && unitId !== snapshot.groupUnitId && vis.plan(p.id),
      );
      const groupPlan = groupPlanOf(snapshot);
      const rowLevel = groupPlan?.levels[1]?.key ?? groupPlan?.levels[0]?.key;
      const context = unitId === snapshot.groupUnitId ? 'group' : unitId;
      return {
        unit: unitRef(unit),
        city: unit.city,
        region: unit.region,
        asOf: day,
        plan: own
          ? {
              id: own.id,
              code: own.code,
              title: { fr: own.title_fr, en: own.title_en },
              elements: treeOrder(snapshot, own.id).map((id) => ({
                element: elementRef(snapshot, id),
                parentId: snapshot.elementById.get(id)?.parent_id ?? null,
                status: statusSummary(ev.element(id)),
                alignsTo: snapshot.alignments
                  .filter((a) => a.elementId === id)
                  .map((a) => elementRef(snapshot, a.targetElementId)),
              })),
            }
          : null,
        priorities: groupPlan
          ? treeOrder(snapshot, groupPlan.id)
              .filter((id) => snapshot.elementById.get(id)?.level === rowLevel)
              .map((id) => ({
                element: elementRef(snapshot, id),
                status: statusSummary(ev.element(id, context)),
              }))
          : [],
        indicators: snapshot.indicators
          .filter((i) => vis.indicator(i.id))
          .filter((i) => (context === 'group' ? i.is_headline : ev.concerns(i.id, unitId)))
          .map((i) => indicatorCard(snapshot, i.id, context)),
        actions: snapshot.actions
          .filter(
            (a) =>
              vis.action(a.id) &&
              (a.lead_unit_id === unitId ||
                (snapshot.actionUnits.get(a.id) ?? []).includes(unitId)),
          )
          .map((a) => actionCard(snapshot, a.id)),
      };
    },
  };
}
