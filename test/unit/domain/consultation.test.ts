/** The consultation rules: state in time, who builds, checking answers, tallying results. */
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, systemPrincipal, type Principal } from '../../../src/domain/access.ts';
import {
  canWriteConsultation,
  checkAnswers,
  consultationState,
  tally,
  type QuestionShape,
} from '../../../src/domain/consultation.ts';

const Q: QuestionShape[] = [
  { id: 'r', kind: 'rating', required: true, scaleMin: 0, scaleMax: 10, optionCount: 0 },
  { id: 's', kind: 'single', required: false, scaleMin: null, scaleMax: null, optionCount: 3 },
  { id: 'm', kind: 'multiple', required: false, scaleMin: null, scaleMax: null, optionCount: 3 },
  { id: 't', kind: 'text', required: false, scaleMin: null, scaleMax: null, optionCount: 0 },
];

const editor = (unitIds: string[]): Principal => ({
  ...systemPrincipal(),
  kind: 'user',
  role: 'unit_editor',
  unitIds,
  label: 'e',
});

describe('consultationState', () => {
  const at = (iso: string) => new Date(iso);
  const c = (status: string, opens: string | null, closes: string | null) => ({
    status,
    opensAt: opens ? at(opens) : null,
    closesAt: closes ? at(closes) : null,
  });
  it.each([
    [c('draft', null, null), '2026-01-01', 'draft'],
    [c('published', null, null), '2026-01-01', 'open'],
    [c('published', '2026-02-01', null), '2026-01-01', 'scheduled'],
    [c('published', '2026-02-01', '2026-03-01'), '2026-02-01', 'open'],
    [c('published', null, '2026-03-01'), '2026-03-01', 'closed'],
  ])('%o at %s is %s', (consultation, now, state) => {
    expect(consultationState(consultation, at(now))).toBe(state);
  });
});

describe('canWriteConsultation', () => {
  it('lets the office and the unit’s editors build, nobody else', () => {
    expect(canWriteConsultation(systemPrincipal(), 'u1')).toBe(true);
    expect(canWriteConsultation(editor(['u1']), 'u1')).toBe(true);
    expect(canWriteConsultation(editor(['u2']), 'u1')).toBe(false);
    expect(canWriteConsultation({ ...editor(['u1']), readOnly: true }, 'u1')).toBe(false);
    expect(canWriteConsultation({ ...editor(['u1']), role: 'governance' }, 'u1')).toBe(false);
    expect(canWriteConsultation(ANONYMOUS, 'u1')).toBe(false);
  });
});

describe('checkAnswers', () => {
  it('keeps valid answers, sorts choices, drops blank text', () => {
    const result = checkAnswers(Q, [
      { questionId: 'r', rating: 0 },
      { questionId: 'm', choices: [2, 0] },
      { questionId: 't', text: '   ' },
    ]);
    expect(result).toEqual({
      answers: [
        { questionId: 'r', rating: 0, choices: null, text: null },
        { questionId: 'm', rating: null, choices: [0, 2], text: null },
      ],
    });
  });
  it.each([
    [[], '/answers'],
    [[{ questionId: 'r', rating: 11 }], '/answers/0/rating'],
    [[{ questionId: 'r', rating: 2.5 }], '/answers/0/rating'],
    [
      [
        { questionId: 'r', rating: 3 },
        { questionId: 's', choices: [0, 1] },
      ],
      '/answers/1/choices',
    ],
    [
      [
        { questionId: 'r', rating: 3 },
        { questionId: 'm', choices: [1, 1] },
      ],
      '/answers/1/choices',
    ],
    [
      [
        { questionId: 'r', rating: 3 },
        { questionId: 'm', choices: [3] },
      ],
      '/answers/1/choices',
    ],
    [
      [
        { questionId: 'r', rating: 3 },
        { questionId: 'x', rating: 3 },
      ],
      '/answers/1/questionId',
    ],
    [[{ questionId: 'r', rating: 3, text: 'a' }], '/answers/0'],
    [[{ questionId: 'r', text: 'a' }], '/answers/0/rating'],
  ])('refuses %j naming %s', (answers, field) => {
    const result = checkAnswers(Q, answers);
    expect('problem' in result && result.problem.field).toBe(field);
  });
});

describe('tally', () => {
  it('counts a 0–10 rating from zero, with its mean', () => {
    const counted = tally(Q[0] as QuestionShape, [
      { rating: 0, choices: null, text: null },
      { rating: 10, choices: null, text: null },
      { rating: 5, choices: null, text: null },
    ]);
    expect(counted.answered).toBe(3);
    expect(counted.mean).toBe(5);
    expect(counted.distribution).toHaveLength(11);
    expect(counted.distribution[0]).toBe(1);
    expect(counted.distribution[10]).toBe(1);
  });
  it('counts each option of a multiple choice', () => {
    const counted = tally(Q[2] as QuestionShape, [
      { rating: null, choices: [0, 2], text: null },
      { rating: null, choices: [2], text: null },
    ]);
    expect(counted).toEqual({ answered: 2, mean: null, distribution: [1, 0, 2] });
  });
});
