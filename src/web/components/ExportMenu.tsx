/** Download links of a list or the dashboard: CSV (French Excel), CSV with commas, XLSX, JSON. */
import { Anchor, Group, Text } from '@mantine/core';
import { exportUrl, type ExportDataset } from '../api/data-io.ts';
import { useI18n } from '../i18n/context.tsx';

/** The export links of `dataset` with the page's filters. */
export function ExportMenu({
  dataset,
  filters = {},
}: {
  dataset: ExportDataset;
  filters?: Record<string, string | null | undefined>;
}) {
  const { t, lang } = useI18n();
  const d = t.dataio;
  const link = (
    format: 'csv' | 'xlsx' | 'json',
    label: string,
    extra: Record<string, string> = {},
  ) => (
    <Anchor
      href={exportUrl(dataset, format, lang, { ...filters, ...extra })}
      download
      size="sm"
      aria-label={d.exportAs(label)}
    >
      {label}
    </Anchor>
  );
  return (
    <Group gap="xs" wrap="wrap">
      <Text span size="sm" fw={600}>
        {d.export}
      </Text>
      {link('csv', 'CSV')}
      {link('csv', d.exportCsvComma, { separator: 'comma' })}
      {link('xlsx', 'XLSX')}
      {link('json', 'JSON')}
    </Group>
  );
}
