/** Element writes: add an element to a plan, update one under its version check. */
import type { ElementCreate, ElementDetail, ElementUpdate } from '../contracts/index.ts';
import { elementRepository } from '../db/repositories/element.repository.ts';
import { requireExisting, requireOne } from './references.ts';
import { replaceLinks } from '../db/repositories/links.ts';
import { snapshotRepository } from '../db/repositories/snapshot.repository.ts';
import { today, type ServiceDeps, type WorkspaceScope } from './context.ts';
import type { SnapshotLoader } from './snapshot.ts';
import { visibility } from './visibility.ts';
import { allow, auditRow } from './guard.ts';
import { audit } from './audit.ts';
import { canWriteElement } from '../domain/access.ts';
import { AppError, invalid, notFound } from './errors.ts';
import { checkIfMatch, staleWrite } from './preconditions.ts';

type ElementView = (scope: WorkspaceScope, id: string) => Promise<ElementDetail>;

/** Creates the element write service; `view` renders the element after a write. */
export function elementsService(deps: ServiceDeps, snapshots: SnapshotLoader, view: ElementView) {
  async function checkRefs(scope: WorkspaceScope, input: Partial<ElementCreate>) {
    await requireOne(deps.db, scope.id, 'unit', 'ownerUnitId', input.ownerUnitId, 'unit');
    await requireExisting(
      deps.db,
      scope.id,
      'facet_value',
      'facetValueIds',
      input.facetValueIds,
      'facet value',
    );
  }

  function duplicate(code: string) {
    return new AppError('conflict', `An element with code ${code} already exists in this plan`, [
      { field: '/code', message: 'already used in this plan' },
    ]);
  }

  return {
    async create(
      scope: WorkspaceScope,
      planId: string,
      input: ElementCreate,
    ): Promise<ElementDetail> {
      // Read before the transaction: an embedded database has a single connection.
      const vis = visibility(await snapshots.load(scope.id, today(deps)), scope.principal);
      const id = await deps.db.transaction().execute(async (trx) => {
        const tx = elementRepository(trx);
        const plans = await snapshotRepository(trx).plans(scope.id);
        const plan = plans.find((p) => p.id === planId);
        if (!plan || !vis.plan(planId)) throw notFound('Plan');
        allow(
          scope,
          canWriteElement(scope.principal, plan.unit_id, null),
          'add elements to this plan',
        );
        const levels = plan.levels.map((l) => l.key);
        let depth = 0;
        if (input.parentId) {
          const parent = await tx.findById(scope.id, input.parentId);
          if (!parent || parent.plan_id !== planId)
            throw invalid('/parentId', 'no such element in this plan');
          depth = levels.indexOf(parent.level) + 1;
        }
        const expected = levels[depth];
        if (expected === undefined)
          throw invalid('/parentId', 'this plan has no level below the parent');
        if (input.level !== expected)
          throw invalid('/level', `must be "${expected}" at this depth`);
        if (await tx.codeTaken(scope.id, planId, input.code)) throw duplicate(input.code);
        await elementsService({ ...deps, db: trx }, snapshots, view).checkRefsInTransaction(
          scope,
          input,
        );
        const { id: newId } = await tx.insert({
          workspace_id: scope.id,
          plan_id: planId,
          parent_id: input.parentId,
          level: input.level,
          code: input.code,
          title_fr: input.title.fr,
          title_en: input.title.en,
          description_fr: input.description?.fr ?? '',
          description_en: input.description?.en ?? '',
          owner_unit_id: input.ownerUnitId ?? null,
          lead: input.lead ?? '',
          weight: input.weight ?? 1,
          sort_order: await tx.nextSortOrder(scope.id, planId, input.parentId),
        });
        if (input.facetValueIds) {
          await replaceLinks(trx, 'element_facet', scope.id, newId, input.facetValueIds);
        }
        await audit(trx, scope, {
          entityType: 'element',
          entityId: newId,
          action: 'create',
          unitId: plan.unit_id,
          after: {
            ...auditRow(await tx.findById(scope.id, newId)),
            facetValueIds: input.facetValueIds ?? [],
          },
        });
        return newId;
      });
      return view(scope, id);
    },

    /** Checks references against this service's connection (a transaction's, when inside one). */
    checkRefsInTransaction: checkRefs,

    async update(
      scope: WorkspaceScope,
      id: string,
      ifMatch: string | undefined,
      input: ElementUpdate,
    ): Promise<ElementDetail> {
      // Read before the transaction: an embedded database has a single connection.
      const snapshot = await snapshots.load(scope.id, today(deps));
      await deps.db.transaction().execute(async (trx) => {
        const tx = elementRepository(trx);
        const current = await tx.findById(scope.id, id);
        if (!current || !visibility(snapshot, scope.principal).element(id))
          throw notFound('Element');
        const planUnit = snapshot.planById.get(current.plan_id)?.unit_id ?? '';
        allow(scope, canWriteElement(scope.principal, planUnit, id), 'change this element');
        const version = checkIfMatch('e', id, current.version, ifMatch, 'element');
        if (input.code && (await tx.codeTaken(scope.id, current.plan_id, input.code, id))) {
          throw duplicate(input.code);
        }
        await elementsService({ ...deps, db: trx }, snapshots, view).checkRefsInTransaction(
          scope,
          input,
        );
        const updated = await tx.updateIfVersion(scope.id, id, version, {
          ...(input.code !== undefined && { code: input.code }),
          ...(input.title && { title_fr: input.title.fr, title_en: input.title.en }),
          ...(input.description && {
            description_fr: input.description.fr,
            description_en: input.description.en,
          }),
          ...(input.ownerUnitId !== undefined && { owner_unit_id: input.ownerUnitId }),
          ...(input.lead !== undefined && { lead: input.lead }),
          ...(input.weight !== undefined && { weight: input.weight }),
        });
        if (!updated) throw staleWrite('element');
        if (input.facetValueIds) {
          await replaceLinks(trx, 'element_facet', scope.id, id, input.facetValueIds);
        }
        await audit(trx, scope, {
          entityType: 'element',
          entityId: id,
          action: 'update',
          unitId: planUnit,
          before: current,
          after: {
            ...(await tx.findById(scope.id, id)),
            ...(input.facetValueIds && { facetValueIds: input.facetValueIds }),
          },
        });
      });
      return view(scope, id);
    },
  };
}
