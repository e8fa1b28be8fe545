/**
 * Check-ins: the cards of a cycle's items, one check-in with its history and due figures (as of
 * any date), the workflow steps (save, submit, return, validate, supersede) and "my work".
 */
import type {
  CheckInCard,
  CheckInDetail,
  CheckInWrite,
  DueFigure,
  MyWork,
} from '../../contracts/index.ts';
import {
  actorOf,
  canValidateCheckIn,
  duePeriod,
  isPending,
  nextState,
  refusal,
  submissionGaps,
  type ItemState,
  type ReportedStatus,
} from '../../domain/check-in.ts';
import { parsePeriod } from '../../domain/period.ts';
import type { PeriodKind, Status } from '../../domain/types.ts';
import { cycleRepository, type ItemFilter } from '../../db/repositories/cycle.repository.ts';
import { mailRepository } from '../../db/repositories/mail.repository.ts';
import { audit } from '../audit.ts';
import { laterThan, resolveAsOf } from '../common.ts';
import { today, type ServiceDeps, type WorkspaceScope } from '../context.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { allow } from '../guard.ts';
import { checkIfMatch, staleWrite } from '../preconditions.ts';
import type { Snapshot, SnapshotLoader } from '../snapshot.ts';
import { cardReader, canWriteItem, itemVisible } from './cards.ts';
import { closedAsOf, entryDto, stateOf, type CycleRow, type ItemRow } from './present.ts';

/** ETag of a check-in: its latest entry's number. */
export function checkInEtag(itemId: string, seq: number): string {
  return `"k-${itemId}-v${seq}"`;
}

/** Creates the check-in service. */
export function checkInsService(deps: ServiceDeps, snapshots: SnapshotLoader) {
  const repo = cycleRepository(deps.db);
  const cards = cardReader(deps, snapshots);

  function signedIn(scope: WorkspaceScope) {
    if (scope.principal.kind === 'anonymous')
      throw new AppError('unauthenticated', 'Sign in to see check-ins');
  }

  /** The item and its cycle, or 404 when it does not exist or may not be seen. */
  async function load(scope: WorkspaceScope, id: string, day: string) {
    signedIn(scope);
    const snapshot = await snapshots.load(scope.id, day);
    const [item] = await repo.items(scope.id, { itemId: id }, day);
    const cycle = item ? await repo.findById(scope.id, item.cycle_id) : undefined;
    if (!item || !cycle || !itemVisible(snapshot, scope.principal, item)) {
      throw notFound('Check-in');
    }
    return { snapshot, item, cycle };
  }

  /** The figures due for an element item: its indicators for the item's unit and period. */
  async function figures(
    scope: WorkspaceScope,
    snapshot: Snapshot,
    item: ItemRow,
    cycle: CycleRow,
    day: string,
  ): Promise<DueFigure[]> {
    const period = parsePeriod(cycle.period);
    if (!item.element_id || !period) return [];
    const due = (snapshot.elementIndicators.get(item.element_id) ?? []).flatMap((indicatorId) => {
      const indicator = snapshot.indicatorById.get(indicatorId);
      if (!indicator) return [];
      const reporting = snapshot.indicatorUnits.get(indicatorId) ?? [];
      if (item.unit_id !== snapshot.groupUnitId && !reporting.includes(item.unit_id)) return [];
      return [{ indicator, period: duePeriod(period, indicator.frequency as PeriodKind).text }];
    });
    const values = new Map<string, number | null>();
    for (const d of due) {
      const [row] = await repo.figures(scope.id, [d.indicator.id], item.unit_id, d.period, day);
      values.set(d.indicator.id, row ? row.value : null);
    }
    return due.map((d) => ({
      indicatorId: d.indicator.id,
      code: d.indicator.code,
      name: { fr: d.indicator.name_fr, en: d.indicator.name_en },
      unitLabel: d.indicator.unit_label,
      period: d.period,
      value: values.get(d.indicator.id) ?? null,
    }));
  }

  function computedStatus(snapshot: Snapshot, item: ItemRow): Status {
    if (item.element_id) return snapshot.evaluator.element(item.element_id, item.unit_id).status;
    return snapshot.evaluator.action(item.action_id ?? '').status;
  }

  async function detail(scope: WorkspaceScope, id: string, asOf?: string): Promise<CheckInDetail> {
    const day = resolveAsOf(deps, asOf);
    const { snapshot, item, cycle } = await load(scope, id, day);
    const [set, history, due] = await Promise.all([
      cards(scope, { itemId: id }, day),
      repo.history(scope.id, id, day),
      figures(scope, snapshot, item, cycle, day),
    ]);
    const card = set.cards[0];
    if (!card) throw notFound('Check-in');
    const closed = closedAsOf(cycle, day);
    const state = stateOf(history[0]);
    const p = scope.principal;
    const writer = canWriteItem(p, snapshot, item);
    const validator = canValidateCheckIn(p, item.unit_id);
    return {
      card,
      etag: checkInEtag(id, history[0]?.seq ?? 0),
      current: history[0] ? entryDto(history[0]) : null,
      history: history.map(entryDto),
      figures: due,
      computedStatus: computedStatus(snapshot, item),
      canWrite: writer && !closed && isPending(state),
      canValidate: validator && (closed || state === 'submitted'),
    };
  }

  return {
    detail,

    async list(
      scope: WorkspaceScope,
      query: ItemFilter & { state?: ItemState | undefined; asOf?: string | undefined },
    ): Promise<CheckInCard[]> {
      signedIn(scope);
      const day = resolveAsOf(deps, query.asOf);
      const set = await cards(scope, query, day);
      return set.cards.filter((c) => !query.state || c.state === query.state);
    },

    /** Records one step of the workflow as a new entry. */
    async write(
      scope: WorkspaceScope,
      id: string,
      ifMatch: string | undefined,
      input: CheckInWrite,
    ): Promise<CheckInDetail> {
      const day = today(deps);
      const { snapshot, item, cycle } = await load(scope, id, day);
      const p = scope.principal;
      const needs = actorOf(input.action);
      allow(
        scope,
        needs === 'writer' ? canWriteItem(p, snapshot, item) : canValidateCheckIn(p, item.unit_id),
        needs === 'writer' ? 'write this check-in' : 'review this check-in',
      );
      (input.evidence ?? []).forEach((link, i) => {
        if (!/^https?:\/\/[^\s]+$/i.test(link.url))
          throw invalid(`/evidence/${i}/url`, 'must be an http(s) address');
      });
      const due = await figures(scope, snapshot, item, cycle, day);
      await deps.db.transaction().execute(async (trx) => {
        const tx = cycleRepository(trx);
        await tx.lockItem(id);
        const last = await tx.lastEntry(scope.id, id);
        const current = await tx.findById(scope.id, cycle.id);
        const why = refusal(input.action, stateOf(last), !!current?.closed_at);
        if (why) throw new AppError('conflict', `Cannot ${input.action}: ${why}`);
        if (last) checkIfMatch('k', id, last.seq, ifMatch, 'check-in');
        const content = {
          status: input.status !== undefined ? input.status : (last?.status ?? null),
          summary: input.summary ?? last?.summary ?? '',
          risks: input.risks ?? last?.risks ?? '',
          next_steps: input.nextSteps ?? last?.next_steps ?? '',
          explanation: input.explanation ?? last?.explanation ?? '',
          evidence: input.evidence ?? last?.evidence ?? [],
        };
        const reviewing = input.action === 'return' || input.action === 'validate';
        if (reviewing && (input.status !== undefined || input.summary !== undefined)) {
          throw new AppError('invalid_input', 'A review does not change the content', [
            {
              field: input.status !== undefined ? '/status' : '/summary',
              message: 'not allowed when reviewing',
            },
          ]);
        }
        if (input.action === 'submit' || input.action === 'supersede') {
          const gaps = submissionGaps(
            { ...content, status: content.status as ReportedStatus | null },
            due.filter((f) => f.value === null).length,
          );
          if (input.action === 'supersede' && !input.reason?.trim())
            gaps.push({ field: '/reason', message: 'is required to change a closed cycle' });
          if (gaps.length > 0) {
            throw new AppError(
              'invalid_input',
              gaps.map((g) => `${g.field} ${g.message}`).join('; '),
              gaps,
            );
          }
        }
        if (input.action === 'return' && !input.comment?.trim()) {
          throw new AppError('invalid_input', '/comment: is required to return a check-in', [
            { field: '/comment', message: 'is required to return a check-in' },
          ]);
        }
        const recordedAt = laterThan(deps.now(), last ? new Date(last.recorded_at) : undefined);
        const seq = (last?.seq ?? 0) + 1;
        const inserted = await tx
          .insertEntry({
            workspace_id: scope.id,
            item_id: id,
            seq,
            state: nextState(input.action),
            ...content,
            evidence: JSON.stringify(content.evidence),
            comment: input.comment ?? '',
            supersede_reason: input.action === 'supersede' ? (input.reason ?? '') : null,
            recorded_at: recordedAt,
            recorded_by: p.label,
            recorded_by_user_id: p.userId,
          })
          .catch((error: unknown) => {
            throw isUniqueViolation(error) ? staleWrite('check-in') : error;
          });
        await audit(trx, scope, {
          entityType: 'check_in',
          entityId: id,
          action: input.action,
          unitId: item.unit_id,
          before: last ? { seq: last.seq, state: last.state, status: last.status } : null,
          after: { entryId: inserted.id, seq, state: nextState(input.action), ...content },
        });
      });
      return detail(scope, id);
    },

    /** What is due, overdue and returned to the signed-in user, and what waits for their review. */
    async myWork(scope: WorkspaceScope): Promise<MyWork> {
      signedIn(scope);
      const day = today(deps);
      const userId = scope.principal.userId ?? '';
      const [mine, all, optOut] = await Promise.all([
        cards(scope, { assigneeId: userId }, day),
        cards(scope, {}, day),
        mailRepository(deps.db).digestOptOut(scope.id, userId),
      ]);
      const open = mine.cards.filter((c) => !c.cycle.closed);
      return {
        due: open.filter((c) => (c.state === 'not_started' || c.state === 'draft') && !c.overdue),
        overdue: open.filter(
          (c) => (c.state === 'not_started' || c.state === 'draft') && c.overdue,
        ),
        returned: open.filter((c) => c.state === 'returned'),
        toValidate: all.cards.filter(
          (c) =>
            !c.cycle.closed &&
            c.state === 'submitted' &&
            canValidateCheckIn(scope.principal, c.unit.id),
        ),
        digestOptOut: optOut,
      };
    },

    /** Turns the weekly digest off or on for the signed-in user. */
    async setPreferences(scope: WorkspaceScope, digestOptOut: boolean): Promise<MyWork> {
      signedIn(scope);
      allow(
        scope,
        scope.principal.kind === 'user' && !scope.principal.readOnly,
        'change mail preferences',
      );
      const userId = scope.principal.userId ?? '';
      await deps.db.transaction().execute(async (trx) => {
        await mailRepository(trx).setDigestOptOut(scope.id, userId, digestOptOut, deps.now());
        await audit(trx, scope, {
          entityType: 'mail_preference',
          entityId: userId,
          action: 'update',
          after: { digestOptOut },
        });
      });
      return this.myWork(scope);
    },
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}
