/**
 * Reading what respondents said: per-question results, the exports (writers only: an identified
 * consultation's export names respondents), the results serving a plan element, and the
 * consultations an action cites.
 */
import type {
  CitationsUpdate,
  ConsultationRefs,
  ConsultationResults,
  ElementConsultations,
  ResponseExport,
} from '../../contracts/index.ts';
import { canWriteAction } from '../../domain/access.ts';
import { canWriteConsultation } from '../../domain/consultation.ts';
import {
  consultationRepository,
  type ConsultationRow,
} from '../../db/repositories/consultation.repository.ts';
import { audit } from '../audit.ts';
import { today, type ServiceDeps, type WorkspaceScope } from '../context.ts';
import { invalid, notFound } from '../errors.ts';
import { allow } from '../guard.ts';
import type { SnapshotLoader } from '../snapshot.ts';
import { visibility, type Visibility } from '../visibility.ts';
import { mayReadConsultation } from './builder.service.ts';
import { consultationCard, questionDto, questionResults } from './present.ts';

/** Creates the consultation results service. */
export function consultationResultsService(deps: ServiceDeps, snapshots: SnapshotLoader) {
  const repo = consultationRepository(deps.db);

  async function readable(scope: WorkspaceScope, id: string) {
    const snapshot = await snapshots.load(scope.id, today(deps));
    const vis = visibility(snapshot, scope.principal);
    const row = await repo.findById(scope.id, id);
    if (!row || !mayReadConsultation(scope, vis, row.unit_id)) throw notFound('Consultation');
    const counts = await repo.responseCounts(scope.id);
    const card = consultationCard(snapshot, row, counts.get(id) ?? 0, deps.now());
    return { snapshot, vis, row, card };
  }

  /** The consultations of `ids` the principal may read. */
  async function readableRows(scope: WorkspaceScope, vis: Visibility, ids: readonly string[]) {
    const rows = await Promise.all(ids.map((id) => repo.findById(scope.id, id)));
    return rows.filter(
      (r): r is ConsultationRow => r !== undefined && mayReadConsultation(scope, vis, r.unit_id),
    );
  }

  /** The consultations an action cites. */
  async function citations(scope: WorkspaceScope, actionId: string): Promise<ConsultationRefs> {
    const snapshot = await snapshots.load(scope.id, today(deps));
    const vis = visibility(snapshot, scope.principal);
    if (!vis.action(actionId)) throw notFound('Action');
    const ids = await repo.citationsOf(scope.id, actionId);
    const counts = await repo.responseCounts(scope.id);
    const now = deps.now();
    const rows = await readableRows(scope, vis, ids);
    return {
      items: rows
        .map((r) => consultationCard(snapshot, r, counts.get(r.id) ?? 0, now))
        .sort((a, b) => a.code.localeCompare(b.code) || a.revision - b.revision),
    };
  }

  return {
    citations,

    async results(scope: WorkspaceScope, id: string): Promise<ConsultationResults> {
      const { card } = await readable(scope, id);
      const [questions, answers] = await Promise.all([
        repo.questions(scope.id, [id]),
        repo.answers(scope.id, [id]),
      ]);
      return {
        consultation: card,
        responses: card.responses,
        questions: questionResults(questions, answers),
      };
    },

    /** Every response with its answers (writers of the consultation only). */
    async export(scope: WorkspaceScope, id: string): Promise<ResponseExport> {
      const { row, card } = await readable(scope, id);
      allow(scope, canWriteConsultation(scope.principal, row.unit_id), 'export these responses');
      const [questions, answers, responses] = await Promise.all([
        repo.questions(scope.id, [id]),
        repo.answers(scope.id, [id]),
        repo.responses(scope.id, id),
      ]);
      const byResponse = new Map<string, typeof answers>();
      for (const a of answers)
        byResponse.set(a.response_id, [...(byResponse.get(a.response_id) ?? []), a]);
      return {
        consultation: card,
        questions: questions.map(questionDto),
        responses: responses.map((r) => ({
          id: r.id,
          submittedAt: new Date(r.submitted_at).toISOString(),
          respondent: row.anonymous ? null : (r.label ?? null),
          answers: (byResponse.get(r.id) ?? []).map((a) => ({
            questionId: a.question_id,
            rating: a.rating,
            choices: a.choices,
            text: a.text_value,
          })),
        })),
      };
    },

    /** The consultation results serving an element, for its page. */
    async ofElement(scope: WorkspaceScope, elementId: string): Promise<ElementConsultations> {
      const snapshot = await snapshots.load(scope.id, today(deps));
      const vis = visibility(snapshot, scope.principal);
      if (!vis.element(elementId)) throw notFound('Element');
      const links = await repo.linksOfElement(scope.id, elementId);
      const ids = [...new Set(links.map((l) => l.consultation_id))];
      const rows = await readableRows(scope, vis, ids);
      if (rows.length === 0) return { items: [] };
      const [questions, answers, counts] = await Promise.all([
        repo.questions(
          scope.id,
          rows.map((r) => r.id),
        ),
        repo.answers(
          scope.id,
          rows.map((r) => r.id),
        ),
        repo.responseCounts(scope.id),
      ]);
      const now = deps.now();
      return {
        items: rows
          .sort((a, b) => a.code.localeCompare(b.code) || a.revision - b.revision)
          .map((r) => {
            const mine = links.filter((l) => l.consultation_id === r.id);
            const whole = mine.some((l) => l.question_id === null);
            const linked = new Set(mine.map((l) => l.question_id));
            const qs = questions.filter(
              (q) => q.consultation_id === r.id && (whole || linked.has(q.id)),
            );
            const card = consultationCard(snapshot, r, counts.get(r.id) ?? 0, now);
            return {
              consultation: card,
              responses: card.responses,
              whole,
              questions: questionResults(
                qs,
                answers.filter((a) => a.consultation_id === r.id),
              ),
            };
          }),
      };
    },

    /** Sets the consultations an action cites (whoever may change the action). */
    async setCitations(
      scope: WorkspaceScope,
      actionId: string,
      input: CitationsUpdate,
    ): Promise<ConsultationRefs> {
      const snapshot = await snapshots.load(scope.id, today(deps));
      const vis = visibility(snapshot, scope.principal);
      const action = snapshot.actionById.get(actionId);
      if (!action || !vis.action(actionId)) throw notFound('Action');
      allow(
        scope,
        canWriteAction(scope.principal, action.lead_unit_id, actionId),
        'change this action',
      );
      for (const [i, id] of input.consultationIds.entries()) {
        const row = await repo.findById(scope.id, id);
        if (!row || !mayReadConsultation(scope, vis, row.unit_id)) {
          throw invalid(`/consultationIds/${String(i)}`, 'no such consultation');
        }
      }
      await deps.db.transaction().execute(async (trx) => {
        const tx = consultationRepository(trx);
        const before = await tx.citationsOf(scope.id, actionId);
        await tx.replaceCitations(scope.id, actionId, input.consultationIds);
        await audit(trx, scope, {
          entityType: 'action',
          entityId: actionId,
          action: 'cite_consultations',
          unitId: action.lead_unit_id,
          before: { consultationIds: before },
          after: { consultationIds: [...new Set(input.consultationIds)] },
        });
      });
      return citations(scope, actionId);
    },
  };
}
