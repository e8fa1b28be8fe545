/** Shapes consultation rows into the API's answers. */
import type { ConsultationCard, Question, QuestionResult } from '../../contracts/index.ts';
import {
  consultationState,
  tally,
  type AccessMode,
  type Audience,
  type QuestionKind,
  type QuestionShape,
} from '../../domain/consultation.ts';
import type {
  ConsultationRepository,
  ConsultationRow,
  QuestionRow,
} from '../../db/repositories/consultation.repository.ts';
import { unitRef } from '../present.ts';
import type { Snapshot } from '../snapshot.ts';

type AnswerRow = Awaited<ReturnType<ConsultationRepository['answers']>>[number];

/** An ISO date-time, or null. */
export function isoOrNull(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

/** A date-time from the API, or null. */
export function dateOrNull(value: string | null | undefined): Date | null {
  return value ? new Date(value) : null;
}

/** The time fields of a row, as the state rule takes them. */
export function stateOf(row: ConsultationRow, now: Date) {
  return consultationState(
    {
      status: row.status,
      opensAt: row.opens_at === null ? null : new Date(row.opens_at),
      closesAt: row.closes_at === null ? null : new Date(row.closes_at),
    },
    now,
  );
}

/** A question row as the API shows it. */
export function questionDto(row: QuestionRow): Question {
  return {
    id: row.id,
    position: row.position,
    kind: row.kind as QuestionKind,
    prompt: { fr: row.prompt_fr, en: row.prompt_en },
    required: row.required,
    scale: row.kind !== 'rating' ? null : row.scale_min === 0 ? '0-10' : '1-5',
    options: row.options.map((o) => ({ fr: o.fr, en: o.en })),
  };
}

/** A question row as the answer rules take it. */
export function questionShape(row: QuestionRow): QuestionShape {
  return {
    id: row.id,
    kind: row.kind as QuestionKind,
    required: row.required,
    scaleMin: row.scale_min,
    scaleMax: row.scale_max,
    optionCount: row.options.length,
  };
}

/** A consultation card. */
export function consultationCard(
  snapshot: Snapshot,
  row: ConsultationRow,
  responses: number,
  now: Date,
): ConsultationCard {
  const unit = snapshot.unitById.get(row.unit_id);
  if (!unit) throw new Error(`Unknown unit ${row.unit_id}`);
  return {
    id: row.id,
    code: row.code,
    revision: row.revision,
    title: { fr: row.title_fr, en: row.title_en },
    unit: unitRef(unit),
    audience: row.audience as Audience,
    access: row.access as AccessMode,
    anonymous: row.anonymous,
    state: stateOf(row, now),
    opensAt: isoOrNull(row.opens_at),
    closesAt: isoOrNull(row.closes_at),
    responses,
  };
}

/** Per-question results from the stored answers of one consultation. */
export function questionResults(
  questions: readonly QuestionRow[],
  answers: readonly AnswerRow[],
): QuestionResult[] {
  return questions.map((q) => {
    const mine = answers
      .filter((a) => a.question_id === q.id)
      .map((a) => ({ rating: a.rating, choices: a.choices, text: a.text_value }));
    const counted = tally(questionShape(q), mine);
    return {
      question: questionDto(q),
      answered: counted.answered,
      mean: counted.mean,
      distribution: counted.distribution,
      texts: mine.flatMap((a) => (a.text === null ? [] : [a.text])),
    };
  });
}
