/**
 * Building and running consultations: list, detail, create, update (drafts only: a published
 * questionnaire is frozen), publish, close, a new revision, respondent links, and the links of
 * results to plan elements. Every write is one transaction with its audit record.
 */
import type {
  ConsultationCard,
  ConsultationCreate,
  ConsultationDetail,
  ConsultationUpdate,
  IssuedTokens,
  LinksUpdate,
  QuestionInput,
  SharedLink,
  TokenRequest,
} from '../../contracts/index.ts';
import {
  canWriteConsultation,
  scaleBounds,
  type ConsultationState,
} from '../../domain/consultation.ts';
import {
  consultationRepository,
  type ConsultationRow,
  type NewQuestion,
} from '../../db/repositories/consultation.repository.ts';
import { audit } from '../audit.ts';
import { today, type ServiceDeps, type WorkspaceScope } from '../context.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { versionEtag } from '../etags.ts';
import { allow, auditRow } from '../guard.ts';
import { checkIfMatch, staleWrite } from '../preconditions.ts';
import { elementRef } from '../present.ts';
import { requireOne } from '../references.ts';
import { existingIds } from '../../db/repositories/links.ts';
import type { SnapshotLoader } from '../snapshot.ts';
import { visibility, type Visibility } from '../visibility.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';
import { consultationCard, dateOrNull, questionDto, stateOf } from './present.ts';

/** The ETag of a consultation. */
export const consultationEtag = (row: { id: string; version: number }) => versionEtag('c', row);

/** Whether the principal may read a consultation of `unitId` (never the public). */
export function mayReadConsultation(scope: WorkspaceScope, vis: Visibility, unitId: string) {
  return scope.principal.role !== 'public' && vis.unit(unitId);
}

/** Creates the consultation builder service. */
export function consultationsService(deps: ServiceDeps, snapshots: SnapshotLoader) {
  const repo = consultationRepository(deps.db);

  async function readable(scope: WorkspaceScope, id: string) {
    const snapshot = await snapshots.load(scope.id, today(deps));
    const vis = visibility(snapshot, scope.principal);
    const row = await repo.findById(scope.id, id);
    if (!row || !mayReadConsultation(scope, vis, row.unit_id)) throw notFound('Consultation');
    return { snapshot, vis, row };
  }

  async function detail(scope: WorkspaceScope, id: string): Promise<ConsultationDetail> {
    const { snapshot, vis, row } = await readable(scope, id);
    const [questions, counts, tokens, links, cited] = await Promise.all([
      repo.questions(scope.id, [id]),
      repo.responseCounts(scope.id),
      repo.tokenCounts(scope.id, id),
      repo.links(scope.id, id),
      repo.citedBy(scope.id, id),
    ]);
    const card = consultationCard(snapshot, row, counts.get(id) ?? 0, deps.now());
    return {
      consultation: {
        ...card,
        description: { fr: row.description_fr, en: row.description_en },
        status: row.status === 'published' ? 'published' : 'draft',
        previousId: row.previous_id,
        publishedAt: row.published_at === null ? null : new Date(row.published_at).toISOString(),
        questions: questions.map(questionDto),
        version: row.version,
      },
      etag: consultationEtag(row),
      tokens,
      sharedLink: row.shared_token_hash !== null,
      links: links
        .filter((l) => vis.element(l.element_id))
        .map((l) => ({ element: elementRef(snapshot, l.element_id), questionId: l.question_id })),
      citedBy: cited
        .filter((a) => vis.action(a.id))
        .map((a) => ({ id: a.id, code: a.code, title: { fr: a.title_fr, en: a.title_en } })),
    };
  }

  function questionRows(questions: readonly QuestionInput[]): NewQuestion[] {
    return questions.map((q, i) => {
      const at = `/questions/${String(i)}`;
      const choice = q.kind === 'single' || q.kind === 'multiple';
      if (q.scale !== undefined && q.kind !== 'rating') {
        throw invalid(`${at}/scale`, 'only a rating question takes a scale');
      }
      if (!choice && q.options !== undefined && q.options.length > 0) {
        throw invalid(`${at}/options`, 'only a choice question takes options');
      }
      if (choice && (q.options?.length ?? 0) < 2) {
        throw invalid(`${at}/options`, 'a choice question needs at least two options');
      }
      const bounds = q.kind === 'rating' ? scaleBounds(q.scale ?? '1-5') : null;
      return {
        position: i,
        kind: q.kind,
        prompt_fr: q.prompt.fr,
        prompt_en: q.prompt.en,
        required: q.required ?? false,
        scale_min: bounds?.min ?? null,
        scale_max: bounds?.max ?? null,
        options: JSON.stringify(choice ? (q.options ?? []) : []),
      };
    });
  }

  function checkDates(opens: Date | null, closes: Date | null) {
    if (opens && closes && opens >= closes) throw invalid('/closesAt', 'must be after opensAt');
  }

  function columns(input: ConsultationUpdate) {
    return {
      ...(input.code !== undefined && { code: input.code }),
      ...(input.title && { title_fr: input.title.fr, title_en: input.title.en }),
      ...(input.description && {
        description_fr: input.description.fr,
        description_en: input.description.en,
      }),
      ...(input.unitId !== undefined && { unit_id: input.unitId }),
      ...(input.audience !== undefined && { audience: input.audience }),
      ...(input.access !== undefined && { access: input.access }),
      ...(input.anonymous !== undefined && { anonymous: input.anonymous }),
      ...(input.opensAt !== undefined && { opens_at: dateOrNull(input.opensAt) }),
      ...(input.closesAt !== undefined && { closes_at: dateOrNull(input.closesAt) }),
    };
  }

  function duplicate(code: string) {
    return new AppError('conflict', `A consultation with code ${code} already exists`, [
      { field: '/code', message: 'already used in this workspace' },
    ]);
  }

  /** Runs a versioned write on a consultation the principal may change. */
  async function write(
    scope: WorkspaceScope,
    id: string,
    ifMatch: string | undefined,
    what: string,
    work: (
      tx: ReturnType<typeof consultationRepository>,
      row: ConsultationRow,
      version: number,
      db: ServiceDeps['db'],
    ) => Promise<void>,
  ) {
    await readable(scope, id);
    await deps.db.transaction().execute(async (trx) => {
      const tx = consultationRepository(trx);
      const row = await tx.findById(scope.id, id);
      if (!row) throw notFound('Consultation');
      allow(scope, canWriteConsultation(scope.principal, row.unit_id), what);
      const version = checkIfMatch('c', id, row.version, ifMatch, 'consultation');
      await work(tx, row, version, trx);
    });
  }

  function requireState(row: ConsultationRow, allowed: ConsultationState[], message: string) {
    if (!allowed.includes(stateOf(row, deps.now()))) throw new AppError('conflict', message);
  }

  return {
    detail,

    async list(
      scope: WorkspaceScope,
      query: { unitId?: string | undefined; state?: ConsultationState | undefined },
    ): Promise<{ items: ConsultationCard[] }> {
      const snapshot = await snapshots.load(scope.id, today(deps));
      const vis = visibility(snapshot, scope.principal);
      const [rows, counts] = await Promise.all([
        repo.list(scope.id, query.unitId),
        repo.responseCounts(scope.id),
      ]);
      const now = deps.now();
      const items = rows
        .filter((r) => mayReadConsultation(scope, vis, r.unit_id))
        .map((r) => consultationCard(snapshot, r, counts.get(r.id) ?? 0, now))
        .filter((c) => !query.state || c.state === query.state);
      return { items };
    },

    async create(scope: WorkspaceScope, input: ConsultationCreate): Promise<ConsultationDetail> {
      allow(
        scope,
        canWriteConsultation(scope.principal, input.unitId),
        'create consultations for this unit',
      );
      const opens = dateOrNull(input.opensAt);
      const closes = dateOrNull(input.closesAt);
      checkDates(opens, closes);
      const questions = questionRows(input.questions ?? []);
      const id = await deps.db.transaction().execute(async (trx) => {
        const tx = consultationRepository(trx);
        await requireOne(trx, scope.id, 'unit', 'unitId', input.unitId, 'unit');
        if (await tx.codeTaken(scope.id, input.code)) throw duplicate(input.code);
        const { id } = await tx.insert({
          workspace_id: scope.id,
          code: input.code,
          title_fr: input.title.fr,
          title_en: input.title.en,
          unit_id: input.unitId,
          audience: input.audience,
          access: input.access,
          ...columns(input),
        });
        await tx.replaceQuestions(scope.id, id, questions);
        await audit(trx, scope, {
          entityType: 'consultation',
          entityId: id,
          action: 'create',
          unitId: input.unitId,
          after: { ...auditRow(await tx.findById(scope.id, id)), questions: input.questions ?? [] },
        });
        return id;
      });
      return detail(scope, id);
    },

    async update(
      scope: WorkspaceScope,
      id: string,
      ifMatch: string | undefined,
      input: ConsultationUpdate,
    ): Promise<ConsultationDetail> {
      await write(scope, id, ifMatch, 'change this consultation', async (tx, row, version, db) => {
        if (row.status !== 'draft') {
          throw new AppError(
            'conflict',
            'This questionnaire is published and frozen; start a new revision to change it',
          );
        }
        if (input.unitId !== undefined && input.unitId !== row.unit_id) {
          allow(
            scope,
            canWriteConsultation(scope.principal, input.unitId),
            'give this consultation to that unit',
          );
          await requireOne(db, scope.id, 'unit', 'unitId', input.unitId, 'unit');
        }
        checkDates(
          input.opensAt !== undefined ? dateOrNull(input.opensAt) : row.opens_at,
          input.closesAt !== undefined ? dateOrNull(input.closesAt) : row.closes_at,
        );
        if (input.code !== undefined && input.code !== row.code) {
          if (row.revision > 1) throw invalid('/code', 'a revision keeps the code of the first');
          if (await tx.codeTaken(scope.id, input.code)) throw duplicate(input.code);
        }
        if (input.access === 'token' && row.shared_token_hash !== null) {
          throw invalid('/access', 'a shared link was issued: this consultation stays shared');
        }
        const questions = input.questions ? questionRows(input.questions) : null;
        const updated = await tx.updateIfVersion(scope.id, id, version, columns(input));
        if (!updated) throw staleWrite('consultation');
        if (questions) await tx.replaceQuestions(scope.id, id, questions);
        await audit(db, scope, {
          entityType: 'consultation',
          entityId: id,
          action: 'update',
          unitId: row.unit_id,
          before: auditRow(row),
          after: {
            ...auditRow(await tx.findById(scope.id, id)),
            ...(input.questions && { questions: input.questions }),
          },
        });
      });
      return detail(scope, id);
    },

    async publish(scope: WorkspaceScope, id: string, ifMatch: string | undefined) {
      await write(scope, id, ifMatch, 'publish this consultation', async (tx, row, version, db) => {
        if (row.status !== 'draft') throw new AppError('conflict', 'Already published');
        if ((await tx.questions(scope.id, [id])).length === 0) {
          throw invalid('/questions', 'a questionnaire needs at least one question');
        }
        const closes = row.closes_at === null ? null : new Date(row.closes_at);
        if (closes && closes <= deps.now()) {
          throw invalid('/closesAt', 'the closing date has passed: set a later one first');
        }
        const updated = await tx.updateIfVersion(scope.id, id, version, {
          status: 'published',
          published_at: deps.now(),
        });
        if (!updated) throw staleWrite('consultation');
        await audit(db, scope, {
          entityType: 'consultation',
          entityId: id,
          action: 'publish',
          unitId: row.unit_id,
          before: auditRow(row),
          after: auditRow(await tx.findById(scope.id, id)),
        });
      });
      return detail(scope, id);
    },

    async close(scope: WorkspaceScope, id: string, ifMatch: string | undefined) {
      await write(scope, id, ifMatch, 'close this consultation', async (tx, row, version, db) => {
        requireState(
          row,
          ['open', 'scheduled'],
          'Only a published consultation not yet closed can be closed',
        );
        const now = deps.now();
        const updated = await tx.updateIfVersion(scope.id, id, version, {
          closes_at: now,
          ...(row.opens_at !== null && new Date(row.opens_at) >= now && { opens_at: null }),
        });
        if (!updated) throw staleWrite('consultation');
        await audit(db, scope, {
          entityType: 'consultation',
          entityId: id,
          action: 'close',
          unitId: row.unit_id,
          before: auditRow(row),
          after: auditRow(await tx.findById(scope.id, id)),
        });
      });
      return detail(scope, id);
    },

    /** A new draft revision of a published consultation, with its questions copied. */
    async revise(scope: WorkspaceScope, id: string): Promise<ConsultationDetail> {
      const { row } = await readable(scope, id);
      allow(scope, canWriteConsultation(scope.principal, row.unit_id), 'revise this consultation');
      if (row.status !== 'published') {
        throw new AppError(
          'conflict',
          'A draft can be changed directly; only a published one is revised',
        );
      }
      const newId = await deps.db.transaction().execute(async (trx) => {
        const tx = consultationRepository(trx);
        const questions = await tx.questions(scope.id, [id]);
        const revision = (await tx.latestRevision(scope.id, row.code)) + 1;
        const { id: created } = await tx.insert({
          workspace_id: scope.id,
          unit_id: row.unit_id,
          code: row.code,
          revision,
          previous_id: row.id,
          title_fr: row.title_fr,
          title_en: row.title_en,
          description_fr: row.description_fr,
          description_en: row.description_en,
          audience: row.audience,
          access: row.access,
          anonymous: row.anonymous,
          opens_at: null,
          closes_at: null,
        });
        await tx.replaceQuestions(
          scope.id,
          created,
          questions.map((q) => ({
            position: q.position,
            kind: q.kind,
            prompt_fr: q.prompt_fr,
            prompt_en: q.prompt_en,
            required: q.required,
            scale_min: q.scale_min,
            scale_max: q.scale_max,
            options: JSON.stringify(q.options),
          })),
        );
        await audit(trx, scope, {
          entityType: 'consultation',
          entityId: created,
          action: 'create',
          unitId: row.unit_id,
          after: { ...auditRow(await tx.findById(scope.id, created)), revisionOf: id },
        });
        return created;
      });
      return detail(scope, newId);
    },

    /** Issues respondent links; their secrets are returned this once, only hashes are kept. */
    async issueTokens(
      scope: WorkspaceScope,
      id: string,
      input: TokenRequest,
    ): Promise<IssuedTokens> {
      const { row } = await readable(scope, id);
      allow(
        scope,
        canWriteConsultation(scope.principal, row.unit_id),
        'issue links for this consultation',
      );
      if (row.access !== 'token') {
        throw invalid(
          '/count',
          'this consultation uses a shared link, not one link per respondent',
        );
      }
      requireState(row, ['draft', 'scheduled', 'open'], 'This consultation is closed');
      if ((input.count === undefined) === (input.labels === undefined)) {
        throw invalid('/count', 'give either count or labels');
      }
      if (row.anonymous && input.labels !== undefined) {
        throw invalid(
          '/labels',
          'an anonymous consultation keeps no respondent identity: give a count',
        );
      }
      if (!row.anonymous && input.labels === undefined) {
        throw invalid('/labels', 'an identified consultation needs one label per respondent');
      }
      const labels = input.labels ?? Array.from({ length: input.count ?? 0 }, () => '');
      const items = labels.map((label) => ({ token: newSecret(), label: label.trim() }));
      await deps.db.transaction().execute(async (trx) => {
        await consultationRepository(trx).insertTokens(
          scope.id,
          id,
          items.map((t) => ({ hash: hashSecret(t.token), label: t.label })),
        );
        await audit(trx, scope, {
          entityType: 'consultation',
          entityId: id,
          action: 'issue_links',
          unitId: row.unit_id,
          after: { issued: items.length },
        });
      });
      return { items };
    },

    /** Issues (or replaces) the shared link of a shared consultation; the old one stops working. */
    async shareLink(
      scope: WorkspaceScope,
      id: string,
      ifMatch: string | undefined,
    ): Promise<SharedLink> {
      const token = newSecret();
      await write(scope, id, ifMatch, 'share this consultation', async (tx, row, version, db) => {
        if (row.access !== 'shared') {
          throw new AppError(
            'conflict',
            'This consultation uses one link per respondent, not a shared link',
          );
        }
        requireState(row, ['draft', 'scheduled', 'open'], 'This consultation is closed');
        const updated = await tx.updateIfVersion(scope.id, id, version, {
          shared_token_hash: hashSecret(token),
        });
        if (!updated) throw staleWrite('consultation');
        await audit(db, scope, {
          entityType: 'consultation',
          entityId: id,
          action: 'share_link',
          unitId: row.unit_id,
          after: { replaced: row.shared_token_hash !== null },
        });
      });
      return { token };
    },

    /** Sets which plan elements the consultation's results (or single questions) serve. */
    async setLinks(
      scope: WorkspaceScope,
      id: string,
      ifMatch: string | undefined,
      input: LinksUpdate,
    ): Promise<ConsultationDetail> {
      const { vis } = await readable(scope, id);
      const found = await existingIds(
        deps.db,
        'element',
        scope.id,
        input.links.map((l) => l.elementId),
      );
      input.links.forEach((l, i) => {
        if (!found.has(l.elementId) || !vis.element(l.elementId)) {
          throw invalid(`/links/${String(i)}/elementId`, 'no such element');
        }
      });
      await write(scope, id, ifMatch, 'link this consultation', async (tx, row, version, db) => {
        const questionIds = new Set((await tx.questions(scope.id, [id])).map((q) => q.id));
        const seen = new Set<string>();
        const links = input.links.filter((l, i) => {
          if (l.questionId !== null && !questionIds.has(l.questionId)) {
            throw invalid(
              `/links/${String(i)}/questionId`,
              'no such question in this consultation',
            );
          }
          const key = `${l.elementId}/${l.questionId ?? ''}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
        const before = await tx.links(scope.id, id);
        const updated = await tx.updateIfVersion(scope.id, id, version, {});
        if (!updated) throw staleWrite('consultation');
        await tx.replaceLinks(scope.id, id, links);
        await audit(db, scope, {
          entityType: 'consultation',
          entityId: id,
          action: 'links',
          unitId: row.unit_id,
          before: { links: before },
          after: { links },
        });
      });
      return detail(scope, id);
    },
  };
}
