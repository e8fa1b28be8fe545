/**
 * Stakeholder consultations: audiences, question kinds, the state of a consultation in time, who
 * may build one, and the checks of a respondent's answers against the questionnaire. Pure.
 */
import { isStrategyOffice, canWriteAnything, type Principal } from './access.ts';

export const AUDIENCES = [
  'students',
  'alumni',
  'staff',
  'companies',
  'local_authorities',
  'governance_bodies',
] as const;
export type Audience = (typeof AUDIENCES)[number];

/** `token`: one link per respondent, one answer each; `shared`: one link for everyone. */
export const ACCESS_MODES = ['token', 'shared'] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];

export const QUESTION_KINDS = ['rating', 'single', 'multiple', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const RATING_SCALES = ['1-5', '0-10'] as const;
export type RatingScale = (typeof RATING_SCALES)[number];

export const CONSULTATION_STATES = ['draft', 'scheduled', 'open', 'closed'] as const;
export type ConsultationState = (typeof CONSULTATION_STATES)[number];

/** Longest free-text answer kept, in characters. */
export const MAX_TEXT_ANSWER = 4000;

/** The bounds of a rating scale. */
export function scaleBounds(scale: RatingScale): { min: number; max: number } {
  return scale === '0-10' ? { min: 0, max: 10 } : { min: 1, max: 5 };
}

/** Where a consultation stands at `now`: a draft, published but not yet open, open, or closed. */
export function consultationState(
  c: { status: string; opensAt: Date | null; closesAt: Date | null },
  now: Date,
): ConsultationState {
  if (c.status !== 'published') return 'draft';
  if (c.opensAt && now < c.opensAt) return 'scheduled';
  if (c.closesAt && now >= c.closesAt) return 'closed';
  return 'open';
}

/** Building or running a consultation of `unitId`: the strategy office, or an editor of the unit. */
export function canWriteConsultation(p: Principal, unitId: string): boolean {
  if (isStrategyOffice(p)) return true;
  if (!canWriteAnything(p) || p.role !== 'unit_editor') return false;
  return p.unitIds.includes(unitId);
}

/** A question as the answer check needs it. */
export interface QuestionShape {
  id: string;
  kind: QuestionKind;
  required: boolean;
  scaleMin: number | null;
  scaleMax: number | null;
  optionCount: number;
}

/** One answer as sent by a respondent. */
export interface AnswerInput {
  questionId: string;
  rating?: number | undefined;
  choices?: number[] | undefined;
  text?: string | undefined;
}

/** One answer as stored: exactly one of the three values. */
export interface CleanAnswer {
  questionId: string;
  rating: number | null;
  choices: number[] | null;
  text: string | null;
}

/** A problem with the answers, naming the field. */
export interface AnswerProblem {
  field: string;
  message: string;
}

/**
 * Checks a respondent's answers against the questions: every answer names a question of this
 * questionnaire once, carries the value its kind takes, in range; every required question is
 * answered. Blank free text counts as no answer. Returns the answers to store, or the first problem.
 */
export function checkAnswers(
  questions: readonly QuestionShape[],
  answers: readonly AnswerInput[],
): { answers: CleanAnswer[] } | { problem: AnswerProblem } {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  const clean: CleanAnswer[] = [];
  for (const [i, answer] of answers.entries()) {
    const at = `/answers/${String(i)}`;
    const question = byId.get(answer.questionId);
    if (!question) return { problem: { field: `${at}/questionId`, message: 'no such question' } };
    if (seen.has(question.id)) {
      return { problem: { field: `${at}/questionId`, message: 'answered twice' } };
    }
    seen.add(question.id);
    const given = [answer.rating, answer.choices, answer.text].filter((v) => v !== undefined);
    if (given.length !== 1) {
      return { problem: { field: at, message: 'must carry exactly one of rating, choices, text' } };
    }
    const result = checkOne(question, answer, at);
    if ('problem' in result) return result;
    if (result.answer) clean.push(result.answer);
  }
  for (const question of questions) {
    if (question.required && !clean.some((a) => a.questionId === question.id)) {
      const index = questions.indexOf(question);
      return {
        problem: { field: '/answers', message: `question ${String(index + 1)} is required` },
      };
    }
  }
  return { answers: clean };
}

function checkOne(
  q: QuestionShape,
  a: AnswerInput,
  at: string,
): { answer: CleanAnswer | null } | { problem: AnswerProblem } {
  const none = { questionId: q.id, rating: null, choices: null, text: null };
  switch (q.kind) {
    case 'rating': {
      const min = q.scaleMin ?? 1;
      const max = q.scaleMax ?? 5;
      if (
        a.rating === undefined ||
        !Number.isInteger(a.rating) ||
        a.rating < min ||
        a.rating > max
      ) {
        return {
          problem: {
            field: `${at}/rating`,
            message: `must be a whole number from ${String(min)} to ${String(max)}`,
          },
        };
      }
      return { answer: { ...none, rating: a.rating } };
    }
    case 'single':
    case 'multiple': {
      const choices = a.choices;
      const inRange = (c: number) => Number.isInteger(c) && c >= 0 && c < q.optionCount;
      if (!choices || choices.length === 0 || !choices.every(inRange)) {
        return {
          problem: { field: `${at}/choices`, message: 'must name options of this question' },
        };
      }
      if (new Set(choices).size !== choices.length) {
        return { problem: { field: `${at}/choices`, message: 'names an option twice' } };
      }
      if (q.kind === 'single' && choices.length !== 1) {
        return { problem: { field: `${at}/choices`, message: 'takes exactly one option' } };
      }
      return { answer: { ...none, choices: [...choices].sort((x, y) => x - y) } };
    }
    case 'text': {
      if (a.text === undefined) {
        return { problem: { field: `${at}/text`, message: 'this question takes a text' } };
      }
      const text = a.text.trim();
      if (text.length > MAX_TEXT_ANSWER) {
        return {
          problem: { field: `${at}/text`, message: `is longer than ${String(MAX_TEXT_ANSWER)}` },
        };
      }
      return { answer: text === '' ? null : { ...none, text } };
    }
  }
}

/** Counts, mean and distribution of one question's answers. */
export interface QuestionTally {
  answered: number;
  mean: number | null;
  /** Rating: one count per scale value, from the minimum; choices: one count per option. */
  distribution: number[];
}

/** Tallies the stored answers of one question. */
export function tally(
  q: Pick<QuestionShape, 'kind' | 'scaleMin' | 'scaleMax' | 'optionCount'>,
  answers: readonly Pick<CleanAnswer, 'rating' | 'choices' | 'text'>[],
): QuestionTally {
  if (q.kind === 'rating') {
    const min = q.scaleMin ?? 1;
    const max = q.scaleMax ?? 5;
    const distribution = Array.from({ length: max - min + 1 }, () => 0);
    const values = answers.flatMap((a) => (a.rating === null ? [] : [a.rating]));
    for (const v of values)
      if (v >= min && v <= max) distribution[v - min] = (distribution[v - min] ?? 0) + 1;
    const mean = values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
    return { answered: values.length, mean, distribution };
  }
  if (q.kind === 'text') {
    return {
      answered: answers.filter((a) => a.text !== null).length,
      mean: null,
      distribution: [],
    };
  }
  const distribution = Array.from({ length: q.optionCount }, () => 0);
  let answered = 0;
  for (const a of answers) {
    if (!a.choices) continue;
    answered += 1;
    for (const c of a.choices)
      if (c >= 0 && c < q.optionCount) distribution[c] = (distribution[c] ?? 0) + 1;
  }
  return { answered, mean: null, distribution };
}
