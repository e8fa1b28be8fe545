/**
 * Mail preferences, the outbox (mails waiting, sent, or retried) and the runs of scheduled jobs:
 * a run is a row keyed by (workspace, job, slot), so a slot runs once across processes.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/** A mail to queue. */
export interface QueuedMail {
  kind: string;
  to: string;
  subject: string;
  body: string;
}

/** Creates the mail repository. */
export function mailRepository(db: Kysely<DB>) {
  return {
    async digestOptOut(workspaceId: string, userId: string): Promise<boolean> {
      const row = await db
        .selectFrom('mail_preference')
        .select('digest_opt_out')
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row?.digest_opt_out ?? false;
    },

    async setDigestOptOut(workspaceId: string, userId: string, optOut: boolean, now: Date) {
      await db
        .insertInto('mail_preference')
        .values({
          workspace_id: workspaceId,
          user_id: userId,
          digest_opt_out: optOut,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc
            .columns(['workspace_id', 'user_id'])
            .doUpdateSet({ digest_opt_out: optOut, updated_at: now }),
        )
        .execute();
    },

    /** Users who turned the digest off. */
    async digestOptOuts(workspaceId: string): Promise<Set<string>> {
      const rows = await db
        .selectFrom('mail_preference')
        .select('user_id')
        .where('workspace_id', '=', workspaceId)
        .where('digest_opt_out', '=', true)
        .execute();
      return new Set(rows.map((r) => r.user_id));
    },

    /**
     * Claims a job slot inside the caller's transaction: a transaction-level advisory lock on the
     * slot (skipped when another process holds it), then the run row (skipped when the slot ran).
     * True when this transaction owns the run.
     */
    async claimRun(workspaceId: string, job: string, slot: string, now: Date): Promise<boolean> {
      const key = `job:${workspaceId}:${job}:${slot}`;
      const lock = await sql<{ locked: boolean }>`
        SELECT pg_try_advisory_xact_lock(hashtextextended(${key}, 0)) AS locked`.execute(db);
      if (!lock.rows[0]?.locked) return false;
      const row = await db
        .insertInto('job_run')
        .values({ workspace_id: workspaceId, job, slot, ran_at: now })
        .onConflict((oc) => oc.doNothing())
        .returning('slot')
        .executeTakeFirst();
      return row !== undefined;
    },

    async setRunDetail(workspaceId: string, job: string, slot: string, detail: string) {
      await db
        .updateTable('job_run')
        .set({ detail })
        .where('workspace_id', '=', workspaceId)
        .where('job', '=', job)
        .where('slot', '=', slot)
        .execute();
    },

    async runs(workspaceId: string) {
      return db
        .selectFrom('job_run')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('ran_at')
        .orderBy('job')
        .orderBy('slot')
        .execute();
    },

    async enqueue(workspaceId: string, mails: readonly QueuedMail[], now: Date) {
      if (mails.length === 0) return;
      await db
        .insertInto('mail_outbox')
        .values(
          mails.map((m) => ({
            workspace_id: workspaceId,
            kind: m.kind,
            to_address: m.to,
            subject: m.subject,
            body: m.body,
            created_at: now,
            next_attempt_at: now,
          })),
        )
        .execute();
    },

    /**
     * Claims up to `limit` mails due for sending: each is leased until `leaseUntil`, so another
     * process does not send it meanwhile (rows another transaction holds are skipped).
     */
    async claimPending(now: Date, leaseUntil: Date, limit: number) {
      return db.transaction().execute(async (trx) => {
        const rows = await trx
          .selectFrom('mail_outbox')
          .selectAll()
          .where('sent_at', 'is', null)
          .where('next_attempt_at', '<=', now)
          .orderBy('created_at')
          .limit(limit)
          .forUpdate()
          .skipLocked()
          .execute();
        if (rows.length === 0) return rows;
        for (const row of rows) {
          await trx
            .updateTable('mail_outbox')
            .set({ next_attempt_at: leaseUntil })
            .where('workspace_id', '=', row.workspace_id)
            .where('id', '=', row.id)
            .execute();
        }
        return rows;
      });
    },

    async markSent(workspaceId: string, id: string, at: Date) {
      await db
        .updateTable('mail_outbox')
        .set({ sent_at: at, attempts: sql<number>`attempts + 1`, last_error: '' })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },

    async markFailed(workspaceId: string, id: string, retryAt: Date, error: string) {
      await db
        .updateTable('mail_outbox')
        .set({
          next_attempt_at: retryAt,
          attempts: sql<number>`attempts + 1`,
          last_error: error.slice(0, 500),
        })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },

    async outbox(workspaceId: string, limit: number) {
      return db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at', 'desc')
        .orderBy('to_address')
        .limit(limit)
        .execute();
    },

    /** Active accounts by id, with e-mail, name and language. */
    async users(workspaceId: string) {
      return db
        .selectFrom('app_user')
        .select(['id', 'email', 'display_name', 'locale', 'role'])
        .where('workspace_id', '=', workspaceId)
        .where('disabled_at', 'is', null)
        .execute();
    },

    /** Editors of each unit (the leads escalations go to). */
    async unitEditors(workspaceId: string) {
      return db
        .selectFrom('user_unit as uu')
        .innerJoin('app_user as u', (join) =>
          join.onRef('u.workspace_id', '=', 'uu.workspace_id').onRef('u.id', '=', 'uu.user_id'),
        )
        .select(['uu.unit_id', 'u.id'])
        .where('uu.workspace_id', '=', workspaceId)
        .where('u.role', '=', 'unit_editor')
        .where('u.disabled_at', 'is', null)
        .execute();
    },
  };
}
