/** Funding lines with their yearly amounts and the actions they finance. */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB, FundingLineTable } from '../schema.ts';
import { deleteLinksOf, insertRows } from './upsert.ts';

export interface AmountRow {
  year: number;
  plannedCents: number;
  committedCents: number;
  spentCents: number;
}

/** Creates the funding repository. */
export function fundingRepository(db: Kysely<DB>) {
  return {
    async allLines(workspaceId: string) {
      return db
        .selectFrom('funding_line')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('title_en')
        .orderBy('id')
        .execute();
    },

    async findLine(workspaceId: string, id: string) {
      return db
        .selectFrom('funding_line')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async allAmounts(workspaceId: string) {
      return db
        .selectFrom('funding_amount')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('year')
        .execute();
    },

    async allActionLinks(workspaceId: string) {
      return db
        .selectFrom('funding_action')
        .select(['funding_line_id', 'action_id'])
        .where('workspace_id', '=', workspaceId)
        .execute();
    },

    async insertLine(values: Insertable<FundingLineTable>) {
      return db
        .insertInto('funding_line')
        .values(values)
        .returning(['id', 'version'])
        .executeTakeFirstOrThrow();
    },

    async updateLineIfVersion(
      workspaceId: string,
      id: string,
      version: number,
      values: Updateable<FundingLineTable>,
    ) {
      return db
        .updateTable('funding_line')
        .set({ ...values, version: version + 1, updated_at: new Date() })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(['id', 'version'])
        .executeTakeFirst();
    },

    /** Sets a line's yearly amounts to exactly `amounts`. */
    async replaceAmounts(workspaceId: string, lineId: string, amounts: readonly AmountRow[]) {
      await deleteLinksOf(db, 'funding_amount', 'funding_line_id', workspaceId, [lineId]);
      await insertRows(
        db,
        'funding_amount',
        [
          'workspace_id',
          'funding_line_id',
          'year',
          'planned_cents',
          'committed_cents',
          'spent_cents',
        ],
        amounts.map((a) => ({
          workspace_id: workspaceId,
          funding_line_id: lineId,
          year: a.year,
          planned_cents: a.plannedCents,
          committed_cents: a.committedCents,
          spent_cents: a.spentCents,
        })),
      );
    },

    /** Sets the actions a line finances to exactly `actionIds`. */
    async replaceActions(workspaceId: string, lineId: string, actionIds: readonly string[]) {
      await deleteLinksOf(db, 'funding_action', 'funding_line_id', workspaceId, [lineId]);
      await insertRows(
        db,
        'funding_action',
        ['workspace_id', 'funding_line_id', 'action_id'],
        [...new Set(actionIds)].map((id) => ({
          workspace_id: workspaceId,
          funding_line_id: lineId,
          action_id: id,
        })),
      );
    },
  };
}
