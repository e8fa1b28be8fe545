/** Workspaces: find by slug, create, and tell whether the database holds any. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/** Creates the workspace repository. */
export function workspaceRepository(db: Kysely<DB>) {
  return {
    async findBySlug(slug: string) {
      return db.selectFrom('workspace').selectAll().where('slug', '=', slug).executeTakeFirst();
    },
    async findById(id: string) {
      return db.selectFrom('workspace').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async list() {
      return db.selectFrom('workspace').selectAll().orderBy('slug').execute();
    },
    /**
     * Deletes a workspace and, by cascade, everything it holds — its audit trail included, which
     * only this explicit purge may delete (see migration 0002).
     */
    async remove(id: string) {
      await db.transaction().execute(async (trx) => {
        await sql`SELECT set_config('strata.audit_purge', 'on', true)`.execute(trx);
        await trx.deleteFrom('workspace').where('id', '=', id).execute();
      });
    },
    async count(): Promise<number> {
      const row = await db
        .selectFrom('workspace')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return row.n;
    },
  };
}
