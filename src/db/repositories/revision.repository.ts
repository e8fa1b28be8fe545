/** Plan revisions (immutable once adopted) and mid-term reviews. */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/** The columns of a revision without its document. */
const SUMMARY = [
  'id',
  'plan_id',
  'number',
  'label',
  'kind',
  'reason',
  'adopted_on',
  'created_at',
  'created_by',
] as const;

/** Creates the revision repository. */
export function revisionRepository(db: Kysely<DB>) {
  return {
    /** A plan's revisions, oldest first, without their documents. */
    async list(workspaceId: string, planId: string) {
      return db
        .selectFrom('plan_revision')
        .select(SUMMARY)
        .where('workspace_id', '=', workspaceId)
        .where('plan_id', '=', planId)
        .orderBy('number')
        .execute();
    },

    /** One revision of a plan by number, with its document and target reasons. */
    async byNumber(workspaceId: string, planId: string, number: number) {
      return db
        .selectFrom('plan_revision')
        .select([...SUMMARY, 'snapshot', 'target_reasons'])
        .where('workspace_id', '=', workspaceId)
        .where('plan_id', '=', planId)
        .where('number', '=', number)
        .executeTakeFirst();
    },

    /** The latest revision of a plan, with its document. */
    async latest(workspaceId: string, planId: string) {
      return db
        .selectFrom('plan_revision')
        .select([...SUMMARY, 'snapshot', 'target_reasons'])
        .where('workspace_id', '=', workspaceId)
        .where('plan_id', '=', planId)
        .orderBy('number', 'desc')
        .limit(1)
        .executeTakeFirst();
    },

    async insert(values: {
      workspaceId: string;
      planId: string;
      number: number;
      label: string;
      kind: 'initial' | 'revision' | 'mid_term';
      reason: string;
      adoptedOn: string;
      createdBy: string;
      snapshot: unknown;
      targetReasons: Record<string, string>;
    }) {
      return db
        .insertInto('plan_revision')
        .values({
          workspace_id: values.workspaceId,
          plan_id: values.planId,
          number: values.number,
          label: values.label,
          kind: values.kind,
          reason: values.reason,
          adopted_on: values.adoptedOn,
          created_by: values.createdBy,
          snapshot: JSON.stringify(values.snapshot),
          target_reasons: JSON.stringify(values.targetReasons),
        })
        .returning(SUMMARY)
        .executeTakeFirstOrThrow();
    },

    /** The open mid-term review of a plan, if any. */
    async openReview(workspaceId: string, planId: string) {
      return db
        .selectFrom('plan_review')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('plan_id', '=', planId)
        .where('revision_id', 'is', null)
        .executeTakeFirst();
    },

    async startReview(values: {
      workspaceId: string;
      planId: string;
      baseRevisionId: string;
      label: string;
      startedBy: string;
    }) {
      return db
        .insertInto('plan_review')
        .values({
          workspace_id: values.workspaceId,
          plan_id: values.planId,
          base_revision_id: values.baseRevisionId,
          label: values.label,
          started_by: values.startedBy,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    /** Closes a review with the revision that ended it. */
    async closeReview(workspaceId: string, reviewId: string, revisionId: string) {
      await db
        .updateTable('plan_review')
        .set({ revision_id: revisionId })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', reviewId)
        .where('revision_id', 'is', null)
        .execute();
    },

    /** Serialises adoptions of one plan's revisions inside the caller's transaction. */
    async lockPlan(workspaceId: string, planId: string) {
      await db
        .selectFrom('plan')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', planId)
        .forUpdate()
        .executeTakeFirst();
    },
  };
}
