/**
 * Indicators and actions from a spreadsheet, matched by code and written through their own
 * services (`createInTransaction` / `updateInTransaction`), so permissions, validation and
 * audit are exactly those of the API. A row equal to the stored entity is skipped; only the
 * columns present in the file are compared and changed.
 */
import type { ActionCreate, IndicatorCreate } from '../../../contracts/index.ts';
import type { TypedRecord } from '../../../domain/tabular/kinds.ts';
import type { CellProblem } from '../../../domain/tabular/sheet.ts';
import type { ActionState, Aggregation, Direction, Frequency } from '../../../domain/types.ts';
import { actionRepository } from '../../../db/repositories/action.repository.ts';
import { indicatorRepository } from '../../../db/repositories/indicator.repository.ts';
import { actionsService } from '../../actions.service.ts';
import { indicatorsService } from '../../indicators.service.ts';
import { AppError } from '../../errors.ts';
import { actionEtag, indicatorEtag } from '../../etags.ts';
import {
  byCode,
  numberOf,
  problemAt,
  textOf,
  type KindWriter,
  type WriteCounts,
  type WriterContext,
} from './types.ts';

/** What one row becomes: the full input for a creation, and the changes against a stored row. */
interface EntityPlan<C> {
  input: C | null;
  existing: { id: string; changes: Partial<C> } | null;
}

/**
 * Runs each row's create or update, turning the services' refusals into row problems; two rows
 * with the same identity (`identity`, default: the code column) are a problem at the second.
 */
export async function writeEach<C>(
  ctx: WriterContext,
  records: TypedRecord[],
  problems: CellProblem[],
  plan: (record: TypedRecord) => EntityPlan<C> | Promise<EntityPlan<C>>,
  create: (input: C) => Promise<unknown>,
  update: (id: string, changes: Partial<C>) => Promise<unknown>,
  identity = { column: 'code', of: (record: TypedRecord) => textOf(record, 'code').toLowerCase() },
): Promise<WriteCounts> {
  const counts: WriteCounts = { created: 0, updated: 0, skipped: 0 };
  const seen = new Map<string, number>();
  let done = 0;
  for (const record of records) {
    const key = identity.of(record);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(
        problemAt(
          record,
          identity.column,
          identity.column,
          `same ${identity.column} as row ${first}`,
        ),
      );
      continue;
    }
    seen.set(key, record.line);
    try {
      const p = await plan(record);
      if (p.existing) {
        if (Object.keys(p.existing.changes).length === 0) counts.skipped++;
        else {
          await update(p.existing.id, p.existing.changes);
          counts.updated++;
        }
      } else if (p.input) {
        await create(p.input);
        counts.created++;
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const field = error.fields[0]?.field.replace(/^\//, '') ?? '';
      problems.push({
        row: record.line,
        column: record.at[field] ?? '',
        field: record.headers[field] ?? field,
        message: error.message,
      });
    }
    ctx.progress(++done);
  }
  return counts;
}

/** Keeps the entries of `wanted` that differ from `current`. */
export function differing<C>(
  wanted: Partial<C>,
  current: Partial<Record<keyof C, unknown>>,
): Partial<C> {
  const changes: Partial<C> = {};
  for (const k of Object.keys(wanted) as (keyof C)[]) {
    const w = wanted[k];
    if (w === undefined) continue;
    if (JSON.stringify(w) !== JSON.stringify(current[k])) changes[k] = w;
  }
  return changes;
}

/** The id of the unit a column names (undefined when empty); an unknown code is a row problem. */
function resolveUnit(ctx: WriterContext, record: TypedRecord, key: string): string | undefined {
  const code = textOf(record, key);
  if (!code) return undefined;
  const unit = byCode(ctx.snapshot.units).get(code.toLowerCase());
  if (!unit || !ctx.vis.unit(unit.id)) {
    throw new AppError('invalid_input', `no unit with code ${code}`, [
      { field: key, message: `no unit with code ${code}` },
    ]);
  }
  return unit.id;
}

/** The indicators writer. */
export const indicatorsWriter: KindWriter = {
  kind: 'indicators',
  async write(ctx, records, problems) {
    const service = indicatorsService(ctx.deps, ctx.snapshots);
    const repo = indicatorRepository(ctx.deps.db);
    const existing = byCode(ctx.snapshot.indicators);
    const counts = await writeEach<IndicatorCreate>(
      ctx,
      records,
      problems,
      async (record) => {
        const ownerUnitId = resolveUnit(ctx, record, 'owner_unit');
        const decimals = numberOf(record, 'decimals');
        const isPublic = record.values.public;
        const fields = {
          name: { fr: textOf(record, 'name_fr'), en: textOf(record, 'name_en') },
          direction: textOf(record, 'direction') as Direction,
          frequency: textOf(record, 'frequency') as Frequency,
          ...(textOf(record, 'unit_label') && { unitLabel: textOf(record, 'unit_label') }),
          ...(decimals !== null && { decimals }),
          ...(textOf(record, 'aggregation') && {
            aggregation: textOf(record, 'aggregation') as Aggregation,
          }),
          ...(ownerUnitId && { ownerUnitId }),
          ...(typeof isPublic === 'boolean' && { isPublic }),
        };
        const found = existing.get(textOf(record, 'code').toLowerCase());
        if (!found) return { input: { code: textOf(record, 'code'), ...fields }, existing: null };
        const row = await repo.findById(ctx.scope.id, found.id);
        const current = {
          name: { fr: row?.name_fr, en: row?.name_en },
          direction: row?.direction,
          frequency: row?.frequency,
          unitLabel: row?.unit_label,
          decimals: row?.decimals,
          aggregation: row?.aggregation,
          ownerUnitId: row?.owner_unit_id,
          isPublic: row?.is_public,
        };
        return {
          input: null,
          existing: { id: found.id, changes: differing<IndicatorCreate>(fields, current) },
        };
      },
      (input) => service.createInTransaction(ctx.scope, input),
      async (id, changes) => {
        const row = await repo.findById(ctx.scope.id, id);
        await service.updateInTransaction(
          ctx.scope,
          id,
          row ? indicatorEtag(row) : undefined,
          changes,
          ctx.vis.indicator(id),
        );
      },
    );
    return counts;
  },
};

/** The actions writer. */
export const actionsWriter: KindWriter = {
  kind: 'actions',
  async write(ctx, records, problems) {
    const service = actionsService(ctx.deps, ctx.snapshots);
    const repo = actionRepository(ctx.deps.db);
    const existing = byCode(ctx.snapshot.actions);
    const counts = await writeEach<ActionCreate>(
      ctx,
      records,
      problems,
      async (record) => {
        const leadUnitId = resolveUnit(ctx, record, 'lead_unit') ?? '';
        const progress = numberOf(record, 'progress');
        const budget = numberOf(record, 'budget');
        const fields = {
          title: { fr: textOf(record, 'title_fr'), en: textOf(record, 'title_en') },
          leadUnitId,
          ...(textOf(record, 'owner') && { owner: textOf(record, 'owner') }),
          ...(textOf(record, 'start_date') && { startDate: textOf(record, 'start_date') }),
          ...(textOf(record, 'due_date') && { dueDate: textOf(record, 'due_date') }),
          ...(textOf(record, 'state') && { state: textOf(record, 'state') as ActionState }),
          ...(progress !== null && { progress }),
          ...(budget !== null && { budget }),
        };
        const found = existing.get(textOf(record, 'code').toLowerCase());
        if (!found) return { input: { code: textOf(record, 'code'), ...fields }, existing: null };
        const row = await repo.findById(ctx.scope.id, found.id);
        const current = {
          title: { fr: row?.title_fr, en: row?.title_en },
          leadUnitId: row?.lead_unit_id,
          owner: row?.owner,
          startDate: row?.start_date,
          dueDate: row?.due_date,
          state: row?.state,
          progress: row?.progress,
          budget: row?.budget,
        };
        return {
          input: null,
          existing: { id: found.id, changes: differing<ActionCreate>(fields, current) },
        };
      },
      (input) => service.createInTransaction(ctx.scope, input, ctx.vis),
      async (id, changes) => {
        const row = await repo.findById(ctx.scope.id, id);
        await service.updateInTransaction(
          ctx.scope,
          id,
          row ? actionEtag(row) : undefined,
          changes,
          ctx.vis,
        );
      },
    );
    return counts;
  },
};
