/**
 * Exports of every list and of the dashboard (CSV, XLSX, JSON), built from the same use cases
 * the pages read, so an export shows exactly what its reader may see; and the import templates,
 * one per kind, pre-filled for measurements with a row per indicator × unit the reader may
 * record for a period.
 */
import { canRecordFigure } from '../../domain/access.ts';
import { parsePeriod } from '../../domain/period.ts';
import { IMPORT_KINDS, type ImportKind, type ImportKindSpec } from '../../domain/tabular/kinds.ts';
import { today, type ServiceDeps, type WorkspaceScope } from '../context.ts';
import { invalid } from '../errors.ts';
import type { SnapshotLoader } from '../snapshot.ts';
import { visibility } from '../visibility.ts';
import {
  renderTable,
  type Cell,
  type RenderedFile,
  type RenderOptions,
  type Table,
  type TableColumn,
} from './table.ts';
import type {
  Dashboard,
  IndicatorListItem,
  ActionCard,
  Measurement,
} from '../../contracts/index.ts';

export const EXPORT_DATASETS = ['indicators', 'actions', 'dashboard', 'measurements'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

/** Filters of an export (those of the list it mirrors). */
export interface ExportQuery {
  unitId?: string | undefined;
  elementId?: string | undefined;
  planId?: string | undefined;
  indicatorId?: string | undefined;
  asOf?: string | undefined;
}

/** What the export service reads through: the list use cases. */
export interface ExportSources {
  indicators: (
    scope: WorkspaceScope,
    q: ExportQuery & { limit: number; offset: number },
  ) => Promise<{ items: IndicatorListItem[]; total: number }>;
  actions: (
    scope: WorkspaceScope,
    q: ExportQuery & { limit: number; offset: number },
  ) => Promise<{ items: ActionCard[]; total: number }>;
  dashboard: (scope: WorkspaceScope, q: ExportQuery) => Promise<Dashboard>;
  measurements: (
    scope: WorkspaceScope,
    indicatorId: string,
    q: ExportQuery,
  ) => Promise<{ items: Measurement[] }>;
}

const col = (key: string, fr: string, en: string): TableColumn => ({ key, fr, en });

const INDICATOR_COLUMNS = [
  col('code', 'Code', 'Code'),
  col('name_fr', 'Nom (fr)', 'Name (fr)'),
  col('name_en', 'Nom (en)', 'Name (en)'),
  col('unit_label', 'Unité de mesure', 'Unit of measure'),
  col('frequency', 'Fréquence', 'Frequency'),
  col('status', 'Statut', 'Status'),
  col('latest_period', 'Dernière période', 'Latest period'),
  col('latest_value', 'Dernière valeur', 'Latest value'),
  col('expected', 'Attendu', 'Expected'),
  col('target_period', 'Période cible', 'Target period'),
  col('target_value', 'Cible', 'Target'),
  col('provenance', 'Provenance', 'Provenance'),
  col('reporting', 'Unités ayant répondu', 'Units reporting'),
  col('expected_units', 'Unités attendues', 'Units expected'),
];

/** The indicators list as table rows. */
export function indicatorRows(items: IndicatorListItem[]): Record<string, Cell>[] {
  return items.map(({ card, frequency }) => ({
    code: card.code,
    name_fr: card.name.fr,
    name_en: card.name.en,
    unit_label: card.unitLabel,
    frequency,
    status: card.status.status,
    latest_period: card.status.latest?.period ?? null,
    latest_value: card.status.latest?.value ?? null,
    expected: card.status.expected,
    target_period: card.target?.period ?? null,
    target_value: card.target?.value ?? null,
    provenance: card.provenance,
    reporting: card.coverage?.reporting ?? null,
    expected_units: card.coverage?.expected ?? null,
  }));
}

async function allPages<T>(
  page: (offset: number) => Promise<{ items: T[]; total: number }>,
): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; offset += 500) {
    const p = await page(offset);
    items.push(...p.items);
    if (p.items.length === 0 || items.length >= p.total) return items;
  }
}

/** Creates the export service. */
export function exportService(
  deps: ServiceDeps,
  snapshots: SnapshotLoader,
  sources: ExportSources,
) {
  async function table(
    scope: WorkspaceScope,
    dataset: ExportDataset,
    q: ExportQuery,
  ): Promise<Table> {
    switch (dataset) {
      case 'indicators': {
        const items = await allPages((offset) =>
          sources.indicators(scope, { ...q, limit: 500, offset }),
        );
        return { name: 'indicators', columns: INDICATOR_COLUMNS, rows: indicatorRows(items) };
      }
      case 'actions': {
        const items = await allPages((offset) =>
          sources.actions(scope, { ...q, limit: 500, offset }),
        );
        return {
          name: 'actions',
          columns: [
            col('code', 'Code', 'Code'),
            col('title_fr', 'Titre (fr)', 'Title (fr)'),
            col('title_en', 'Titre (en)', 'Title (en)'),
            col('lead_unit', 'Unité pilote', 'Lead unit'),
            col('owner', 'Responsable', 'Owner'),
            col('start_date', 'Début', 'Start'),
            col('due_date', 'Échéance', 'Due'),
            col('state', 'État', 'State'),
            col('progress', 'Avancement', 'Progress'),
            col('status', 'Statut', 'Status'),
            col('overdue', 'En retard', 'Overdue'),
          ],
          rows: items.map((a) => ({
            code: a.code,
            title_fr: a.title.fr,
            title_en: a.title.en,
            lead_unit: a.leadUnit.code,
            owner: a.owner,
            start_date: a.startDate,
            due_date: a.dueDate,
            state: a.state,
            progress: a.progress,
            status: a.status,
            overdue: a.overdue,
          })),
        };
      }
      case 'dashboard': {
        const d = await sources.dashboard(scope, q);
        return {
          name: 'dashboard',
          columns: [
            col('code', 'Code', 'Code'),
            col('level', 'Niveau', 'Level'),
            col('title_fr', 'Titre (fr)', 'Title (fr)'),
            col('title_en', 'Titre (en)', 'Title (en)'),
            col('status', 'Statut', 'Status'),
            col('score', 'Score', 'Score'),
            col('scored', 'Éléments évalués', 'Items scored'),
            col('total', 'Éléments', 'Items'),
          ],
          rows: d.elements.map((e) => ({
            code: e.element.code,
            level: e.element.level,
            title_fr: e.element.title.fr,
            title_en: e.element.title.en,
            status: e.status.status,
            score: e.status.score,
            scored: e.status.scored,
            total: e.status.total,
          })),
        };
      }
      case 'measurements': {
        const snapshot = await snapshots.load(scope.id, today(deps));
        const vis = visibility(snapshot, scope.principal);
        const wanted = q.indicatorId
          ? snapshot.indicators.filter((i) => i.id === q.indicatorId)
          : snapshot.indicators;
        const rows: Record<string, Cell>[] = [];
        for (const indicator of wanted.filter((i) => vis.indicator(i.id))) {
          const { items } = await sources.measurements(scope, indicator.id, q);
          for (const m of items) {
            rows.push({
              indicator: indicator.code,
              unit: snapshot.unitById.get(m.unitId)?.code ?? '',
              period: m.period,
              value: m.value,
              provenance: m.provenance,
              source: m.source,
              note: m.note,
              validated: m.validated,
              recorded_at: m.recordedAt,
            });
          }
        }
        const spec: ImportKindSpec = IMPORT_KINDS.measurements;
        return {
          name: 'measurements',
          columns: [
            ...spec.columns.map((c) => col(c.key, c.fr, c.en)),
            col('validated', 'Validé', 'Validated'),
            col('recorded_at', 'Enregistré le', 'Recorded at'),
          ],
          rows,
        };
      }
    }
  }

  return {
    table,

    /** One dataset as a file. */
    async export(
      scope: WorkspaceScope,
      dataset: ExportDataset,
      q: ExportQuery,
      options: RenderOptions,
    ): Promise<RenderedFile> {
      return renderTable(await table(scope, dataset, q), options);
    },

    /**
     * The import template of a kind; for measurements, a row per indicator (of `elementId`, or
     * all) × unit the reader may record, for `period` (default: last year) when it fits the
     * indicator's frequency.
     */
    async template(
      scope: WorkspaceScope,
      kind: ImportKind,
      q: { elementId?: string | undefined; period?: string | undefined },
      options: RenderOptions,
    ): Promise<RenderedFile> {
      const spec: ImportKindSpec = IMPORT_KINDS[kind];
      const columns = spec.columns.map((c) => col(c.key, c.fr, c.en));
      const rows: Record<string, Cell>[] = [];
      if (q.period !== undefined && !parsePeriod(q.period)) {
        throw invalid(
          'period',
          'must be a period such as 2025, 2025-26, 2025-S1, 2025-Q3 or 2025-07',
        );
      }
      if (kind === 'measurements') {
        const snapshot = await snapshots.load(scope.id, today(deps));
        const vis = visibility(snapshot, scope.principal);
        if (q.elementId && !vis.element(q.elementId)) throw invalid('elementId', 'no such element');
        const ids = q.elementId ? new Set(snapshot.elementIndicators.get(q.elementId) ?? []) : null;
        const year = String(Number(today(deps).slice(0, 4)) - 1);
        for (const indicator of snapshot.indicators) {
          if (!vis.indicator(indicator.id) || (ids && !ids.has(indicator.id))) continue;
          const period = q.period ?? (indicator.frequency === 'year' ? year : '');
          for (const unitId of snapshot.indicatorUnits.get(indicator.id) ?? []) {
            const unit = snapshot.unitById.get(unitId);
            if (
              !unit ||
              !vis.figuresOf(unitId) ||
              !canRecordFigure(scope.principal, indicator.id, unitId)
            )
              continue;
            rows.push({
              indicator: indicator.code,
              unit: unit.code,
              period,
              value: null,
              provenance: 'official',
              source: '',
              note: '',
            });
          }
        }
      }
      return renderTable({ name: `strata-${kind}-template`, columns, rows }, options);
    },
  };
}

export type ExportService = ReturnType<typeof exportService>;
