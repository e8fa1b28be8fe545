/**
 * Answering a consultation without an account, through a respondent link (one answer per link,
 * enforced by the database) or a shared link (any number of answers: a shared link cannot tell
 * respondents apart). An anonymous consultation's response keeps no reference to its link.
 */
import type { AnswerSubmission, PublicQuestionnaire } from '../../contracts/index.ts';
import { checkAnswers, type Audience, type AccessMode } from '../../domain/consultation.ts';
import {
  consultationRepository,
  type ConsultationRow,
} from '../../db/repositories/consultation.repository.ts';
import { audit } from '../audit.ts';
import { hashSecret } from '../auth/secrets.ts';
import type { ServiceDeps, WorkspaceScope } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { ANONYMOUS } from '../../domain/access.ts';
import { isoOrNull, questionDto, questionShape, stateOf } from './present.ts';

interface Link {
  consultation: ConsultationRow;
  token: { id: string; label: string; used: boolean } | null;
}

const UNKNOWN = 'This consultation link is unknown or no longer valid';

/** Creates the respondent service. */
export function consultationRespondService(deps: ServiceDeps) {
  const repo = consultationRepository(deps.db);

  /** The consultation a link opens, or 404 (unknown, replaced, or not published). */
  async function resolve(scope: WorkspaceScope, secret: string): Promise<Link> {
    const hash = hashSecret(secret);
    const token = await repo.findToken(scope.id, hash);
    const consultation = token
      ? await repo.findById(scope.id, token.consultation_id)
      : await repo.findBySharedHash(scope.id, hash);
    if (!consultation || consultation.status !== 'published')
      throw new AppError('not_found', UNKNOWN);
    if (token && consultation.access !== 'token') throw notFound('Consultation');
    return {
      consultation,
      token: token ? { id: token.id, label: token.label, used: token.used !== null } : null,
    };
  }

  function closedMessage(row: ConsultationRow): string | null {
    const state = stateOf(row, deps.now());
    if (state === 'scheduled') {
      return `This consultation opens on ${isoOrNull(row.opens_at) ?? ''}; answers are not accepted yet`;
    }
    if (state === 'closed') {
      return `This consultation closed on ${isoOrNull(row.closes_at) ?? ''}; answers are no longer accepted`;
    }
    return null;
  }

  return {
    async questionnaire(scope: WorkspaceScope, secret: string): Promise<PublicQuestionnaire> {
      const { consultation: c, token } = await resolve(scope, secret);
      const [questions, unit] = await Promise.all([
        repo.questions(scope.id, [c.id]),
        repo.unitName(scope.id, c.unit_id),
      ]);
      return {
        title: { fr: c.title_fr, en: c.title_en },
        description: { fr: c.description_fr, en: c.description_en },
        unitName: { fr: unit?.name_fr ?? '', en: unit?.name_en ?? '' },
        audience: c.audience as Audience,
        access: c.access as AccessMode,
        anonymous: c.anonymous,
        state: stateOf(c, deps.now()),
        opensAt: isoOrNull(c.opens_at),
        closesAt: isoOrNull(c.closes_at),
        answered: token?.used ?? false,
        respondent: !c.anonymous && token ? token.label : null,
        questions: questions.map(questionDto),
      };
    },

    /** Records one response; refused when closed, not yet open, or the link has answered. */
    async submit(scope: WorkspaceScope, secret: string, input: AnswerSubmission): Promise<void> {
      const { consultation: c, token } = await resolve(scope, secret);
      const closed = closedMessage(c);
      if (closed) throw new AppError('conflict', closed);
      const questions = await repo.questions(scope.id, [c.id]);
      const checked = checkAnswers(questions.map(questionShape), input.answers);
      if ('problem' in checked) {
        const { field, message } = checked.problem;
        throw new AppError('invalid_input', `${field}: ${message}`, [{ field, message }]);
      }
      await deps.db.transaction().execute(async (trx) => {
        const tx = consultationRepository(trx);
        if (token && !(await tx.claimToken(scope.id, token.id))) {
          throw new AppError(
            'conflict',
            'This link has already been used to answer: each link allows one answer',
          );
        }
        await tx.insertResponse(
          scope.id,
          c.id,
          token && !c.anonymous ? token.id : null,
          checked.answers,
        );
        // The audit record names the consultation only: never the link, the response or the
        // account a respondent may happen to be signed in with.
        await audit(
          trx,
          { ...scope, principal: ANONYMOUS },
          {
            entityType: 'consultation',
            entityId: c.id,
            action: 'respond',
            unitId: c.unit_id,
          },
        );
      });
    },
  };
}
