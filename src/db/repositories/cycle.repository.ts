/**
 * Reporting cycles, their items and assignees, and the append-only check-in entries, read as of
 * any date (records made before the end of that day).
 */
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB } from '../schema.ts';
import type { CheckInEntryTable, ReportingCycleTable } from '../schema-cycles.ts';
import { endOfDay } from './as-of.ts';

/** Filters of an item list; every one optional. */
export interface ItemFilter {
  cycleId?: string | undefined;
  itemId?: string | undefined;
  elementId?: string | undefined;
  actionId?: string | undefined;
  /** Only items assigned to this user. */
  assigneeId?: string | undefined;
}

/** The end of an "as of" day, as a timestamp to compare record times with. */
const until = (asOf: string) => sql<Date>`${endOfDay(asOf)}::timestamptz`;

/** Creates the cycle repository. */
export function cycleRepository(db: Kysely<DB>) {
  return {
    /** Cycles that existed at the end of `asOf`, latest due first. */
    async list(workspaceId: string, asOf: string) {
      return db
        .selectFrom('reporting_cycle')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('created_at', '<=', until(asOf))
        .orderBy('due_on', 'desc')
        .orderBy('code')
        .execute();
    },

    async findById(workspaceId: string, id: string) {
      return db
        .selectFrom('reporting_cycle')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async codeTaken(workspaceId: string, code: string) {
      const row = await db
        .selectFrom('reporting_cycle')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('code', '=', code)
        .executeTakeFirst();
      return row !== undefined;
    },

    async insert(values: Insertable<ReportingCycleTable>) {
      return db
        .insertInto('reporting_cycle')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    async updateIfVersion(
      workspaceId: string,
      id: string,
      version: number,
      values: Updateable<ReportingCycleTable>,
      now: Date,
    ) {
      return db
        .updateTable('reporting_cycle')
        .set({ ...values, version: version + 1, updated_at: now })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning('id')
        .executeTakeFirst();
    },

    /** Items matching `filter` that existed at the end of `asOf`. */
    async items(workspaceId: string, filter: ItemFilter, asOf: string) {
      let query = db
        .selectFrom('cycle_item')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('created_at', '<=', until(asOf));
      if (filter.cycleId) query = query.where('cycle_id', '=', filter.cycleId);
      if (filter.itemId) query = query.where('id', '=', filter.itemId);
      if (filter.elementId) query = query.where('element_id', '=', filter.elementId);
      if (filter.actionId) query = query.where('action_id', '=', filter.actionId);
      if (filter.assigneeId) {
        const userId = filter.assigneeId;
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('cycle_item_assignee as a')
              .select('a.item_id')
              .whereRef('a.workspace_id', '=', 'cycle_item.workspace_id')
              .whereRef('a.item_id', '=', 'cycle_item.id')
              .where('a.user_id', '=', userId),
          ),
        );
      }
      return query.orderBy('created_at').orderBy('id').execute();
    },

    async insertItems(
      rows: {
        workspace_id: string;
        cycle_id: string;
        element_id: string | null;
        action_id: string | null;
        unit_id: string;
        created_at: Date;
      }[],
    ) {
      if (rows.length === 0) return [];
      return db
        .insertInto('cycle_item')
        .values(rows)
        .returning(['id', 'element_id', 'action_id', 'unit_id'])
        .execute();
    },

    /** Assignees of items, with a label (name, else e-mail). */
    async assignees(workspaceId: string, itemIds: readonly string[]) {
      if (itemIds.length === 0) return [];
      return db
        .selectFrom('cycle_item_assignee as a')
        .innerJoin('app_user as u', (join) =>
          join.onRef('u.workspace_id', '=', 'a.workspace_id').onRef('u.id', '=', 'a.user_id'),
        )
        .select(['a.item_id', 'u.id', 'u.email', 'u.display_name', 'u.locale', 'u.disabled_at'])
        .where('a.workspace_id', '=', workspaceId)
        .where('a.item_id', 'in', itemIds)
        .orderBy('u.email')
        .execute();
    },

    /**
     * Active accounts a cycle's items may be assigned to: those holding a grant in one of its
     * units, those assigned to one of its elements or actions, and its current assignees.
     */
    async assignable(workspaceId: string, cycleId: string) {
      const items = db
        .selectFrom('cycle_item')
        .where('workspace_id', '=', workspaceId)
        .where('cycle_id', '=', cycleId);
      return db
        .selectFrom('app_user as u')
        .select(['u.id', 'u.email', 'u.display_name'])
        .where('u.workspace_id', '=', workspaceId)
        .where('u.disabled_at', 'is', null)
        .where((eb) =>
          eb.or([
            eb(
              'u.id',
              'in',
              eb
                .selectFrom('user_unit')
                .select('user_id')
                .where('workspace_id', '=', workspaceId)
                .where('unit_id', 'in', items.select('unit_id')),
            ),
            eb(
              'u.id',
              'in',
              eb
                .selectFrom('element_assignee')
                .select('user_id')
                .where('workspace_id', '=', workspaceId)
                .where('element_id', 'in', items.select('element_id')),
            ),
            eb(
              'u.id',
              'in',
              eb
                .selectFrom('action_assignee')
                .select('user_id')
                .where('workspace_id', '=', workspaceId)
                .where('action_id', 'in', items.select('action_id')),
            ),
            eb(
              'u.id',
              'in',
              eb
                .selectFrom('cycle_item_assignee')
                .select('user_id')
                .where('workspace_id', '=', workspaceId)
                .where('item_id', 'in', items.select('id')),
            ),
          ]),
        )
        .execute();
    },

    async replaceAssignees(workspaceId: string, itemId: string, userIds: readonly string[]) {
      await db
        .deleteFrom('cycle_item_assignee')
        .where('workspace_id', '=', workspaceId)
        .where('item_id', '=', itemId)
        .execute();
      await this.addAssignees(
        workspaceId,
        userIds.map((userId) => ({ itemId, userId })),
      );
    },

    async addAssignees(workspaceId: string, pairs: readonly { itemId: string; userId: string }[]) {
      if (pairs.length === 0) return;
      await db
        .insertInto('cycle_item_assignee')
        .values(
          pairs.map((p) => ({ workspace_id: workspaceId, item_id: p.itemId, user_id: p.userId })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
    },

    /** Active users assigned to elements, to actions, and editors of units (for derived assignees). */
    async owners(workspaceId: string) {
      const active = (eb: Kysely<DB>) =>
        eb
          .selectFrom('app_user')
          .select('id')
          .where('workspace_id', '=', workspaceId)
          .where('disabled_at', 'is', null);
      const [elements, actions, editors] = await Promise.all([
        db
          .selectFrom('element_assignee')
          .select(['element_id as target', 'user_id'])
          .where('workspace_id', '=', workspaceId)
          .where('user_id', 'in', active(db))
          .execute(),
        db
          .selectFrom('action_assignee')
          .select(['action_id as target', 'user_id'])
          .where('workspace_id', '=', workspaceId)
          .where('user_id', 'in', active(db))
          .execute(),
        db
          .selectFrom('user_unit as uu')
          .innerJoin('app_user as u', (join) =>
            join.onRef('u.workspace_id', '=', 'uu.workspace_id').onRef('u.id', '=', 'uu.user_id'),
          )
          .select(['uu.unit_id as target', 'uu.user_id'])
          .where('uu.workspace_id', '=', workspaceId)
          .where('u.role', '=', 'unit_editor')
          .where('u.disabled_at', 'is', null)
          .execute(),
      ]);
      return { elements, actions, editors };
    },

    /** The latest entry of each item recorded by the end of `asOf`. */
    async latestEntries(workspaceId: string, itemIds: readonly string[], asOf: string) {
      if (itemIds.length === 0) return [];
      return db
        .selectFrom('check_in_entry')
        .selectAll()
        .distinctOn('item_id')
        .where('workspace_id', '=', workspaceId)
        .where('item_id', 'in', itemIds)
        .where('recorded_at', '<=', until(asOf))
        .orderBy('item_id')
        .orderBy('seq', 'desc')
        .execute();
    },

    /** Every entry of an item recorded by the end of `asOf`, newest first. */
    async history(workspaceId: string, itemId: string, asOf: string) {
      return db
        .selectFrom('check_in_entry')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('item_id', '=', itemId)
        .where('recorded_at', '<=', until(asOf))
        .orderBy('seq', 'desc')
        .execute();
    },

    /** The newest entry of an item, whenever recorded (the one a write follows). */
    async lastEntry(workspaceId: string, itemId: string) {
      return db
        .selectFrom('check_in_entry')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('item_id', '=', itemId)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
    },

    /** Serialises writers of one item until the transaction ends. */
    async lockItem(itemId: string) {
      await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`check-in:${itemId}`}, 0))`.execute(
        db,
      );
    },

    async insertEntry(values: Insertable<CheckInEntryTable>) {
      return db
        .insertInto('check_in_entry')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    /** Current values (as of) of indicators for one unit and period. */
    async figures(
      workspaceId: string,
      indicatorIds: readonly string[],
      unitId: string,
      period: string,
      asOf: string,
    ) {
      if (indicatorIds.length === 0) return [];
      return db
        .selectFrom('measurement')
        .select(['indicator_id', 'value'])
        .distinctOn('indicator_id')
        .where('workspace_id', '=', workspaceId)
        .where('indicator_id', 'in', indicatorIds)
        .where('unit_id', '=', unitId)
        .where('period', '=', period)
        .where('recorded_at', '<=', until(asOf))
        .orderBy('indicator_id')
        .orderBy('recorded_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
    },

    /** Which of `ids` are accounts of the workspace. */
    async userIds(workspaceId: string, ids: readonly string[]) {
      if (ids.length === 0) return new Set<string>();
      const rows = await db
        .selectFrom('app_user')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', ids)
        .execute();
      return new Set(rows.map((r) => r.id));
    },

    /** Closed cycles with an item reported by `unitId` (period locking of figures). */
    async closedCyclesOfUnit(workspaceId: string, unitId: string) {
      return db
        .selectFrom('reporting_cycle as c')
        .select(['c.id', 'c.code', 'c.period'])
        .where('c.workspace_id', '=', workspaceId)
        .where('c.closed_at', 'is not', null)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('cycle_item as i')
              .select('i.id')
              .whereRef('i.workspace_id', '=', 'c.workspace_id')
              .whereRef('i.cycle_id', '=', 'c.id')
              .where('i.unit_id', '=', unitId),
          ),
        )
        .execute();
    },
  };
}

/** The cycle repository's type. */
export type CycleRepository = ReturnType<typeof cycleRepository>;
