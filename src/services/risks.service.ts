/**
 * The risk register: list (with filters), the likelihood × impact matrix, detail with the
 * review history, create, update and review. A risk's assessment is its latest review recorded
 * by the view's date, so every read can be made "as of" a day.
 */
import type {
  RiskCard,
  RiskCreate,
  RiskDetail,
  RiskMatrix,
  RiskMatrixQuery,
  RiskQuery,
  RiskReview,
  RiskReviewCreate,
  RiskUpdate,
} from '../contracts/index.ts';
import { canWriteRisk } from '../domain/access.ts';
import {
  RISK_SCALE,
  assessmentAsOf,
  reviewOverdue,
  riskLevel,
  riskScore,
  type RiskCategory,
  type RiskStatus,
} from '../domain/risk.ts';
import { riskRepository } from '../db/repositories/risk.repository.ts';
import { replaceLinks } from '../db/repositories/links.ts';
import type { RiskReviewTable, RiskTable } from '../db/schema.ts';
import type { Selectable } from 'kysely';
import { audit } from './audit.ts';
import { laterThan, resolveAsOf } from './common.ts';
import { today, type ServiceDeps, type WorkspaceScope } from './context.ts';
import { AppError, invalid, notFound } from './errors.ts';
import { versionEtag } from './etags.ts';
import { allow, auditRow } from './guard.ts';
import { checkIfMatch, staleWrite } from './preconditions.ts';
import { elementRef, unitRef } from './present.ts';
import { requireExisting, requireOne } from './references.ts';
import type { Snapshot, SnapshotLoader } from './snapshot.ts';
import { visibility, type Visibility } from './visibility.ts';

type RiskRow = Selectable<RiskTable>;
type ReviewRow = Selectable<RiskReviewTable>;

/** ETag of a risk: changes with its version (every update and every review). */
export const riskEtag = (row: { id: string; version: number }) => versionEtag('r', row);

/** The register as of a day: risks, their links and reviews, indexed by risk. */
interface Register {
  asOf: string;
  risks: RiskRow[];
  elements: Map<string, string[]>;
  actions: Map<string, string[]>;
  reviews: Map<string, ReviewRow[]>;
}

function group<T>(rows: readonly T[], key: (row: T) => string, value: (row: T) => string) {
  const map = new Map<string, string[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), value(row)]);
  return map;
}

function reviewPoint(row: ReviewRow) {
  return {
    row,
    reviewedOn: row.reviewed_on,
    recordedAt: new Date(row.recorded_at).toISOString(),
    likelihood: row.likelihood,
    impact: row.impact,
  };
}

function reviewDto(row: ReviewRow): RiskReview {
  const score = riskScore(row.likelihood, row.impact);
  return {
    id: row.id,
    reviewedOn: row.reviewed_on,
    likelihood: row.likelihood,
    impact: row.impact,
    score,
    level: riskLevel(score),
    note: row.note,
    reviewer: row.reviewer,
    checkInId: row.check_in_id,
    recordedAt: new Date(row.recorded_at).toISOString(),
  };
}

/** Whether a principal sees a risk: as for actions, through the risk's unit; never the public. */
export function riskVisible(vis: Visibility, principalIsPublic: boolean, risk: RiskRow): boolean {
  return vis.all || (!principalIsPublic && vis.unit(risk.unit_id));
}

/** Elements at or below `elementId`, and the actions serving any of them. */
function scopeOfElement(snapshot: Snapshot, elementId: string) {
  const elements = new Set([elementId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of snapshot.elements) {
      if (e.parent_id && elements.has(e.parent_id) && !elements.has(e.id)) {
        elements.add(e.id);
        grew = true;
      }
    }
  }
  const actions = new Set<string>();
  for (const [actionId, ids] of snapshot.actionElements) {
    if (ids.some((id) => elements.has(id))) actions.add(actionId);
  }
  return { elements, actions };
}

/** Creates the risk service. */
export function risksService(deps: ServiceDeps, snapshots: SnapshotLoader) {
  const repo = riskRepository(deps.db);

  async function register(workspaceId: string, asOf: string, riskId?: string): Promise<Register> {
    const [risks, links, reviews] = await Promise.all([
      riskId
        ? repo.findById(workspaceId, riskId).then((r) => (r ? [r] : []))
        : repo.risksAsOf(workspaceId, asOf),
      repo.links(workspaceId, riskId),
      repo.reviewsAsOf(workspaceId, asOf, riskId),
    ]);
    const byRisk = new Map<string, ReviewRow[]>();
    for (const r of reviews) byRisk.set(r.risk_id, [...(byRisk.get(r.risk_id) ?? []), r]);
    return {
      asOf,
      risks,
      elements: group(
        links.elements,
        (l) => l.risk_id,
        (l) => l.element_id,
      ),
      actions: group(
        links.actions,
        (l) => l.risk_id,
        (l) => l.action_id,
      ),
      reviews: byRisk,
    };
  }

  /** The card of a risk as of the register's day; null when it had no assessment yet. */
  function card(snapshot: Snapshot, reg: Register, risk: RiskRow): RiskCard | null {
    const reviews = reg.reviews.get(risk.id) ?? [];
    const current = assessmentAsOf(reviews.map(reviewPoint), reg.asOf);
    const unit = snapshot.unitById.get(risk.unit_id);
    if (!current || !unit) return null;
    const score = riskScore(current.likelihood, current.impact);
    const status = risk.status as RiskStatus;
    return {
      id: risk.id,
      code: risk.code,
      title: { fr: risk.title_fr, en: risk.title_en },
      unit: unitRef(unit),
      category: risk.category as RiskCategory,
      owner: risk.owner,
      status,
      likelihood: current.likelihood,
      impact: current.impact,
      score,
      level: riskLevel(score),
      reviewOn: risk.review_on,
      reviewOverdue: reviewOverdue(risk.review_on, status, reg.asOf),
      lastReviewedOn: current.reviewedOn,
    };
  }

  /** The visible cards of the register matching the filters. */
  async function cards(
    scope: WorkspaceScope,
    query: {
      asOf?: string | undefined;
      unitId?: string | undefined;
      elementId?: string | undefined;
      actionId?: string | undefined;
    },
  ) {
    const day = resolveAsOf(deps, query.asOf);
    const [snapshot, reg] = await Promise.all([
      snapshots.load(scope.id, day),
      register(scope.id, day),
    ]);
    const vis = visibility(snapshot, scope.principal);
    const isPublic = scope.principal.role === 'public';
    const within = query.elementId ? scopeOfElement(snapshot, query.elementId) : null;
    const result: RiskCard[] = [];
    for (const risk of reg.risks) {
      if (!riskVisible(vis, isPublic, risk)) continue;
      if (query.unitId && risk.unit_id !== query.unitId) continue;
      const elementIds = reg.elements.get(risk.id) ?? [];
      const actionIds = reg.actions.get(risk.id) ?? [];
      if (query.actionId && !actionIds.includes(query.actionId)) continue;
      if (
        within &&
        !elementIds.some((id) => within.elements.has(id)) &&
        !actionIds.some((id) => within.actions.has(id))
      ) {
        continue;
      }
      const c = card(snapshot, reg, risk);
      if (c) result.push(c);
    }
    return { day, cards: result };
  }

  async function detail(scope: WorkspaceScope, id: string, asOf?: string): Promise<RiskDetail> {
    const day = resolveAsOf(deps, asOf);
    const [snapshot, reg] = await Promise.all([
      snapshots.load(scope.id, day),
      register(scope.id, day, id),
    ]);
    const risk = reg.risks[0];
    const vis = visibility(snapshot, scope.principal);
    if (!risk || !riskVisible(vis, scope.principal.role === 'public', risk)) throw notFound('Risk');
    const c = card(snapshot, reg, risk);
    if (!c) throw notFound('Risk');
    const elementIds = (reg.elements.get(id) ?? []).filter(vis.element);
    const actionIds = (reg.actions.get(id) ?? []).filter(vis.action);
    return {
      risk: {
        id: risk.id,
        code: risk.code,
        title: { fr: risk.title_fr, en: risk.title_en },
        description: { fr: risk.description_fr, en: risk.description_en },
        mitigation: { fr: risk.mitigation_fr, en: risk.mitigation_en },
        unitId: risk.unit_id,
        category: risk.category as RiskCategory,
        owner: risk.owner,
        reviewOn: risk.review_on,
        status: risk.status as RiskStatus,
        elementIds,
        actionIds,
        version: risk.version,
      },
      etag: riskEtag(risk),
      asOf: day,
      card: c,
      elements: elementIds.map((e) => elementRef(snapshot, e)),
      actions: actionIds.flatMap((a) => {
        const row = snapshot.actionById.get(a);
        return row
          ? [{ id: a, code: row.code, title: { fr: row.title_fr, en: row.title_en } }]
          : [];
      }),
      reviews: (reg.reviews.get(id) ?? [])
        .map(reviewPoint)
        .sort(
          (a, b) =>
            b.reviewedOn.localeCompare(a.reviewedOn) || b.recordedAt.localeCompare(a.recordedAt),
        )
        .map((p) => reviewDto(p.row)),
    };
  }

  async function validate(scope: WorkspaceScope, input: Partial<RiskCreate>, vis: Visibility) {
    await requireOne(deps.db, scope.id, 'unit', 'unitId', input.unitId, 'unit');
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
      'action',
      'actionIds',
      input.actionIds,
      'action',
      vis.action,
    );
  }

  function columns(input: Partial<RiskCreate>) {
    return {
      ...(input.code !== undefined && { code: input.code }),
      ...(input.title && { title_fr: input.title.fr, title_en: input.title.en }),
      ...(input.description && {
        description_fr: input.description.fr,
        description_en: input.description.en,
      }),
      ...(input.mitigation && {
        mitigation_fr: input.mitigation.fr,
        mitigation_en: input.mitigation.en,
      }),
      ...(input.unitId !== undefined && { unit_id: input.unitId }),
      ...(input.category !== undefined && { category: input.category }),
      ...(input.owner !== undefined && { owner: input.owner }),
      ...(input.reviewOn !== undefined && { review_on: input.reviewOn }),
      ...(input.status !== undefined && { status: input.status }),
    };
  }

  async function writeLinks(scope: WorkspaceScope, id: string, input: Partial<RiskCreate>) {
    if (input.elementIds)
      await replaceLinks(deps.db, 'risk_element', scope.id, id, input.elementIds);
    if (input.actionIds) await replaceLinks(deps.db, 'risk_action', scope.id, id, input.actionIds);
  }

  function duplicate(code: string) {
    return new AppError('conflict', `A risk with code ${code} already exists`, [
      { field: '/code', message: 'already used in this workspace' },
    ]);
  }

  /** Reads a risk to change it: 404 when missing or hidden, 403/401 when not writable. */
  async function writable(scope: WorkspaceScope, id: string, vis: Visibility, what: string) {
    const current = await repo.findById(scope.id, id);
    if (!current || !riskVisible(vis, scope.principal.role === 'public', current)) {
      throw notFound('Risk');
    }
    const links = await repo.links(scope.id, id);
    allow(
      scope,
      canWriteRisk(scope.principal, current.unit_id, {
        elementIds: links.elements.map((l) => l.element_id),
        actionIds: links.actions.map((l) => l.action_id),
      }),
      what,
    );
    return current;
  }

  /** Reads what a write needs before its transaction (an embedded database has one connection). */
  async function currentVisibility(scope: WorkspaceScope) {
    return visibility(await snapshots.load(scope.id, today(deps)), scope.principal);
  }

  return {
    detail,

    async list(
      scope: WorkspaceScope,
      query: RiskQuery & { limit?: number | undefined; offset?: number | undefined },
    ): Promise<{ items: RiskCard[]; total: number; limit: number; offset: number }> {
      const limit = query.limit ?? 100;
      const offset = query.offset ?? 0;
      const { cards: all } = await cards(scope, query);
      const matching = all.filter(
        (c) =>
          (!query.status || c.status === query.status) &&
          (!query.level || c.level === query.level) &&
          (query.likelihood === undefined || c.likelihood === query.likelihood) &&
          (query.impact === undefined || c.impact === query.impact),
      );
      return {
        items: matching.slice(offset, offset + limit),
        total: matching.length,
        limit,
        offset,
      };
    },

    async matrix(scope: WorkspaceScope, query: RiskMatrixQuery): Promise<RiskMatrix> {
      const { day, cards: all } = await cards(scope, query);
      const live = all.filter((c) => c.status !== 'closed');
      const cells = RISK_SCALE.flatMap((likelihood) =>
        RISK_SCALE.map((impact) => {
          const score = riskScore(likelihood, impact);
          return {
            likelihood,
            impact,
            score,
            level: riskLevel(score),
            count: live.filter((c) => c.likelihood === likelihood && c.impact === impact).length,
          };
        }),
      );
      return { asOf: day, total: live.length, cells };
    },

    /** Risks whose review is overdue as of `asOf`, visible to the reader (attention list). */
    async overdue(scope: WorkspaceScope, asOf: string): Promise<RiskCard[]> {
      const { cards: all } = await cards(scope, { asOf });
      return all.filter((c) => c.reviewOverdue);
    },

    async create(scope: WorkspaceScope, input: RiskCreate): Promise<RiskDetail> {
      const vis = await currentVisibility(scope);
      const id = await deps.db.transaction().execute(async (trx) => {
        const tx = riskRepository(trx);
        const txDeps = { ...deps, db: trx };
        allow(
          scope,
          canWriteRisk(scope.principal, input.unitId, null),
          'create risks for this unit',
        );
        if (await tx.codeTaken(scope.id, input.code)) throw duplicate(input.code);
        await risksService(txDeps, snapshots).validateInput(scope, input, vis);
        const now = deps.now();
        const { id } = await tx.insert({
          workspace_id: scope.id,
          code: input.code,
          title_fr: input.title.fr,
          title_en: input.title.en,
          unit_id: input.unitId,
          review_on: input.reviewOn ?? null,
          created_at: now,
          updated_at: now,
          ...columns(input),
        });
        await risksService(txDeps, snapshots).writeLinksOf(scope, id, input);
        const review = await tx.insertReview({
          workspace_id: scope.id,
          risk_id: id,
          reviewed_on: today(deps),
          likelihood: input.likelihood,
          impact: input.impact,
          reviewer: scope.principal.label,
          check_in_id: null,
          recorded_at: now,
        });
        await audit(trx, scope, {
          entityType: 'risk',
          entityId: id,
          action: 'create',
          unitId: input.unitId,
          after: { ...auditRow(await tx.findById(scope.id, id)), links: input, review },
        });
        return id;
      });
      return detail(scope, id);
    },

    async update(
      scope: WorkspaceScope,
      id: string,
      ifMatch: string | undefined,
      input: RiskUpdate,
    ): Promise<RiskDetail> {
      const vis = await currentVisibility(scope);
      await deps.db.transaction().execute(async (trx) => {
        const tx = risksService({ ...deps, db: trx }, snapshots);
        const current = await tx.writableRisk(scope, id, vis, 'change this risk');
        if (input.unitId !== undefined && input.unitId !== current.unit_id) {
          allow(
            scope,
            canWriteRisk(scope.principal, input.unitId, null),
            'give this risk to that unit',
          );
        }
        const version = checkIfMatch('r', id, current.version, ifMatch, 'risk');
        const txRepo = riskRepository(trx);
        if (input.code && (await txRepo.codeTaken(scope.id, input.code, id))) {
          throw duplicate(input.code);
        }
        await tx.validateInput(scope, input, vis);
        const updated = await txRepo.updateIfVersion(scope.id, id, version, columns(input));
        if (!updated) throw staleWrite('risk');
        await tx.writeLinksOf(scope, id, input);
        await audit(trx, scope, {
          entityType: 'risk',
          entityId: id,
          action: 'update',
          unitId: current.unit_id,
          before: auditRow(current),
          after: { ...auditRow(await txRepo.findById(scope.id, id)), links: input },
        });
      });
      return detail(scope, id);
    },

    /** Appends a review (a new assessment); it may also set the status and next review date. */
    async review(
      scope: WorkspaceScope,
      id: string,
      ifMatch: string | undefined,
      input: RiskReviewCreate,
    ): Promise<RiskDetail> {
      const vis = await currentVisibility(scope);
      const day = today(deps);
      const reviewedOn = input.reviewedOn ?? day;
      await deps.db.transaction().execute(async (trx) => {
        const tx = risksService({ ...deps, db: trx }, snapshots);
        const txRepo = riskRepository(trx);
        const current = await tx.writableRisk(scope, id, vis, 'review this risk');
        const version = checkIfMatch('r', id, current.version, ifMatch, 'risk');
        if (reviewedOn > day) throw invalid('/reviewedOn', 'must not be in the future');
        const updated = await txRepo.updateIfVersion(
          scope.id,
          id,
          version,
          columns({ status: input.status, reviewOn: input.reviewOn }),
        );
        if (!updated) throw staleWrite('risk');
        const review = await txRepo.insertReview({
          workspace_id: scope.id,
          risk_id: id,
          reviewed_on: reviewedOn,
          likelihood: input.likelihood,
          impact: input.impact,
          note: input.note,
          reviewer: scope.principal.label,
          check_in_id: null,
          recorded_at: laterThan(deps.now(), await txRepo.latestReviewTime(scope.id, id)),
        });
        await audit(trx, scope, {
          entityType: 'risk',
          entityId: id,
          action: 'review',
          unitId: current.unit_id,
          before: auditRow(current),
          after: { ...auditRow(await txRepo.findById(scope.id, id)), review },
        });
      });
      return detail(scope, id);
    },

    /** Checks the ids a write refers to; the caller holds the transaction. */
    validateInput: validate,
    /** Rewrites a risk's links; the caller holds the transaction. */
    writeLinksOf: writeLinks,
    /** Reads a risk the principal may change; the caller holds the transaction. */
    writableRisk: writable,
  };
}

export type RisksService = ReturnType<typeof risksService>;
