/**
 * `/reports`: choose a report (annual progress report or board briefing pack), its scope (the
 * group or a school the reader may read), period, date and language, then open the HTML version
 * or download the PDF (plain links to the API, which applies the reader's permissions).
 */
import { Button, Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useWorkspace } from '../api/queries.ts';
import { reportUrl, type ReportParams } from '../api/revisions.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { QueryView } from '../components/QueryState.tsx';
import { Section } from '../components/Section.tsx';
import { useI18n } from '../i18n/context.tsx';
import { isIsoDate } from '../lib/as-of.ts';

/** The reports page. */
export function ReportsPage() {
  const { t, tx, lang } = useI18n();
  const workspace = useWorkspace();
  const [kind, setKind] = useState<ReportParams['kind']>('annual');
  const [unitId, setUnitId] = useState('');
  const [asOf, setAsOf] = useState('');
  const [period, setPeriod] = useState('');
  const [reportLang, setReportLang] = useState<ReportParams['lang']>(lang);
  const params: Omit<ReportParams, 'format'> = {
    kind,
    lang: reportLang,
    unitId: unitId || null,
    asOf: isIsoDate(asOf) ? asOf : null,
    period: period.trim() || null,
  };
  return (
    <>
      <PageTitle title={t.reports.title} />
      <Text maw={760}>{t.reports.intro}</Text>
      <QueryView query={workspace}>
        {(data) => (
          <>
            <Group align="flex-start" gap="sm" mt="md" wrap="wrap">
              <NativeSelect
                name="kind"
                label={t.reports.kind}
                value={kind}
                data={[
                  { value: 'annual', label: t.reports.annual },
                  { value: 'board', label: t.reports.board },
                ]}
                onChange={(event) => {
                  setKind(event.currentTarget.value === 'board' ? 'board' : 'annual');
                }}
                w={300}
              />
              <NativeSelect
                name="unitId"
                label={t.reports.unit}
                value={unitId}
                data={[
                  { value: '', label: t.reports.group },
                  ...data.units
                    .filter((u) => u.kind === 'school' || u.kind === 'subsidiary')
                    .map((u) => ({ value: u.id, label: tx(u.name) })),
                ]}
                onChange={(event) => {
                  setUnitId(event.currentTarget.value);
                }}
                w={300}
              />
            </Group>
            <Group align="flex-start" gap="sm" mt="sm" wrap="wrap">
              <TextInput
                name="period"
                label={t.reports.period}
                description={t.reports.periodHelp}
                value={period}
                onChange={(event) => {
                  setPeriod(event.currentTarget.value);
                }}
                w={300}
              />
              <TextInput
                type="date"
                name="asOf"
                label={t.reports.asOf}
                description={t.reports.asOfHelp}
                value={asOf}
                onChange={(event) => {
                  setAsOf(event.currentTarget.value);
                }}
                w={200}
              />
              <NativeSelect
                name="lang"
                label={t.reports.lang}
                value={reportLang}
                data={[
                  { value: 'fr', label: 'Français' },
                  { value: 'en', label: 'English' },
                ]}
                onChange={(event) => {
                  setReportLang(event.currentTarget.value === 'en' ? 'en' : 'fr');
                }}
                w={200}
              />
            </Group>
            <Section title={t.reports.links}>
              <Group gap="sm" data-testid="report-links">
                <Button component="a" href={reportUrl({ ...params, format: 'html' })}>
                  {t.reports.openHtml}
                </Button>
                <Button
                  component="a"
                  variant="outline"
                  href={reportUrl({ ...params, format: 'pdf' })}
                  download
                >
                  {t.reports.downloadPdf}
                </Button>
              </Group>
              <Text size="sm" mt="xs" c="#495057">
                {t.reports.pdfNote}
              </Text>
            </Section>
          </>
        )}
      </QueryView>
    </>
  );
}
