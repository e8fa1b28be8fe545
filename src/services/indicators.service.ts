/** Indicators: list with status, detail (series, trajectory, status, forecast), create, update. */
import type {
  IndicatorCreate,
  IndicatorDetail,
  IndicatorListItem,
  IndicatorUpdate,
  TargetPointDto,
} from '../contracts/index.ts';
import type { IndicatorEvaluation } from '../domain/evaluate/index.ts';
import { mustParsePeriod, periodsBetween, comparePeriods } from '../domain/period.ts';
import { expectedAt } from '../domain/trajectory.ts';
import type { Aggregation, Direction, Frequency, Provenance, TargetKind } from '../domain/types.ts';
import { indicatorRepository } from '../db/repositories/indicator.repository.ts';
import { requireExisting, requireOne } from './references.ts';
import { replaceLinks } from '../db/repositories/links.ts';
import type { IndicatorRow } from '../db/schema.ts';
import { today, type ServiceDeps, type WorkspaceScope } from './context.ts';
import { AppError, notFound } from './errors.ts';
import { indicatorEtag } from './etags.ts';
import { checkIfMatch, staleWrite } from './preconditions.ts';
import { resolveAsOf } from './common.ts';
import { elementRef, indicatorCard, statusDto, unitRef } from './present.ts';
import type { Snapshot, SnapshotLoader } from './snapshot.ts';
import { visibility } from './visibility.ts';
import { allow, auditRow } from './guard.ts';
import { audit } from './audit.ts';
import { canWriteIndicator } from '../domain/access.ts';
import { checkIndicatorRule } from './indicator-rules.ts';

function expectedSeries(evaluation: IndicatorEvaluation): { period: string; value: number }[] {
  const points = evaluation.trajectory;
  if (points.length < 2) return points.map(({ period, value }) => ({ period, value }));
  const sorted = points
    .map((p) => ({ ...p, parsed: mustParsePeriod(p.period) }))
    .sort((a, b) => comparePeriods(a.parsed, b.parsed));
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last || first.parsed.kind !== last.parsed.kind) {
    return sorted.map(({ period, value }) => ({ period, value }));
  }
  return periodsBetween(first.parsed, last.parsed).map((p) => ({
    period: p.text,
    value: expectedAt(points, p.text) ?? 0,
  }));
}

function targetDtos(
  snapshot: Snapshot,
  indicatorId: string,
  unitId: string | null,
): TargetPointDto[] {
  const isGroup = (id: string | null) => id === null || id === snapshot.groupUnitId;
  return snapshot.targets
    .filter(
      (t) =>
        t.indicator_id === indicatorId &&
        t.value !== null &&
        (unitId === null ? isGroup(t.unit_id) : t.unit_id === unitId),
    )
    .map((t) => ({
      id: t.id,
      kind: t.kind as TargetKind,
      period: t.period,
      value: t.value ?? 0,
      provenance: t.provenance as Provenance,
      source: t.source,
      reason: t.reason,
    }))
    .sort((a, b) => comparePeriods(mustParsePeriod(a.period), mustParsePeriod(b.period)));
}

/** The definition of an indicator as the API shows it. */
export function indicatorDto(snapshot: Snapshot, row: IndicatorRow) {
  return {
    id: row.id,
    code: row.code,
    name: { fr: row.name_fr, en: row.name_en },
    definition: { fr: row.definition_fr, en: row.definition_en },
    unitLabel: row.unit_label,
    decimals: row.decimals,
    direction: row.direction as Direction,
    rangeMin: row.range_min,
    rangeMax: row.range_max,
    frequency: row.frequency as Frequency,
    aggregation: row.aggregation as Aggregation,
    weightIndicatorId: row.weight_indicator_id,
    numeratorIndicatorId: row.numerator_indicator_id,
    denominatorIndicatorId: row.denominator_indicator_id,
    ratioScale: row.ratio_scale,
    source: row.source,
    ownerUnitId: row.owner_unit_id,
    owner: row.owner,
    thresholds: { onTrack: row.threshold_on_track, atRisk: row.threshold_at_risk },
    graceDays: row.grace_days,
    isPublic: row.is_public,
    isHeadline: row.is_headline,
    unitIds: snapshot.indicatorUnits.get(row.id) ?? [],
    facetValueIds: snapshot.facetValues.get(row.id) ?? [],
    version: row.version,
  };
}

/** Creates the indicator service. */
export function indicatorsService(deps: ServiceDeps, snapshots: SnapshotLoader) {
  const repo = indicatorRepository(deps.db);

  async function detail(
    scope: WorkspaceScope,
    id: string,
    asOf?: string,
  ): Promise<IndicatorDetail> {
    const day = resolveAsOf(deps, asOf);
    const [snapshot, row] = await Promise.all([
      snapshots.load(scope.id, day),
      repo.findById(scope.id, id),
    ]);
    const vis = visibility(snapshot, scope.principal);
    if (!row || !vis.indicator(id)) throw notFound('Indicator');
    const ev = snapshot.evaluator;
    const group = ev.indicator(id);
    const unitIds = new Set([
      ...(snapshot.indicatorUnits.get(id) ?? []),
      ...(ev.figures(id)?.keys() ?? []),
    ]);
    unitIds.delete(snapshot.groupUnitId);
    const units = snapshot.units.filter((u) => unitIds.has(u.id) && vis.seriesOf(id, u.id));
    return {
      indicator: indicatorDto(snapshot, row),
      etag: indicatorEtag(row),
      asOf: day,
      elements: (snapshot.indicatorElements.get(id) ?? [])
        .filter(vis.element)
        .map((e) => elementRef(snapshot, e)),
      group: {
        series: ev.groupSeries(id),
        targets: targetDtos(snapshot, id, null),
        expected: expectedSeries(group),
        status: statusDto(group),
        forecast: group.forecast,
      },
      units: units.map((unit) => {
        const evaluation = ev.indicator(id, unit.id);
        const periods = ev.figures(id)?.get(unit.id);
        return {
          unit: unitRef(unit),
          series: [...(periods?.values() ?? [])]
            .sort((a, b) => comparePeriods(mustParsePeriod(a.period), mustParsePeriod(b.period)))
            .map((f) => ({
              period: f.period,
              value: f.value,
              provenance: f.provenance,
              source: f.source,
              validated: f.validated,
            })),
          targets: targetDtos(snapshot, id, unit.id),
          expected: expectedSeries(evaluation),
          status: statusDto(evaluation),
          forecast: evaluation.forecast,
        };
      }),
    };
  }

  async function validateReferences(scope: WorkspaceScope, input: Partial<IndicatorCreate>) {
    await requireExisting(deps.db, scope.id, 'unit', 'unitIds', input.unitIds, 'unit');
    await requireOne(deps.db, scope.id, 'unit', 'ownerUnitId', input.ownerUnitId, 'unit');
    for (const key of [
      'weightIndicatorId',
      'numeratorIndicatorId',
      'denominatorIndicatorId',
    ] as const) {
      await requireOne(deps.db, scope.id, 'indicator', key, input[key], 'indicator');
    }
    await requireExisting(deps.db, scope.id, 'element', 'elementIds', input.elementIds, 'element');
    await requireExisting(
      deps.db,
      scope.id,
      'facet_value',
      'facetValueIds',
      input.facetValueIds,
      'facet value',
    );
  }

  function columns(input: Partial<IndicatorCreate>) {
    return {
      ...(input.code !== undefined && { code: input.code }),
      ...(input.name && { name_fr: input.name.fr, name_en: input.name.en }),
      ...(input.definition && {
        definition_fr: input.definition.fr,
        definition_en: input.definition.en,
      }),
      ...(input.unitLabel !== undefined && { unit_label: input.unitLabel }),
      ...(input.decimals !== undefined && { decimals: input.decimals }),
      ...(input.direction !== undefined && { direction: input.direction }),
      ...(input.rangeMin !== undefined && { range_min: input.rangeMin }),
      ...(input.rangeMax !== undefined && { range_max: input.rangeMax }),
      ...(input.frequency !== undefined && { frequency: input.frequency }),
      ...(input.aggregation !== undefined && { aggregation: input.aggregation }),
      ...(input.weightIndicatorId !== undefined && {
        weight_indicator_id: input.weightIndicatorId,
      }),
      ...(input.numeratorIndicatorId !== undefined && {
        numerator_indicator_id: input.numeratorIndicatorId,
      }),
      ...(input.denominatorIndicatorId !== undefined && {
        denominator_indicator_id: input.denominatorIndicatorId,
      }),
      ...(input.ratioScale !== undefined && { ratio_scale: input.ratioScale }),
      ...(input.source !== undefined && { source: input.source }),
      ...(input.ownerUnitId !== undefined && { owner_unit_id: input.ownerUnitId }),
      ...(input.owner !== undefined && { owner: input.owner }),
      ...(input.thresholds && {
        threshold_on_track: input.thresholds.onTrack,
        threshold_at_risk: input.thresholds.atRisk,
      }),
      ...(input.graceDays !== undefined && { grace_days: input.graceDays }),
      ...(input.isPublic !== undefined && { is_public: input.isPublic }),
      ...(input.isHeadline !== undefined && { is_headline: input.isHeadline }),
    };
  }

  async function writeLinks(scope: WorkspaceScope, id: string, input: Partial<IndicatorCreate>) {
    if (input.unitIds) await replaceLinks(deps.db, 'indicator_unit', scope.id, id, input.unitIds);
    if (input.facetValueIds)
      await replaceLinks(deps.db, 'indicator_facet', scope.id, id, input.facetValueIds);
    if (input.elementIds) await repo.setElements(scope.id, id, input.elementIds);
  }

  return {
    detail,

    async list(
      scope: WorkspaceScope,
      query: {
        elementId?: string;
        unitId?: string;
        limit?: number;
        offset?: number;
        asOf?: string;
      },
    ): Promise<{ items: IndicatorListItem[]; total: number; limit: number; offset: number }> {
      const day = resolveAsOf(deps, query.asOf);
      const snapshot = await snapshots.load(scope.id, day);
      const limit = query.limit ?? 100;
      const offset = query.offset ?? 0;
      const vis = visibility(snapshot, scope.principal);
      let rows = snapshot.indicators.filter((r) => vis.indicator(r.id));
      if (query.unitId && !vis.figuresOf(query.unitId)) throw notFound('Unit');
      if (query.elementId) {
        if (!vis.element(query.elementId)) throw notFound('Element');
        const ids = new Set(snapshot.elementIndicators.get(query.elementId) ?? []);
        rows = rows.filter((r) => ids.has(r.id));
      }
      const context =
        query.unitId && query.unitId !== snapshot.groupUnitId ? query.unitId : 'group';
      if (context !== 'group')
        rows = rows.filter((r) => snapshot.evaluator.concerns(r.id, context));
      return {
        total: rows.length,
        limit,
        offset,
        items: rows.slice(offset, offset + limit).map((r) => ({
          card: indicatorCard(snapshot, r.id, context),
          frequency: r.frequency as Frequency,
          aggregation: r.aggregation as Aggregation,
          elements: (snapshot.indicatorElements.get(r.id) ?? [])
            .filter(vis.element)
            .map((e) => elementRef(snapshot, e)),
          unitCount: (snapshot.indicatorUnits.get(r.id) ?? []).length,
        })),
      };
    },

    async create(scope: WorkspaceScope, input: IndicatorCreate): Promise<IndicatorDetail> {
      checkIndicatorRule(input);
      const id = await deps.db.transaction().execute(async (trx) => {
        const tx = indicatorsService({ ...deps, db: trx }, snapshots);
        return tx.createInTransaction(scope, input);
      });
      return detail(scope, id);
    },

    /** Inserts an indicator; the caller holds the transaction. */
    async createInTransaction(scope: WorkspaceScope, input: IndicatorCreate): Promise<string> {
      allow(
        scope,
        canWriteIndicator(scope.principal, input.ownerUnitId ?? null),
        'define indicators',
      );
      if (await repo.codeTaken(scope.id, input.code)) {
        throw new AppError('conflict', `An indicator with code ${input.code} already exists`, [
          { field: '/code', message: 'already used in this workspace' },
        ]);
      }
      await validateReferences(scope, input);
      const { id } = await repo.insert({
        workspace_id: scope.id,
        code: input.code,
        name_fr: input.name.fr,
        name_en: input.name.en,
        direction: input.direction,
        frequency: input.frequency,
        range_min: input.rangeMin ?? null,
        range_max: input.rangeMax ?? null,
        weight_indicator_id: input.weightIndicatorId ?? null,
        numerator_indicator_id: input.numeratorIndicatorId ?? null,
        denominator_indicator_id: input.denominatorIndicatorId ?? null,
        owner_unit_id: input.ownerUnitId ?? null,
        ...columns(input),
      });
      await writeLinks(scope, id, input);
      await audit(deps.db, scope, {
        entityType: 'indicator',
        entityId: id,
        action: 'create',
        unitId: input.ownerUnitId ?? null,
        after: { ...auditRow(await repo.findById(scope.id, id)), links: input },
      });
      return id;
    },

    async update(
      scope: WorkspaceScope,
      id: string,
      ifMatch: string | undefined,
      input: IndicatorUpdate,
    ): Promise<IndicatorDetail> {
      // Read before the transaction: an embedded database has a single connection.
      const visible = visibility(
        await snapshots.load(scope.id, today(deps)),
        scope.principal,
      ).indicator(id);
      await deps.db
        .transaction()
        .execute((trx) =>
          indicatorsService({ ...deps, db: trx }, snapshots).updateInTransaction(
            scope,
            id,
            ifMatch,
            input,
            visible,
          ),
        );
      return detail(scope, id);
    },

    /** Updates an indicator under its version check; the caller holds the transaction. */
    async updateInTransaction(
      scope: WorkspaceScope,
      id: string,
      ifMatch: string | undefined,
      input: IndicatorUpdate,
      visible: boolean,
    ): Promise<void> {
      const current = await repo.findById(scope.id, id);
      if (!current || !visible) throw notFound('Indicator');
      allow(
        scope,
        canWriteIndicator(scope.principal, current.owner_unit_id),
        'change this indicator',
      );
      if (input.ownerUnitId !== undefined) {
        allow(
          scope,
          canWriteIndicator(scope.principal, input.ownerUnitId),
          'give this indicator to that unit',
        );
      }
      const version = checkIfMatch('i', id, current.version, ifMatch, 'indicator');
      checkIndicatorRule({
        direction: (input.direction ?? current.direction) as Direction,
        rangeMin: input.rangeMin !== undefined ? input.rangeMin : current.range_min,
        rangeMax: input.rangeMax !== undefined ? input.rangeMax : current.range_max,
        aggregation: (input.aggregation ?? current.aggregation) as Aggregation,
        weightIndicatorId:
          input.weightIndicatorId !== undefined
            ? input.weightIndicatorId
            : current.weight_indicator_id,
        numeratorIndicatorId:
          input.numeratorIndicatorId !== undefined
            ? input.numeratorIndicatorId
            : current.numerator_indicator_id,
        denominatorIndicatorId:
          input.denominatorIndicatorId !== undefined
            ? input.denominatorIndicatorId
            : current.denominator_indicator_id,
        thresholds: input.thresholds ?? {
          onTrack: current.threshold_on_track,
          atRisk: current.threshold_at_risk,
        },
      });
      if (input.code && (await repo.codeTaken(scope.id, input.code, id))) {
        throw new AppError('conflict', `An indicator with code ${input.code} already exists`, [
          { field: '/code', message: 'already used in this workspace' },
        ]);
      }
      await validateReferences(scope, input);
      const updated = await repo.updateIfVersion(scope.id, id, version, columns(input));
      if (!updated) throw staleWrite('indicator');
      await writeLinks(scope, id, input);
      await audit(deps.db, scope, {
        entityType: 'indicator',
        entityId: id,
        action: 'update',
        unitId: current.owner_unit_id,
        before: auditRow(current),
        after: { ...auditRow(await repo.findById(scope.id, id)), links: input },
      });
    },
  };
}
