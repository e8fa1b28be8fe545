/**
 * Open data: the strategy office publishes elements and indicators (never a confidential
 * indicator: refused with 400, and filtered out of every public read even if a flag remained);
 * anyone reads what is published, without signing in, as tables (CSV, JSON) under the Etalab
 * Licence Ouverte 2.0, described by a DCAT-AP catalogue (JSON-LD) a national portal harvests.
 */
import { isStrategyOffice } from '../../domain/access.ts';
import { openDataRepository } from '../../db/repositories/open-data.repository.ts';
import { today, type ServiceDeps, type WorkspaceScope } from '../context.ts';
import { invalid, notFound } from '../errors.ts';
import { allow } from '../guard.ts';
import { audit } from '../audit.ts';
import type { SnapshotLoader } from '../snapshot.ts';
import type { Cell, Table, TableColumn } from './table.ts';

/** The licence of everything published. */
export const LICENCE = {
  name: 'Licence Ouverte / Open Licence version 2.0 (Etalab)',
  spdx: 'etalab-2.0',
  uri: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
} as const;

export const OPEN_DATASETS = ['elements', 'indicators', 'figures'] as const;
export type OpenDataset = (typeof OPEN_DATASETS)[number];

const col = (key: string, fr: string, en: string): TableColumn => ({ key, fr, en });

const TITLES: Record<OpenDataset, { fr: string; en: string }> = {
  elements: {
    fr: 'Éléments publiés du plan stratégique',
    en: 'Published elements of the strategic plan',
  },
  indicators: { fr: 'Indicateurs publiés', en: 'Published indicators' },
  figures: { fr: 'Valeurs des indicateurs publiés', en: 'Figures of the published indicators' },
};

/** Creates the open-data service. */
export function openDataService(deps: ServiceDeps, snapshots: SnapshotLoader) {
  const repo = openDataRepository(deps.db);

  /** What is published, public indicators only (the confidential filter is applied here). */
  async function published(workspaceId: string) {
    const snapshot = await snapshots.load(workspaceId, today(deps));
    const elementIds = await repo.publishedElementIds(workspaceId);
    const indicatorIds = await repo.publishedIndicatorIds(workspaceId);
    return {
      snapshot,
      elements: snapshot.elements.filter((e) => elementIds.has(e.id)),
      indicators: snapshot.indicators.filter((i) => indicatorIds.has(i.id) && i.is_public),
    };
  }

  async function table(scope: Pick<WorkspaceScope, 'id'>, dataset: OpenDataset): Promise<Table> {
    const { snapshot, elements, indicators } = await published(scope.id);
    switch (dataset) {
      case 'elements':
        return {
          name: 'elements',
          columns: [
            col('code', 'Code', 'Code'),
            col('level', 'Niveau', 'Level'),
            col('parent', 'Parent', 'Parent'),
            col('plan', 'Plan', 'Plan'),
            col('title_fr', 'Titre (fr)', 'Title (fr)'),
            col('title_en', 'Titre (en)', 'Title (en)'),
          ],
          rows: elements.map((e) => ({
            code: e.code,
            level: e.level,
            parent: e.parent_id ? (snapshot.elementById.get(e.parent_id)?.code ?? null) : null,
            plan: snapshot.planById.get(e.plan_id)?.code ?? null,
            title_fr: e.title_fr,
            title_en: e.title_en,
          })),
        };
      case 'indicators':
        return {
          name: 'indicators',
          columns: [
            col('code', 'Code', 'Code'),
            col('name_fr', 'Nom (fr)', 'Name (fr)'),
            col('name_en', 'Nom (en)', 'Name (en)'),
            col('definition_fr', 'Définition (fr)', 'Definition (fr)'),
            col('definition_en', 'Définition (en)', 'Definition (en)'),
            col('unit_label', 'Unité de mesure', 'Unit of measure'),
            col('frequency', 'Fréquence', 'Frequency'),
            col('direction', 'Sens', 'Direction'),
            col('source', 'Source', 'Source'),
          ],
          rows: indicators.map((i) => ({
            code: i.code,
            name_fr: i.name_fr,
            name_en: i.name_en,
            definition_fr: i.definition_fr,
            definition_en: i.definition_en,
            unit_label: i.unit_label,
            frequency: i.frequency,
            direction: i.direction,
            source: i.source,
          })),
        };
      case 'figures': {
        const allowed = new Set(indicators.map((i) => i.id));
        const rows: Record<string, Cell>[] = [];
        for (const f of await repo.publishedFigures(scope.id)) {
          if (!allowed.has(f.indicator_id)) continue;
          const unit = snapshot.unitById.get(f.unit_id);
          rows.push({
            indicator: snapshot.indicatorById.get(f.indicator_id)?.code ?? '',
            unit: unit?.code ?? '',
            unit_name: unit?.name_fr ?? '',
            period: f.period,
            value: f.value,
            provenance: f.provenance,
            source: f.source,
          });
        }
        return {
          name: 'figures',
          columns: [
            col('indicator', 'Indicateur', 'Indicator'),
            col('unit', 'Unité', 'Unit'),
            col('unit_name', "Nom de l'unité", 'Unit name'),
            col('period', 'Période', 'Period'),
            col('value', 'Valeur', 'Value'),
            col('provenance', 'Provenance', 'Provenance'),
            col('source', 'Source', 'Source'),
          ],
          rows,
        };
      }
    }
  }

  return {
    table,

    /** Ids of what is published (public indicators only). */
    async status(scope: WorkspaceScope): Promise<{ elementIds: string[]; indicatorIds: string[] }> {
      const p = await published(scope.id);
      return {
        elementIds: p.elements.map((e) => e.id),
        indicatorIds: p.indicators.map((i) => i.id),
      };
    },

    /** Publishes or withdraws an element or an indicator (strategy office). */
    async setPublished(
      scope: WorkspaceScope,
      kind: 'element' | 'indicator',
      id: string,
      published: boolean,
    ): Promise<{ id: string; published: boolean }> {
      const snapshot = await snapshots.load(scope.id, today(deps));
      allow(scope, isStrategyOffice(scope.principal), 'publish open data');
      if (kind === 'indicator') {
        const indicator = snapshot.indicatorById.get(id);
        if (!indicator) throw notFound('Indicator');
        if (published && !indicator.is_public) {
          throw invalid('/published', 'a confidential indicator cannot be published');
        }
      } else if (!snapshot.elementById.get(id)) throw notFound('Element');
      await deps.db.transaction().execute(async (trx) => {
        const r = openDataRepository(trx);
        const changed =
          kind === 'indicator'
            ? await r.setIndicator(scope.id, id, published, scope.principal.label)
            : await r.setElement(scope.id, id, published, scope.principal.label);
        if (changed) {
          await audit(trx, scope, {
            entityType: kind,
            entityId: id,
            action: published ? 'publish' : 'unpublish',
            after: { published },
          });
        }
      });
      return { id, published };
    },

    /** The DCAT-AP catalogue (JSON-LD) of the published datasets, with absolute URLs from `base`. */
    async catalog(scope: WorkspaceScope & { name: { fr: string; en: string } }, base: string) {
      const modified = (await repo.lastModified(scope.id)) ?? new Date(0);
      const issued = new Date(modified).toISOString();
      const datasetUrl = (d: OpenDataset, format: string) =>
        `${base}/api/v1/public/datasets/${d}?format=${format}`;
      return {
        '@context': {
          dcat: 'http://www.w3.org/ns/dcat#',
          dct: 'http://purl.org/dc/terms/',
          foaf: 'http://xmlns.com/foaf/0.1/',
          xsd: 'http://www.w3.org/2001/XMLSchema#',
        },
        '@id': `${base}/api/v1/public/catalog`,
        '@type': 'dcat:Catalog',
        'dct:title': [
          { '@language': 'fr', '@value': `Données ouvertes – ${scope.name.fr}` },
          { '@language': 'en', '@value': `Open data – ${scope.name.en}` },
        ],
        'dct:publisher': { '@type': 'foaf:Agent', 'foaf:name': scope.name.fr },
        'dct:license': { '@id': LICENCE.uri },
        'dct:modified': { '@type': 'xsd:dateTime', '@value': issued },
        'foaf:homepage': { '@id': `${base}/public` },
        'dcat:dataset': OPEN_DATASETS.map((d) => ({
          '@id': `${base}/api/v1/public/datasets/${d}`,
          '@type': 'dcat:Dataset',
          'dct:identifier': `${scope.slug}-${d}`,
          'dct:title': [
            { '@language': 'fr', '@value': TITLES[d].fr },
            { '@language': 'en', '@value': TITLES[d].en },
          ],
          'dct:publisher': { '@type': 'foaf:Agent', 'foaf:name': scope.name.fr },
          'dct:license': { '@id': LICENCE.uri },
          'dct:modified': { '@type': 'xsd:dateTime', '@value': issued },
          'dcat:landingPage': { '@id': `${base}/public` },
          'dcat:distribution': (['csv', 'json'] as const).map((format) => ({
            '@id': datasetUrl(d, format),
            '@type': 'dcat:Distribution',
            'dcat:accessURL': { '@id': datasetUrl(d, format) },
            'dcat:downloadURL': { '@id': datasetUrl(d, format) },
            'dcat:mediaType': format === 'csv' ? 'text/csv' : 'application/json',
            'dct:format': format.toUpperCase(),
            'dct:license': { '@id': LICENCE.uri },
          })),
        })),
      };
    },
  };
}

export type OpenDataService = ReturnType<typeof openDataService>;
