/**
 * Stakeholder consultations: the questionnaire, respondent tokens (hashes only), responses and
 * answers, links to plan elements and citations by actions.
 */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { ConsultationQuestionTable, ConsultationTable, DB } from '../schema.ts';

/** A question row to insert (options and scale already shaped). */
export type NewQuestion = Omit<
  Insertable<ConsultationQuestionTable>,
  'workspace_id' | 'consultation_id'
>;

/** One stored answer. */
export interface NewAnswer {
  questionId: string;
  rating: number | null;
  choices: number[] | null;
  text: string | null;
}

/** Creates the consultation repository. */
export function consultationRepository(db: Kysely<DB>) {
  const consultations = (workspaceId: string) =>
    db.selectFrom('consultation').selectAll().where('workspace_id', '=', workspaceId);

  return {
    async findById(workspaceId: string, id: string) {
      return consultations(workspaceId).where('id', '=', id).executeTakeFirst();
    },

    async list(workspaceId: string, unitId?: string) {
      let query = consultations(workspaceId);
      if (unitId) query = query.where('unit_id', '=', unitId);
      return query.orderBy('code').orderBy('revision', 'desc').execute();
    },

    async unitName(workspaceId: string, unitId: string) {
      return db
        .selectFrom('unit')
        .select(['name_fr', 'name_en'])
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', unitId)
        .executeTakeFirst();
    },

    async findBySharedHash(workspaceId: string, hash: string) {
      return consultations(workspaceId).where('shared_token_hash', '=', hash).executeTakeFirst();
    },

    /** Whether another consultation (any revision) than those of `exceptCode` uses `code`. */
    async codeTaken(workspaceId: string, code: string) {
      const row = await db
        .selectFrom('consultation')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('code', '=', code)
        .executeTakeFirst();
      return row !== undefined;
    },

    async latestRevision(workspaceId: string, code: string) {
      const row = await db
        .selectFrom('consultation')
        .select((eb) => eb.fn.max('revision').as('revision'))
        .where('workspace_id', '=', workspaceId)
        .where('code', '=', code)
        .executeTakeFirst();
      return row?.revision ?? 0;
    },

    async insert(values: Insertable<ConsultationTable>) {
      return db
        .insertInto('consultation')
        .values(values)
        .returning(['id'])
        .executeTakeFirstOrThrow();
    },

    async updateIfVersion(
      workspaceId: string,
      id: string,
      version: number,
      values: Updateable<ConsultationTable>,
    ) {
      return db
        .updateTable('consultation')
        .set({ ...values, version: version + 1, updated_at: new Date() })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(['id'])
        .executeTakeFirst();
    },

    async questions(workspaceId: string, consultationIds: readonly string[]) {
      if (consultationIds.length === 0) return [];
      return db
        .selectFrom('consultation_question')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('consultation_id', 'in', [...consultationIds])
        .orderBy('consultation_id')
        .orderBy('position')
        .execute();
    },

    /** Replaces the questions of a draft (a draft has no answers yet). */
    async replaceQuestions(
      workspaceId: string,
      consultationId: string,
      rows: readonly NewQuestion[],
    ) {
      await db
        .deleteFrom('consultation_question')
        .where('workspace_id', '=', workspaceId)
        .where('consultation_id', '=', consultationId)
        .execute();
      if (rows.length === 0) return;
      await db
        .insertInto('consultation_question')
        .values(
          rows.map((r) => ({ ...r, workspace_id: workspaceId, consultation_id: consultationId })),
        )
        .execute();
    },

    /** Responses per consultation. */
    async responseCounts(workspaceId: string) {
      const rows = await db
        .selectFrom('consultation_response')
        .select(['consultation_id', (eb) => eb.fn.countAll<string>().as('n')])
        .where('workspace_id', '=', workspaceId)
        .groupBy('consultation_id')
        .execute();
      return new Map(rows.map((r) => [r.consultation_id, Number(r.n)]));
    },

    async tokenCounts(workspaceId: string, consultationId: string) {
      const row = await db
        .selectFrom('consultation_token as t')
        .leftJoin('consultation_token_use as u', (join) =>
          join.onRef('u.workspace_id', '=', 't.workspace_id').onRef('u.token_id', '=', 't.id'),
        )
        .select((eb) => [
          eb.fn.count<string>('t.id').as('issued'),
          eb.fn.count<string>('u.token_id').as('used'),
        ])
        .where('t.workspace_id', '=', workspaceId)
        .where('t.consultation_id', '=', consultationId)
        .executeTakeFirst();
      return { issued: Number(row?.issued ?? 0), used: Number(row?.used ?? 0) };
    },

    async insertTokens(
      workspaceId: string,
      consultationId: string,
      tokens: readonly { hash: string; label: string }[],
    ) {
      if (tokens.length === 0) return;
      await db
        .insertInto('consultation_token')
        .values(
          tokens.map((t) => ({
            workspace_id: workspaceId,
            consultation_id: consultationId,
            token_hash: t.hash,
            label: t.label,
          })),
        )
        .execute();
    },

    async findToken(workspaceId: string, hash: string) {
      return db
        .selectFrom('consultation_token as t')
        .leftJoin('consultation_token_use as u', (join) =>
          join.onRef('u.workspace_id', '=', 't.workspace_id').onRef('u.token_id', '=', 't.id'),
        )
        .select(['t.id', 't.consultation_id', 't.label', 'u.token_id as used'])
        .where('t.workspace_id', '=', workspaceId)
        .where('t.token_hash', '=', hash)
        .executeTakeFirst();
    },

    /**
     * Marks a token used; false when it already was. The primary key decides: of two concurrent
     * claims, the second waits for the first and then inserts nothing.
     */
    async claimToken(workspaceId: string, tokenId: string): Promise<boolean> {
      const row = await db
        .insertInto('consultation_token_use')
        .values({ workspace_id: workspaceId, token_id: tokenId })
        .onConflict((oc) => oc.doNothing())
        .returning('token_id')
        .executeTakeFirst();
      return row !== undefined;
    },

    async insertResponse(
      workspaceId: string,
      consultationId: string,
      tokenId: string | null,
      answers: readonly NewAnswer[],
    ) {
      const { id } = await db
        .insertInto('consultation_response')
        .values({ workspace_id: workspaceId, consultation_id: consultationId, token_id: tokenId })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (answers.length > 0) {
        await db
          .insertInto('consultation_answer')
          .values(
            answers.map((a) => ({
              workspace_id: workspaceId,
              consultation_id: consultationId,
              response_id: id,
              question_id: a.questionId,
              rating: a.rating,
              choices: a.choices === null ? null : JSON.stringify(a.choices),
              text_value: a.text,
            })),
          )
          .execute();
      }
      return id;
    },

    async answers(workspaceId: string, consultationIds: readonly string[]) {
      if (consultationIds.length === 0) return [];
      return db
        .selectFrom('consultation_answer')
        .select([
          'consultation_id',
          'response_id',
          'question_id',
          'rating',
          'choices',
          'text_value',
        ])
        .where('workspace_id', '=', workspaceId)
        .where('consultation_id', 'in', [...consultationIds])
        .execute();
    },

    /** Responses, oldest first, with the respondent's label when the response names its token. */
    async responses(workspaceId: string, consultationId: string) {
      return db
        .selectFrom('consultation_response as r')
        .leftJoin('consultation_token as t', (join) =>
          join.onRef('t.workspace_id', '=', 'r.workspace_id').onRef('t.id', '=', 'r.token_id'),
        )
        .select(['r.id', 'r.submitted_at', 't.label'])
        .where('r.workspace_id', '=', workspaceId)
        .where('r.consultation_id', '=', consultationId)
        .orderBy('r.submitted_at')
        .orderBy('r.id')
        .execute();
    },

    async links(workspaceId: string, consultationId: string) {
      return db
        .selectFrom('consultation_element')
        .select(['element_id', 'question_id'])
        .where('workspace_id', '=', workspaceId)
        .where('consultation_id', '=', consultationId)
        .orderBy('element_id')
        .execute();
    },

    async replaceLinks(
      workspaceId: string,
      consultationId: string,
      links: readonly { elementId: string; questionId: string | null }[],
    ) {
      await db
        .deleteFrom('consultation_element')
        .where('workspace_id', '=', workspaceId)
        .where('consultation_id', '=', consultationId)
        .execute();
      if (links.length === 0) return;
      await db
        .insertInto('consultation_element')
        .values(
          links.map((l) => ({
            workspace_id: workspaceId,
            consultation_id: consultationId,
            element_id: l.elementId,
            question_id: l.questionId,
          })),
        )
        .execute();
    },

    /** Links of results to one element. */
    async linksOfElement(workspaceId: string, elementId: string) {
      return db
        .selectFrom('consultation_element')
        .select(['consultation_id', 'question_id'])
        .where('workspace_id', '=', workspaceId)
        .where('element_id', '=', elementId)
        .execute();
    },

    async citedBy(workspaceId: string, consultationId: string) {
      return db
        .selectFrom('action_consultation as ac')
        .innerJoin('action as a', (join) =>
          join.onRef('a.workspace_id', '=', 'ac.workspace_id').onRef('a.id', '=', 'ac.action_id'),
        )
        .select(['a.id', 'a.code', 'a.title_fr', 'a.title_en'])
        .where('ac.workspace_id', '=', workspaceId)
        .where('ac.consultation_id', '=', consultationId)
        .orderBy('a.code')
        .execute();
    },

    async citationsOf(workspaceId: string, actionId: string) {
      const rows = await db
        .selectFrom('action_consultation')
        .select('consultation_id')
        .where('workspace_id', '=', workspaceId)
        .where('action_id', '=', actionId)
        .execute();
      return rows.map((r) => r.consultation_id);
    },

    async replaceCitations(
      workspaceId: string,
      actionId: string,
      consultationIds: readonly string[],
    ) {
      await db
        .deleteFrom('action_consultation')
        .where('workspace_id', '=', workspaceId)
        .where('action_id', '=', actionId)
        .execute();
      if (consultationIds.length === 0) return;
      await db
        .insertInto('action_consultation')
        .values(
          [...new Set(consultationIds)].map((id) => ({
            workspace_id: workspaceId,
            action_id: actionId,
            consultation_id: id,
          })),
        )
        .execute();
    },
  };
}

export type ConsultationRepository = ReturnType<typeof consultationRepository>;
export type ConsultationRow = NonNullable<Awaited<ReturnType<ConsultationRepository['findById']>>>;
export type QuestionRow = Awaited<ReturnType<ConsultationRepository['questions']>>[number];
