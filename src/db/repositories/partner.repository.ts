/** Partners and agreements: reads of a workspace's registry, writes under a version check, merges. */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { AgreementTable, DB, PartnerTable } from '../schema.ts';
import { deleteLinksOf, insertRows } from './upsert.ts';

/** The link tables of an agreement and the column naming what each links to. */
export const AGREEMENT_LINKS = {
  agreement_unit: 'unit_id',
  agreement_element: 'element_id',
  agreement_action: 'action_id',
  agreement_indicator: 'indicator_id',
} as const;
export type AgreementLinkTable = keyof typeof AGREEMENT_LINKS;

/** Creates the partner repository. */
export function partnerRepository(db: Kysely<DB>) {
  return {
    async allPartners(workspaceId: string) {
      return db
        .selectFrom('partner')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('name')
        .orderBy('id')
        .execute();
    },

    async findPartner(workspaceId: string, id: string) {
      return db
        .selectFrom('partner')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** The partner holding `siren`, other than `exceptId`. */
    async partnerWithSiren(workspaceId: string, siren: string, exceptId?: string) {
      let query = db
        .selectFrom('partner')
        .select(['id', 'name'])
        .where('workspace_id', '=', workspaceId)
        .where('siren', '=', siren);
      if (exceptId) query = query.where('id', '<>', exceptId);
      return query.executeTakeFirst();
    },

    async insertPartner(values: Insertable<PartnerTable>) {
      return db
        .insertInto('partner')
        .values(values)
        .returning(['id', 'version'])
        .executeTakeFirstOrThrow();
    },

    async updatePartnerIfVersion(
      workspaceId: string,
      id: string,
      version: number,
      values: Updateable<PartnerTable>,
    ) {
      return db
        .updateTable('partner')
        .set({ ...values, version: version + 1, updated_at: new Date() })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(['id', 'version'])
        .executeTakeFirst();
    },

    async deletePartner(workspaceId: string, id: string) {
      await db
        .deleteFrom('partner')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },

    async allAgreements(workspaceId: string) {
      return db
        .selectFrom('agreement')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('start_date', 'desc')
        .orderBy('id')
        .execute();
    },

    async findAgreement(workspaceId: string, id: string) {
      return db
        .selectFrom('agreement')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Every link of the workspace's agreements, as (agreement, target) pairs per table. */
    async agreementLinks(workspaceId: string) {
      const [units, elements, actions, indicators] = await Promise.all([
        db
          .selectFrom('agreement_unit')
          .select(['agreement_id', 'unit_id as target'])
          .where('workspace_id', '=', workspaceId)
          .execute(),
        db
          .selectFrom('agreement_element')
          .select(['agreement_id', 'element_id as target'])
          .where('workspace_id', '=', workspaceId)
          .execute(),
        db
          .selectFrom('agreement_action')
          .select(['agreement_id', 'action_id as target'])
          .where('workspace_id', '=', workspaceId)
          .execute(),
        db
          .selectFrom('agreement_indicator')
          .select(['agreement_id', 'indicator_id as target'])
          .where('workspace_id', '=', workspaceId)
          .execute(),
      ]);
      return { units, elements, actions, indicators };
    },

    async insertAgreement(values: Insertable<AgreementTable>) {
      return db
        .insertInto('agreement')
        .values(values)
        .returning(['id', 'version'])
        .executeTakeFirstOrThrow();
    },

    async updateAgreementIfVersion(
      workspaceId: string,
      id: string,
      version: number,
      values: Updateable<AgreementTable>,
    ) {
      return db
        .updateTable('agreement')
        .set({ ...values, version: version + 1, updated_at: new Date() })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(['id', 'version'])
        .executeTakeFirst();
    },

    /** Sets the links of one agreement in `table` to exactly `ids`. */
    async replaceAgreementLinks(
      workspaceId: string,
      agreementId: string,
      table: AgreementLinkTable,
      ids: readonly string[],
    ) {
      const target = AGREEMENT_LINKS[table];
      await deleteLinksOf(db, table, 'agreement_id', workspaceId, [agreementId]);
      await insertRows(
        db,
        table,
        ['workspace_id', 'agreement_id', target],
        [...new Set(ids)].map((id) => ({
          workspace_id: workspaceId,
          agreement_id: agreementId,
          [target]: id,
        })),
      );
    },

    /** The schools named by the agreements of a partner. */
    async involvedUnits(workspaceId: string, partnerId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('agreement_unit')
        .innerJoin('agreement', (join) =>
          join
            .onRef('agreement.workspace_id', '=', 'agreement_unit.workspace_id')
            .onRef('agreement.id', '=', 'agreement_unit.agreement_id'),
        )
        .select('agreement_unit.unit_id')
        .distinct()
        .where('agreement.workspace_id', '=', workspaceId)
        .where('agreement.partner_id', '=', partnerId)
        .execute();
      return rows.map((r) => r.unit_id);
    },

    /** Moves agreements, contacts and funding lines of `fromId` to `toId`; returns the moved ids. */
    async moveEverything(workspaceId: string, fromId: string, toId: string) {
      const agreements = await db
        .updateTable('agreement')
        .set({ partner_id: toId, updated_at: new Date() })
        .where('workspace_id', '=', workspaceId)
        .where('partner_id', '=', fromId)
        .returning('id')
        .execute();
      const contacts = await db
        .updateTable('contact')
        .set({ partner_id: toId, updated_at: new Date() })
        .where('workspace_id', '=', workspaceId)
        .where('partner_id', '=', fromId)
        .returning('id')
        .execute();
      const fundingLines = await db
        .updateTable('funding_line')
        .set({ funder_partner_id: toId, updated_at: new Date() })
        .where('workspace_id', '=', workspaceId)
        .where('funder_partner_id', '=', fromId)
        .returning('id')
        .execute();
      const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
      return {
        agreements: ids(agreements),
        contacts: ids(contacts),
        fundingLines: ids(fundingLines),
      };
    },
  };
}
