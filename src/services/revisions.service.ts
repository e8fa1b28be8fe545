/**
 * Plan revisions: adopt the plan as it stands as a new immutable revision (the plan in its
 * plan-file normal form plus the trajectory points of its indicators), list them, diff two of
 * them (or one against the plan now), and run a mid-term review that ends with an adoption.
 */
import type {
  PlanReview,
  PlanRevision,
  RevisionAdopt,
  RevisionDiffDto,
  RevisionList,
} from '../contracts/index.ts';
import { isStrategyOffice } from '../domain/access.ts';
import { parseIsoDate } from '../domain/dates.ts';
import type { PlanFileElementIndicator } from '../domain/plan-file/index.ts';
import {
  diffRevisions,
  diffTargets,
  flattenElements,
  type RevisionDocument,
} from '../domain/revision.ts';
import { revisionRepository } from '../db/repositories/revision.repository.ts';
import { audit } from './audit.ts';
import { atomic, resolveAsOf } from './common.ts';
import { today, type ServiceDeps, type WorkspaceScope } from './context.ts';
import { AppError, invalid, notFound, type FieldError } from './errors.ts';
import { allow } from './guard.ts';
import { exportPlanFile } from './plan-file/export.ts';
import type { SnapshotLoader } from './snapshot.ts';
import { visibility } from './visibility.ts';

type RevisionRow = Awaited<ReturnType<ReturnType<typeof revisionRepository>['list']>>[number];

function revisionDto(row: RevisionRow): PlanRevision {
  return {
    id: row.id,
    number: row.number,
    label: row.label,
    kind: row.kind,
    reason: row.reason,
    adoptedOn: row.adopted_on,
    adoptedAt: new Date(row.created_at).toISOString(),
    adoptedBy: row.created_by,
  };
}

const indicatorCode = (link: PlanFileElementIndicator) =>
  typeof link === 'string' ? link : link.code;

/** Creates the revisions service. */
export function revisionsService(deps: ServiceDeps, snapshots: SnapshotLoader) {
  const repo = revisionRepository(deps.db);

  /** The snapshot and the plan's code, or 404 when the reader may not see the plan. */
  async function readable(scope: WorkspaceScope, planId: string) {
    const snapshot = await snapshots.load(scope.id, today(deps));
    const vis = visibility(snapshot, scope.principal);
    const plan = snapshot.planById.get(planId);
    if (!plan || !vis.plan(planId)) throw notFound('Plan');
    /** Whether the reader may see the indicator of this code. */
    const seesIndicator = (code: string) => {
      const row = snapshot.indicators.find((i) => i.code === code);
      return !!row && vis.indicator(row.id);
    };
    return { plan, seesIndicator };
  }

  /** The plan as it stands now, in the form a revision keeps. */
  async function currentDocument(scope: WorkspaceScope, planCode: string) {
    const file = await exportPlanFile(deps.db, scope.slug);
    const plan = file.plans.find((p) => p.code === planCode);
    if (!plan) throw notFound('Plan');
    const codes = new Set<string>();
    const visit = (elements: typeof plan.elements) => {
      for (const e of elements ?? []) {
        for (const link of e.indicators ?? []) codes.add(indicatorCode(link));
        visit(e.children);
      }
    };
    visit(plan.elements);
    const document: RevisionDocument = {
      plan,
      targets: file.indicators
        .filter((i) => codes.has(i.code))
        .flatMap((i) =>
          (i.targets ?? []).map((t) => ({
            indicator: i.code,
            unit: t.unit ?? null,
            kind: t.kind,
            period: t.period,
            value: t.value,
          })),
        ),
    };
    return document;
  }

  async function reviewDto(scope: WorkspaceScope, planId: string): Promise<PlanReview | null> {
    const review = await repo.openReview(scope.id, planId);
    if (!review) return null;
    const revisions = await repo.list(scope.id, planId);
    return {
      id: review.id,
      label: review.label,
      baseRevision: revisions.find((r) => r.id === review.base_revision_id)?.number ?? 0,
      startedAt: new Date(review.started_at).toISOString(),
      startedBy: review.started_by,
    };
  }

  return {
    async list(scope: WorkspaceScope, planId: string): Promise<RevisionList> {
      await readable(scope, planId);
      const rows = await repo.list(scope.id, planId);
      return { planId, items: rows.map(revisionDto), review: await reviewDto(scope, planId) };
    },

    /** The diff of revision `from` to revision `to`, or to the plan now when `to` is omitted. */
    async diff(
      scope: WorkspaceScope,
      planId: string,
      query: { from: number; to?: number | undefined },
    ): Promise<RevisionDiffDto> {
      const { plan, seesIndicator } = await readable(scope, planId);
      const from = await repo.byNumber(scope.id, planId, query.from);
      if (!from) throw notFound(`Revision ${query.from}`);
      let toDocument: RevisionDocument;
      let reasons: Record<string, string> = {};
      if (query.to === undefined) {
        toDocument = await currentDocument(scope, plan.code);
      } else {
        const to = await repo.byNumber(scope.id, planId, query.to);
        if (!to) throw notFound(`Revision ${query.to}`);
        toDocument = to.snapshot as RevisionDocument;
        reasons = to.target_reasons;
      }
      const diff = diffRevisions(from.snapshot as RevisionDocument, toDocument, reasons);
      return {
        from: query.from,
        to: query.to ?? null,
        ...diff,
        targets: diff.targets.filter((t) => seesIndicator(t.indicator)),
      };
    },

    /**
     * Adopts the plan as it stands as the next revision (strategy office). Every target changed
     * since the previous revision needs a reason in `targetReasons`; during a mid-term review the
     * revision is a mid-term one and closes the review.
     */
    async adopt(
      scope: WorkspaceScope,
      planId: string,
      input: RevisionAdopt,
    ): Promise<PlanRevision> {
      const { plan } = await readable(scope, planId);
      allow(scope, isStrategyOffice(scope.principal), 'adopt a revision of this plan');
      const adoptedOn = input.adoptedOn ?? today(deps);
      if (!parseIsoDate(adoptedOn)) throw invalid('adoptedOn', 'must be a date, yyyy-mm-dd');
      const label = input.label.trim();
      const document = await currentDocument(scope, plan.code);
      const previous = await repo.latest(scope.id, planId);
      const given: Record<string, string> = Object.fromEntries(
        (input.targetReasons ?? []).map((r) => [r.key, r.reason]),
      );
      const changes = previous
        ? diffTargets((previous.snapshot as RevisionDocument).targets, document.targets)
        : [];
      const fields: FieldError[] = [];
      for (const change of changes) {
        if (!given[change.key]?.trim()) {
          fields.push({
            field: `targetReasons.${change.key}`,
            message: `target ${change.key} changed (${change.from ?? '—'} → ${change.to ?? '—'}): give a reason`,
          });
        }
      }
      const changedKeys = new Set(changes.map((c) => c.key));
      for (const key of Object.keys(given)) {
        if (!changedKeys.has(key)) {
          fields.push({
            field: `targetReasons.${key}`,
            message: 'no such target changed since the previous revision',
          });
        }
      }
      if (fields.length > 0) {
        const first = fields[0];
        throw new AppError(
          'invalid_input',
          fields.length === 1 && first
            ? `${first.field}: ${first.message}`
            : `${fields.length} targets need a reason`,
          fields,
        );
      }
      const reasons = Object.fromEntries(changes.map((c) => [c.key, (given[c.key] ?? '').trim()]));
      return atomic(deps.db, async (trx) => {
        const tx = revisionRepository(trx);
        await tx.lockPlan(scope.id, planId);
        const latest = await tx.latest(scope.id, planId);
        if ((latest?.number ?? 0) !== (previous?.number ?? 0)) {
          throw new AppError(
            'conflict',
            `Revision ${latest?.number ?? 0} was adopted meanwhile; compare again`,
          );
        }
        const review = await tx.openReview(scope.id, planId);
        const row = await tx.insert({
          workspaceId: scope.id,
          planId,
          number: (previous?.number ?? 0) + 1,
          label,
          kind: !previous ? 'initial' : review ? 'mid_term' : 'revision',
          reason: input.reason?.trim() ?? '',
          adoptedOn,
          createdBy: scope.principal.label,
          snapshot: document,
          targetReasons: reasons,
        });
        if (review) await tx.closeReview(scope.id, review.id, row.id);
        await audit(trx, scope, {
          entityType: 'plan',
          entityId: planId,
          action: 'adopt_revision',
          unitId: plan.unit_id,
          after: {
            number: row.number,
            label,
            kind: row.kind,
            elements: flattenElements(document.plan).length,
            targetReasons: reasons,
          },
        });
        return revisionDto(row);
      });
    },

    /** Starts a mid-term review from the current revision (strategy office). */
    async startReview(
      scope: WorkspaceScope,
      planId: string,
      input: { label?: string | undefined },
    ): Promise<PlanReview> {
      const { plan } = await readable(scope, planId);
      allow(scope, isStrategyOffice(scope.principal), 'start a review of this plan');
      const label =
        input.label?.trim() || `Mid-term review ${resolveAsOf(deps, undefined).slice(0, 4)}`;
      await atomic(deps.db, async (trx) => {
        const tx = revisionRepository(trx);
        await tx.lockPlan(scope.id, planId);
        const base = await tx.latest(scope.id, planId);
        if (!base) {
          throw new AppError('conflict', 'Adopt an initial revision before starting a review');
        }
        if (await tx.openReview(scope.id, planId)) {
          throw new AppError('conflict', 'A review of this plan is already under way');
        }
        const review = await tx.startReview({
          workspaceId: scope.id,
          planId,
          baseRevisionId: base.id,
          label,
          startedBy: scope.principal.label,
        });
        await audit(trx, scope, {
          entityType: 'plan',
          entityId: planId,
          action: 'start_review',
          unitId: plan.unit_id,
          after: { review: review.id, label, baseRevision: base.number },
        });
      });
      const review = await reviewDto(scope, planId);
      if (!review) throw notFound('Review');
      return review;
    },
  };
}

export type RevisionsService = ReturnType<typeof revisionsService>;
