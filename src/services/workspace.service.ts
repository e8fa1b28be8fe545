/** The workspace overview: the group, its units, facets and plans (what the web app starts with). */
import type { WorkspaceOverview } from '../contracts/index.ts';
import { systemPrincipal, type Principal } from '../domain/access.ts';
import type { PlanStatus, UnitKind } from '../domain/types.ts';
import { workspaceRepository } from '../db/repositories/workspace.repository.ts';
import type { ServiceDeps, WorkspaceScope } from './context.ts';
import { today } from './context.ts';
import { notFound } from './errors.ts';
import type { SnapshotLoader } from './snapshot.ts';
import { visibility } from './visibility.ts';

/** Creates the workspace service. */
export function workspaceService(deps: ServiceDeps, snapshots: SnapshotLoader) {
  const repo = workspaceRepository(deps.db);
  return {
    /**
     * Resolves a workspace slug for `principal` (the machine operator by default: the CLI and
     * seeding act as it); not found when it does not exist.
     */
    async resolve(
      slug: string,
      principal: Principal = systemPrincipal(),
      requestId = '',
    ): Promise<WorkspaceScope> {
      const row = await repo.findBySlug(slug);
      if (!row) throw notFound(`Workspace ${slug}`);
      return { id: row.id, slug: row.slug, principal, requestId };
    },

    /** Deletes a workspace and everything in it (demo reset); false when it did not exist. */
    async remove(slug: string): Promise<boolean> {
      const row = await repo.findBySlug(slug);
      if (!row) return false;
      await repo.remove(row.id);
      return true;
    },

    /** Whether the database holds no workspace yet (first start). */
    async isEmpty(): Promise<boolean> {
      return (await repo.count()) === 0;
    },

    async overview(scope: WorkspaceScope): Promise<WorkspaceOverview> {
      const ws = await repo.findById(scope.id);
      if (!ws) throw notFound('Workspace');
      const snapshot = await snapshots.load(scope.id, today(deps));
      const vis = visibility(snapshot, scope.principal);
      const valuesByFacet = new Map<string, typeof snapshot.facets.values>();
      for (const v of snapshot.facets.values) {
        const list = valuesByFacet.get(v.facet_id) ?? [];
        list.push(v);
        valuesByFacet.set(v.facet_id, list);
      }
      const groupPlan =
        // the group plan is announced only to those who may read it

        snapshot.plans.find((p) => p.unit_id === snapshot.groupUnitId && p.status === 'adopted') ??
        snapshot.plans.find((p) => p.unit_id === snapshot.groupUnitId);
      return {
        workspace: {
          id: ws.id,
          slug: ws.slug,
          name: { fr: ws.name_fr, en: ws.name_en },
          mission: { fr: ws.mission_fr, en: ws.mission_en },
        },
        units: snapshot.units.map((u) => ({
          id: u.id,
          parentId: u.parent_id,
          code: u.code,
          kind: u.kind as UnitKind,
          name: { fr: u.name_fr, en: u.name_en },
          shortName: u.short_name,
          city: u.city,
          region: u.region,
        })),
        facets: snapshot.facets.facets.map((f) => ({
          id: f.id,
          code: f.code,
          name: { fr: f.name_fr, en: f.name_en },
          values: (valuesByFacet.get(f.id) ?? []).map((v) => ({
            id: v.id,
            code: v.code,
            name: { fr: v.name_fr, en: v.name_en },
            description: { fr: v.description_fr, en: v.description_en },
          })),
        })),
        plans: snapshot.plans
          .filter((p) => vis.plan(p.id))
          .map((p) => ({
            id: p.id,
            code: p.code,
            unitId: p.unit_id,
            title: { fr: p.title_fr, en: p.title_en },
            startYear: p.start_year,
            endYear: p.end_year,
            status: p.status as PlanStatus,
            adoptedOn: p.adopted_on,
            alignsToPlanId: p.aligns_to_plan_id,
            levels: p.levels.map((l) => ({ key: l.key, name: { fr: l.fr, en: l.en } })),
            rollupThresholds: { onTrack: p.rollup_on_track, atRisk: p.rollup_at_risk },
          })),
        groupPlanId: groupPlan && vis.plan(groupPlan.id) ? groupPlan.id : null,
      };
    },
  };
}
