/**
 * `/public`: the open data, readable without signing in — published elements, indicators and
 * their figures, with CSV and JSON downloads under the Licence Ouverte 2.0 and the DCAT-AP
 * catalogue a national portal harvests.
 */
import { Anchor, Group, List, Table, Text } from '@mantine/core';
import {
  CATALOG_URL,
  openDataUrl,
  useOpenDataset,
  type OpenDataset,
  type OpenTable,
} from '../api/data-io.ts';
import { useId } from 'react';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { QueryView } from '../components/QueryState.tsx';
import { Section } from '../components/Section.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatNumber } from '../i18n/format.ts';

const LICENCE_URL = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/';
const DATASETS: OpenDataset[] = ['elements', 'indicators', 'figures'];
const MAX_FIGURES = 30;

/** The columns each dataset shows on the page (all of them are in the downloads). */
const SHOWN: Record<
  OpenDataset,
  { key: string; label: 'code' | 'title' | 'unit' | 'period' | 'value' | 'provenance' }[]
> = {
  elements: [
    { key: 'code', label: 'code' },
    { key: 'title', label: 'title' },
  ],
  indicators: [
    { key: 'code', label: 'code' },
    { key: 'name', label: 'title' },
    { key: 'unit_label', label: 'unit' },
  ],
  figures: [
    { key: 'indicator', label: 'code' },
    { key: 'unit', label: 'unit' },
    { key: 'period', label: 'period' },
    { key: 'value', label: 'value' },
    { key: 'provenance', label: 'provenance' },
  ],
};

/** The open-data page. */
export function PublicPage() {
  const { t } = useI18n();
  const d = t.dataio;
  return (
    <div style={{ maxWidth: 960 }}>
      <PageTitle title={d.publicTitle} />
      <Text mb="xs">{d.publicIntro}</Text>
      <Text mb="md" size="sm">
        <Anchor href={LICENCE_URL} rel="noopener noreferrer" hrefLang="fr">
          {d.licence}
        </Anchor>
      </Text>
      <Section title={d.downloads}>
        <List spacing={4}>
          {DATASETS.map((ds) => (
            <List.Item key={ds}>
              <Group gap="sm">
                <Text span fw={600}>
                  {d.datasets[ds]}
                </Text>
                <Anchor href={openDataUrl(ds, 'csv')} download>
                  CSV<span className="st-visually-hidden"> – {d.datasets[ds]}</span>
                </Anchor>
                <Anchor href={openDataUrl(ds, 'json')}>
                  JSON<span className="st-visually-hidden"> – {d.datasets[ds]}</span>
                </Anchor>
              </Group>
            </List.Item>
          ))}
          <List.Item>
            <Anchor href={CATALOG_URL}>{d.catalog}</Anchor>
          </List.Item>
        </List>
      </Section>
      {DATASETS.map((ds) => (
        <DatasetSection key={ds} dataset={ds} />
      ))}
    </div>
  );
}

function DatasetSection({ dataset }: { dataset: OpenDataset }) {
  const { t } = useI18n();
  const query = useOpenDataset(dataset);
  return (
    <Section title={t.dataio.datasets[dataset]}>
      <QueryView query={query}>
        {(data) => <DatasetTable dataset={dataset} table={data} />}
      </QueryView>
    </Section>
  );
}

function DatasetTable({ dataset, table }: { dataset: OpenDataset; table: OpenTable }) {
  const { t, lang } = useI18n();
  const d = t.dataio;
  const captionId = useId();
  if (table.items.length === 0) return <Text>{d.nothingPublished}</Text>;
  // The page shows the latest figures; the downloads hold every one.
  const shown =
    dataset === 'figures'
      ? [...table.items]
          .sort((a, b) => String(b.period).localeCompare(String(a.period)))
          .slice(0, MAX_FIGURES)
      : table.items;
  const cell = (row: OpenTable['items'][number], key: string): string => {
    const v = key === 'title' || key === 'name' ? row[`${key}_${lang}`] : row[key];
    if (typeof v === 'number') return formatNumber(v, Number.isInteger(v) ? 0 : 2, lang);
    return v === null || v === undefined ? '' : String(v);
  };
  return (
    <>
      {shown.length < table.items.length ? (
        <Text size="sm" mb="xs">
          {d.shownOf(shown.length, table.items.length)}
        </Text>
      ) : null}
      <ScrollRegion labelId={captionId}>
        <Table withTableBorder striped>
          <Table.Caption id={captionId} className="st-visually-hidden">
            {d.datasets[dataset]}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {SHOWN[dataset].map((c) => (
                <Table.Th key={c.key} scope="col">
                  {d[c.label]}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row, i) => (
              <Table.Tr key={i}>
                {SHOWN[dataset].map((c) => (
                  <Table.Td key={c.key}>{cell(row, c.key)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </>
  );
}
