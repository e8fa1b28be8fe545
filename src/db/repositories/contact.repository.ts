/** Contacts of partners: personal data, read by partner or id, changed under a version check, erased. */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { ContactTable, DB } from '../schema.ts';

/** Creates the contact repository. */
export function contactRepository(db: Kysely<DB>) {
  return {
    async byPartner(workspaceId: string, partnerId: string) {
      return db
        .selectFrom('contact')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('partner_id', '=', partnerId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    },

    async findById(workspaceId: string, id: string) {
      return db
        .selectFrom('contact')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async insert(values: Insertable<ContactTable>) {
      return db
        .insertInto('contact')
        .values(values)
        .returning(['id', 'version'])
        .executeTakeFirstOrThrow();
    },

    async updateIfVersion(
      workspaceId: string,
      id: string,
      version: number,
      values: Updateable<ContactTable>,
    ) {
      return db
        .updateTable('contact')
        .set({ ...values, version: version + 1, updated_at: new Date() })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where('version', '=', version)
        .where('erased_at', 'is', null)
        .returning(['id', 'version'])
        .executeTakeFirst();
    },

    /** Blanks every personal field in place and records when; purpose and legal basis stay. */
    async erase(workspaceId: string, id: string, at: Date) {
      return db
        .updateTable('contact')
        .set((eb) => ({
          full_name: '',
          email: null,
          phone: '',
          job_title: '',
          note: '',
          erased_at: at,
          updated_at: at,
          version: eb('version', '+', 1),
        }))
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .returning(['id', 'version'])
        .executeTakeFirst();
    },
  };
}
