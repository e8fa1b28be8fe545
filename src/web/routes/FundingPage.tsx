/**
 * `/funding`: the funding dashboard. Totals planned, committed and spent (one year or all),
 * execution by priority, school, funder, programme and year, and every visible funding line.
 */
import { Group, Select, SimpleGrid, Text } from '@mantine/core';
import { useState } from 'react';
import { useMe } from '../api/auth.ts';
import { useFundingExecution, useFundingLines } from '../api/partners.ts';
import { AppLink } from '../components/AppLink.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { QueryView } from '../components/QueryState.tsx';
import { Section } from '../components/Section.tsx';
import { useI18n } from '../i18n/context.tsx';
import { FormToggle, useUnitChoices } from './forms/form-kit.tsx';
import { FundingLineForm, mayRecordFunding } from './forms/FundingLineForm.tsx';
import { formatCents, formatRate } from './partners/money.ts';
import { FundingTable, TotalsTable } from './partners/tables.tsx';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="st-card" style={{ padding: '0.8rem 1rem' }}>
      <Text size="sm" c="#495057">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </div>
  );
}

/** The funding dashboard. */
export function FundingPage() {
  const { t, tx, lang } = useI18n();
  const [year, setYear] = useState<number | null>(null);
  const execution = useFundingExecution(year);
  const lines = useFundingLines();
  const me = useMe().data;
  const fundable = useUnitChoices((id) => mayRecordFunding(me, id));
  return (
    <>
      <PageTitle title={t.partners.fundingTitle} />
      <Text maw={760} mb="md">
        {t.partners.fundingIntro}
      </Text>
      {mayRecordFunding(me, null) || fundable.length > 0 ? (
        <FormToggle label={t.forms.newFundingLine} savedText={t.forms.fundingSaved}>
          {(close) => <FundingLineForm onDone={close} />}
        </FormToggle>
      ) : null}
      <QueryView query={execution}>
        {(data) => (
          <>
            <Group mb="md">
              <Select
                label={t.partners.year}
                data={[
                  { value: '', label: t.partners.allYears },
                  ...data.years.map((y) => ({ value: String(y), label: String(y) })),
                ]}
                value={year === null ? '' : String(year)}
                onChange={(v) => {
                  setYear(v ? Number(v) : null);
                }}
                allowDeselect={false}
                w={200}
              />
            </Group>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
              <Figure
                label={t.partners.planned}
                value={formatCents(data.totals.plannedCents, lang)}
              />
              <Figure
                label={t.partners.committed}
                value={formatCents(data.totals.committedCents, lang)}
              />
              <Figure label={t.partners.spent} value={formatCents(data.totals.spentCents, lang)} />
              <Figure
                label={t.partners.execution}
                value={formatRate(data.totals.executionRate, lang)}
              />
            </SimpleGrid>
            <Section title={t.partners.byPriority}>
              <TotalsTable
                caption={t.partners.byPriority}
                keyLabel={t.partners.priority}
                rows={data.byPriority.map((r) => ({
                  key: r.element?.id ?? '',
                  label: r.element ? (
                    <AppLink to={`/elements/${r.element.id}`}>
                      <span className="st-code">{r.element.code}</span> {tx(r.element.title)}
                    </AppLink>
                  ) : (
                    t.partners.noPriority
                  ),
                  totals: r.totals,
                }))}
              />
            </Section>
            <Section title={t.partners.bySchool}>
              <TotalsTable
                caption={t.partners.bySchool}
                keyLabel={t.partners.school}
                rows={data.bySchool.map((r) => ({
                  key: r.unit?.id ?? '',
                  label: r.unit ? r.unit.shortName : t.partners.group,
                  totals: r.totals,
                }))}
              />
            </Section>
            <Section title={t.partners.byFunder}>
              <TotalsTable
                caption={t.partners.byFunder}
                keyLabel={t.partners.funder}
                rows={data.byFunder.map((r) => ({
                  key: r.partner?.id ?? `n:${r.funder}`,
                  label: r.partner ? (
                    <AppLink to={`/partners/${r.partner.id}`}>{r.partner.name}</AppLink>
                  ) : (
                    r.funder
                  ),
                  totals: r.totals,
                }))}
              />
            </Section>
            <Section title={t.partners.byProgramme}>
              <TotalsTable
                caption={t.partners.byProgramme}
                keyLabel={t.partners.programme}
                rows={data.byProgramme.map((r) => ({
                  key: r.programme,
                  label: t.fundingProgramme[r.programme],
                  totals: r.totals,
                }))}
              />
            </Section>
            <Section title={t.partners.byYear}>
              <TotalsTable
                caption={t.partners.byYear}
                keyLabel={t.partners.year}
                rows={data.byYear.map((r) => ({
                  key: String(r.year),
                  label: String(r.year),
                  totals: r.totals,
                }))}
              />
            </Section>
          </>
        )}
      </QueryView>
      <Section title={t.partners.lines}>
        <QueryView query={lines}>
          {(page) => <FundingTable lines={page.items} caption={t.partners.lines} />}
        </QueryView>
      </Section>
    </>
  );
}
