/** Actions: list with computed status, detail with milestones, create, update. */
import type { ActionCard, ActionCreate, ActionDetail, ActionUpdate } from '../contracts/index.ts';
import type { ActionState, Provenance, Status } from '../domain/types.ts';
import { actionRepository } from '../db/repositories/action.repository.ts';
import { requireExisting, requireOne } from './references.ts';
import { replaceLinks } from '../db/repositories/links.ts';
import type { ServiceDeps, WorkspaceScope } from './context.ts';
import { resolveAsOf } from './common.ts';
import { AppError, invalid, notFound } from './errors.ts';
import { actionEtag } from './etags.ts';
import { checkIfMatch, staleWrite } from './preconditions.ts';
import { actionCard, elementRef, unitRef } from './present.ts';
import type { SnapshotLoader } from './snapshot.ts';
import { visibility, type Visibility } from './visibility.ts';
import { allow, auditRow } from './guard.ts';
import { audit } from './audit.ts';
import { canWriteAction } from '../domain/access.ts';
import { today } from './context.ts';

/** Creates the action service. */
export function actionsService(deps: ServiceDeps, snapshots: SnapshotLoader) {
  const repo = actionRepository(deps.db);

  async function detail(scope: WorkspaceScope, id: string, asOf?: string): Promise<ActionDetail> {
    const day = resolveAsOf(deps, asOf);
    const [snapshot, row, milestones] = await Promise.all([
      snapshots.load(scope.id, day),
      repo.findById(scope.id, id),
      repo.milestones(scope.id, id),
    ]);
    const vis = visibility(snapshot, scope.principal);
    if (!row || !vis.action(id)) throw notFound('Action');
    const unitIds = snapshot.actionUnits.get(id) ?? [];
    const elementIds = (snapshot.actionElements.get(id) ?? []).filter(vis.element);
    return {
      action: {
        id: row.id,
        code: row.code,
        title: { fr: row.title_fr, en: row.title_en },
        description: { fr: row.description_fr, en: row.description_en },
        leadUnitId: row.lead_unit_id,
        unitIds,
        owner: row.owner,
        startDate: row.start_date,
        dueDate: row.due_date,
        state: row.state as ActionState,
        progress: row.progress,
        budget: row.budget,
        weight: row.weight,
        provenance: row.provenance as Provenance,
        elementIds,
        facetValueIds: snapshot.facetValues.get(id) ?? [],
        version: row.version,
      },
      etag: actionEtag(row),
      card: actionCard(snapshot, id),
      elements: elementIds.map((e) => elementRef(snapshot, e)),
      units: unitIds.flatMap((u) => {
        const unit = snapshot.unitById.get(u);
        return unit ? [unitRef(unit)] : [];
      }),
      milestones: milestones.map((m) => ({
        id: m.id,
        title: { fr: m.title_fr, en: m.title_en },
        dueDate: m.due_date,
        doneOn: m.done_on,
      })),
    };
  }

  async function validate(scope: WorkspaceScope, input: Partial<ActionCreate>, vis: Visibility) {
    await requireOne(deps.db, scope.id, 'unit', 'leadUnitId', input.leadUnitId, 'unit');
    await requireExisting(deps.db, scope.id, 'unit', 'unitIds', input.unitIds, 'unit');
    await requireExisting(
      deps.db,
      scope.id,
      'element',
      'elementIds',
      input.elementIds,
      'element',
      vis.element,
    );
    await requireExisting(
      deps.db,
      scope.id,
      'facet_value',
      'facetValueIds',
      input.facetValueIds,
      'facet value',
    );
  }

  function checkDates(start: string | null | undefined, due: string | null | undefined) {
    if (start && due && start > due) throw invalid('/dueDate', 'must not be before startDate');
  }

  function columns(input: Partial<ActionCreate>) {
    return {
      ...(input.code !== undefined && { code: input.code }),
      ...(input.title && { title_fr: input.title.fr, title_en: input.title.en }),
      ...(input.description && {
        description_fr: input.description.fr,
        description_en: input.description.en,
      }),
      ...(input.leadUnitId !== undefined && { lead_unit_id: input.leadUnitId }),
      ...(input.owner !== undefined && { owner: input.owner }),
      ...(input.startDate !== undefined && { start_date: input.startDate }),
      ...(input.dueDate !== undefined && { due_date: input.dueDate }),
      ...(input.state !== undefined && { state: input.state }),
      ...(input.progress !== undefined && { progress: input.progress }),
      ...(input.budget !== undefined && { budget: input.budget }),
      ...(input.weight !== undefined && { weight: input.weight }),
      ...(input.provenance !== undefined && { provenance: input.provenance }),
    };
  }

  async function writeLinks(scope: WorkspaceScope, id: string, input: Partial<ActionCreate>) {
    if (input.unitIds) await replaceLinks(deps.db, 'action_unit', scope.id, id, input.unitIds);
    if (input.elementIds)
      await replaceLinks(deps.db, 'action_element', scope.id, id, input.elementIds);
    if (input.facetValueIds)
      await replaceLinks(deps.db, 'action_facet', scope.id, id, input.facetValueIds);
  }

  function duplicate(code: string) {
    return new AppError('conflict', `An action with code ${code} already exists`, [
      { field: '/code', message: 'already used in this workspace' },
    ]);
  }

  return {
    detail,

    async list(
      scope: WorkspaceScope,
      query: {
        unitId?: string | undefined;
        elementId?: string | undefined;
        status?: Status | undefined;
        asOf?: string | undefined;
        limit?: number | undefined;
        offset?: number | undefined;
      },
    ): Promise<{ items: ActionCard[]; total: number; limit: number; offset: number }> {
      const snapshot = await snapshots.load(scope.id, resolveAsOf(deps, query.asOf));
      const limit = query.limit ?? 100;
      const offset = query.offset ?? 0;
      const vis = visibility(snapshot, scope.principal);
      const cards = snapshot.actions
        .filter((a) => vis.action(a.id))
        .filter(
          (a) =>
            !query.unitId ||
            a.lead_unit_id === query.unitId ||
            (snapshot.actionUnits.get(a.id) ?? []).includes(query.unitId),
        )
        .filter(
          (a) =>
            !query.elementId || (snapshot.actionElements.get(a.id) ?? []).includes(query.elementId),
        )
        .map((a) => actionCard(snapshot, a.id))
        .filter((card) => !query.status || card.status === query.status);
      return { items: cards.slice(offset, offset + limit), total: cards.length, limit, offset };
    },

    async create(scope: WorkspaceScope, input: ActionCreate): Promise<ActionDetail> {
      checkDates(input.startDate, input.dueDate);
      // Read before the transaction: an embedded database has a single connection.
      const vis = visibility(await snapshots.load(scope.id, today(deps)), scope.principal);
      const id = await deps.db.transaction().execute(async (trx) => {
        const tx = actionsService({ ...deps, db: trx }, snapshots);
        return tx.createInTransaction(scope, input, vis);
      });
      return detail(scope, id);
    },

    /** Inserts an action; the caller holds the transaction. */
    async createInTransaction(
      scope: WorkspaceScope,
      input: ActionCreate,
      vis: Visibility,
    ): Promise<string> {
      allow(
        scope,
        canWriteAction(scope.principal, input.leadUnitId, null),
        'create actions for this unit',
      );
      if (await repo.codeTaken(scope.id, input.code)) throw duplicate(input.code);
      await validate(scope, input, vis);
      const { id } = await repo.insert({
        workspace_id: scope.id,
        code: input.code,
        title_fr: input.title.fr,
        title_en: input.title.en,
        lead_unit_id: input.leadUnitId,
        start_date: input.startDate ?? null,
        due_date: input.dueDate ?? null,
        budget: input.budget ?? null,
        ...columns(input),
      });
      await writeLinks(scope, id, input);
      await audit(deps.db, scope, {
        entityType: 'action',
        entityId: id,
        action: 'create',
        unitId: input.leadUnitId,
        after: { ...auditRow(await repo.findById(scope.id, id)), links: input },
      });
      return id;
    },

    async update(
      scope: WorkspaceScope,
      id: string,
      ifMatch: string | undefined,
      input: ActionUpdate,
    ): Promise<ActionDetail> {
      // Read before the transaction: an embedded database has a single connection.
      const vis = visibility(await snapshots.load(scope.id, today(deps)), scope.principal);
      await deps.db
        .transaction()
        .execute((trx) =>
          actionsService({ ...deps, db: trx }, snapshots).updateInTransaction(
            scope,
            id,
            ifMatch,
            input,
            vis,
          ),
        );
      return detail(scope, id);
    },

    /** Updates an action under its version check; the caller holds the transaction. */
    async updateInTransaction(
      scope: WorkspaceScope,
      id: string,
      ifMatch: string | undefined,
      input: ActionUpdate,
      vis: Visibility,
    ): Promise<void> {
      const current = await repo.findById(scope.id, id);
      if (!current || !vis.action(id)) throw notFound('Action');
      allow(scope, canWriteAction(scope.principal, current.lead_unit_id, id), 'change this action');
      if (input.leadUnitId !== undefined && input.leadUnitId !== current.lead_unit_id) {
        allow(
          scope,
          canWriteAction(scope.principal, input.leadUnitId, null),
          'give this action to that unit',
        );
      }
      const version = checkIfMatch('a', id, current.version, ifMatch, 'action');
      checkDates(
        input.startDate !== undefined ? input.startDate : current.start_date,
        input.dueDate !== undefined ? input.dueDate : current.due_date,
      );
      if (input.code && (await repo.codeTaken(scope.id, input.code, id)))
        throw duplicate(input.code);
      await validate(scope, input, vis);
      const updated = await repo.updateIfVersion(scope.id, id, version, columns(input));
      if (!updated) throw staleWrite('action');
      await writeLinks(scope, id, input);
      await audit(deps.db, scope, {
        entityType: 'action',
        entityId: id,
        action: 'update',
        unitId: current.lead_unit_id,
        before: auditRow(current),
        after: { ...auditRow(await repo.findById(scope.id, id)), links: input },
      });
    },
  };
}
