/** Reporting cycles: list and detail (as of a date) with completion, create, update, close. */
import type {
  AssignablePeople,
  AssigneesUpdate,
  CheckInDetail,
  Cycle,
  CycleCreate,
  CycleDetail,
  CycleUpdate,
  CompletionRow,
} from '../../contracts/index.ts';
import { completion, type ItemState } from '../../domain/check-in.ts';
import { isStrategyOffice } from '../../domain/access.ts';
import { parsePeriod } from '../../domain/period.ts';
import { cycleRepository } from '../../db/repositories/cycle.repository.ts';
import { audit } from '../audit.ts';
import { resolveAsOf } from '../common.ts';
import { today, type ServiceDeps, type WorkspaceScope } from '../context.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { versionEtag } from '../etags.ts';
import { allow, auditRow } from '../guard.ts';
import { checkIfMatch, staleWrite } from '../preconditions.ts';
import { unitRef } from '../present.ts';
import { requireExisting } from '../references.ts';
import type { SnapshotLoader } from '../snapshot.ts';
import { visibility } from '../visibility.ts';
import { cardReader, itemVisible } from './cards.ts';
import { cycleDto, priorityOf, stateOf } from './present.ts';
import { deriveAssignees, scopeItems } from './scope.ts';

/** ETag of a cycle. */
export const cycleEtag = (row: { id: string; version: number }) => versionEtag('c', row);

/** Creates the cycle service. */
export function cyclesService(
  deps: ServiceDeps,
  snapshots: SnapshotLoader,
  checkInDetail: (scope: WorkspaceScope, id: string) => Promise<CheckInDetail>,
) {
  const repo = cycleRepository(deps.db);
  const cards = cardReader(deps, snapshots);

  function signedIn(scope: WorkspaceScope) {
    if (scope.principal.kind === 'anonymous')
      throw new AppError('unauthenticated', 'Sign in to see reporting cycles');
  }

  async function detail(scope: WorkspaceScope, id: string, asOf?: string): Promise<CycleDetail> {
    signedIn(scope);
    const day = resolveAsOf(deps, asOf);
    const cycle = await repo.findById(scope.id, id);
    if (!cycle || new Date(cycle.created_at) > new Date(`${day}T23:59:59.999Z`))
      throw notFound('Cycle');
    const set = await cards(scope, { cycleId: id }, day);
    const bySchool = new Map<string, ItemState[]>();
    const byPriority = new Map<string, { ref: CompletionRow['priority']; states: ItemState[] }>();
    for (const item of set.items) {
      const state = stateOf(set.entries.get(item.id));
      bySchool.set(item.unit_id, [...(bySchool.get(item.unit_id) ?? []), state]);
      const priority = priorityOf(set.snapshot, item);
      const key = priority?.id ?? '';
      const group = byPriority.get(key) ?? { ref: priority, states: [] };
      group.states.push(state);
      byPriority.set(key, group);
    }
    return {
      cycle: cycleDto(
        cycle,
        day,
        set.items.map((i) => stateOf(set.entries.get(i.id))),
      ),
      etag: cycleEtag(cycle),
      items: set.cards,
      bySchool: [...bySchool.entries()].flatMap(([unitId, states]) => {
        const unit = set.snapshot.unitById.get(unitId);
        return unit ? [{ unit: unitRef(unit), completion: completion(states) }] : [];
      }),
      byPriority: [...byPriority.values()]
        .map((g) => ({ priority: g.ref ?? null, completion: completion(g.states) }))
        .sort((a, b) => (a.priority?.code ?? '~').localeCompare(b.priority?.code ?? '~')),
    };
  }

  function checkDates(opensOn: string, dueOn: string) {
    if (opensOn > dueOn) throw invalid('/dueOn', 'must not be before opensOn');
  }

  return {
    detail,

    async list(scope: WorkspaceScope, asOf?: string): Promise<Cycle[]> {
      signedIn(scope);
      const day = resolveAsOf(deps, asOf);
      const set = await cards(scope, {}, day);
      const rows = await repo.list(scope.id, day);
      return rows.map((cycle) =>
        cycleDto(
          cycle,
          day,
          set.items
            .filter((i) => i.cycle_id === cycle.id)
            .map((i) => stateOf(set.entries.get(i.id))),
        ),
      );
    },

    async create(scope: WorkspaceScope, input: CycleCreate): Promise<CycleDetail> {
      allow(scope, isStrategyOffice(scope.principal), 'create reporting cycles');
      if (!parsePeriod(input.period)) invalidPeriod();
      checkDates(input.opensOn, input.dueOn);
      const snapshot = await snapshots.load(scope.id, today(deps));
      const vis = visibility(snapshot, scope.principal);
      const now = deps.now();
      const id = await deps.db.transaction().execute(async (trx) => {
        const tx = cycleRepository(trx);
        if (await tx.codeTaken(scope.id, input.code)) {
          throw new AppError('conflict', `A cycle with code ${input.code} already exists`, [
            { field: '/code', message: 'already used in this workspace' },
          ]);
        }
        await requireExisting(
          trx,
          scope.id,
          'element',
          'elementIds',
          input.elementIds,
          'element',
          vis.element,
        );
        await requireExisting(
          trx,
          scope.id,
          'action',
          'actionIds',
          input.actionIds,
          'action',
          vis.action,
        );
        await requireExisting(trx, scope.id, 'unit', 'unitIds', input.unitIds, 'unit');
        const { id } = await tx.insert({
          workspace_id: scope.id,
          code: input.code,
          title_fr: input.title.fr,
          title_en: input.title.en,
          period: input.period,
          opens_on: input.opensOn,
          due_on: input.dueOn,
          reminder_offsets: JSON.stringify(input.reminderOffsets ?? [-7, -1, 3]),
          ...(input.escalateAfterDays !== undefined && {
            escalate_after_days: input.escalateAfterDays,
          }),
          ...(input.weeklyDigest !== undefined && { weekly_digest: input.weeklyDigest }),
          created_at: now,
          updated_at: now,
        });
        const rows = scopeItems(snapshot, input).map((r) => ({
          ...r,
          workspace_id: scope.id,
          cycle_id: id,
          created_at: now,
        }));
        const items = await tx.insertItems(rows);
        await tx.addAssignees(
          scope.id,
          deriveAssignees(items, await tx.owners(scope.id), snapshot),
        );
        await audit(trx, scope, {
          entityType: 'reporting_cycle',
          entityId: id,
          action: 'create',
          after: { ...auditRow(await tx.findById(scope.id, id)), items: items.length },
        });
        return id;
      });
      return detail(scope, id);
    },

    async update(
      scope: WorkspaceScope,
      id: string,
      ifMatch: string | undefined,
      input: CycleUpdate,
    ): Promise<CycleDetail> {
      await deps.db.transaction().execute(async (trx) => {
        const tx = cycleRepository(trx);
        const current = await tx.findById(scope.id, id);
        if (!current || scope.principal.kind === 'anonymous') {
          signedIn(scope);
          throw notFound('Cycle');
        }
        allow(scope, isStrategyOffice(scope.principal), 'change reporting cycles');
        const version = checkIfMatch('c', id, current.version, ifMatch, 'cycle');
        if (current.closed_at) {
          throw new AppError('conflict', 'The cycle is closed: it can no longer be changed');
        }
        checkDates(input.opensOn ?? current.opens_on, input.dueOn ?? current.due_on);
        const now = deps.now();
        const updated = await tx.updateIfVersion(
          scope.id,
          id,
          version,
          {
            ...(input.title && { title_fr: input.title.fr, title_en: input.title.en }),
            ...(input.opensOn !== undefined && { opens_on: input.opensOn }),
            ...(input.dueOn !== undefined && { due_on: input.dueOn }),
            ...(input.reminderOffsets !== undefined && {
              reminder_offsets: JSON.stringify(input.reminderOffsets),
            }),
            ...(input.escalateAfterDays !== undefined && {
              escalate_after_days: input.escalateAfterDays,
            }),
            ...(input.weeklyDigest !== undefined && { weekly_digest: input.weeklyDigest }),
            ...(input.closed && { closed_at: now, closed_by: scope.principal.label }),
          },
          now,
        );
        if (!updated) throw staleWrite('cycle');
        await audit(trx, scope, {
          entityType: 'reporting_cycle',
          entityId: id,
          action: input.closed ? 'close' : 'update',
          before: auditRow(current),
          after: auditRow(await tx.findById(scope.id, id)),
        });
      });
      return detail(scope, id);
    },

    /**
     * The people the strategy office may pick as assignees of a cycle's check-ins: id and name
     * (else e-mail) of the active accounts holding a grant in its units, assigned to its elements
     * or actions, or already assigned to one of its items. Nobody else may list them.
     */
    async assignable(scope: WorkspaceScope, cycleId: string): Promise<AssignablePeople> {
      signedIn(scope);
      allow(scope, isStrategyOffice(scope.principal), 'list the people to assign');
      const cycle = await repo.findById(scope.id, cycleId);
      if (!cycle) throw notFound('Cycle');
      const people = (await repo.assignable(scope.id, cycleId)).map((row) => ({
        id: row.id,
        label: row.display_name || row.email,
      }));
      people.sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
      return { items: people };
    },

    /** Sets who an item is assigned to (the strategy office). */
    async setAssignees(
      scope: WorkspaceScope,
      itemId: string,
      input: AssigneesUpdate,
    ): Promise<CheckInDetail> {
      const day = today(deps);
      const snapshot = await snapshots.load(scope.id, day);
      const [item] = await repo.items(scope.id, { itemId }, day);
      if (!item || !itemVisible(snapshot, scope.principal, item)) {
        signedIn(scope);
        throw notFound('Check-in');
      }
      allow(scope, isStrategyOffice(scope.principal), 'assign check-ins');
      const userIds = [...new Set(input.userIds)];
      await deps.db.transaction().execute(async (trx) => {
        const tx = cycleRepository(trx);
        const known = await tx.userIds(scope.id, userIds);
        userIds.forEach((userId, i) => {
          if (!known.has(userId)) throw invalid(`/userIds/${i}`, 'no such user');
        });
        const before = (await tx.assignees(scope.id, [itemId])).map((a) => a.id);
        await tx.replaceAssignees(scope.id, itemId, userIds);
        await audit(trx, scope, {
          entityType: 'check_in',
          entityId: itemId,
          action: 'assign',
          unitId: item.unit_id,
          before: { assignees: before },
          after: { assignees: userIds },
        });
      });
      return checkInDetail(scope, itemId);
    },
  };
}

function invalidPeriod(): never {
  throw invalid('/period', 'must be a period such as 2025, 2025-26, 2025-S1, 2025-Q3 or 2025-07');
}
