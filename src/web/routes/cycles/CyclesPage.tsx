/**
 * `/cycles`: the reporting cycles with their completion (as of the chosen date), and for the
 * strategy office the form that opens a new one.
 */
import { Progress, Table, Text } from '@mantine/core';
import { useId } from 'react';
import { useMe } from '../../api/auth.ts';
import { useCycles } from '../../api/cycles.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryView } from '../../components/QueryState.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { Section } from '../../components/Section.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useAsOf } from '../../lib/as-of.ts';
import { CycleCreateForm } from './CycleCreateForm.tsx';

/** The list of cycles. */
export function CyclesPage() {
  const { t, tx, lang } = useI18n();
  const [asOf] = useAsOf();
  const me = useMe();
  const cycles = useCycles(asOf, me.data?.authenticated === true);
  const captionId = useId();
  if (me.data && !me.data.authenticated) {
    return (
      <>
        <PageTitle title={t.cycles.listTitle} />
        <Text>{t.myWork.signIn}</Text>
      </>
    );
  }
  return (
    <>
      <PageTitle title={t.cycles.listTitle} />
      <Text maw={760} mb="md">
        {t.cycles.listIntro}
      </Text>
      <QueryView query={cycles} title={t.cycles.listTitle}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t.cycles.none}</Text>
          ) : (
            <ScrollRegion labelId={captionId}>
              <Table verticalSpacing="xs" miw={640} captionSide="top">
                <Table.Caption id={captionId} style={{ textAlign: 'left' }}>
                  {t.cycles.listTitle}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t.cycles.cycle}</Table.Th>
                    <Table.Th scope="col">{t.cycles.period}</Table.Th>
                    <Table.Th scope="col">{t.cycles.dueOn}</Table.Th>
                    <Table.Th scope="col">{t.cycles.state}</Table.Th>
                    <Table.Th scope="col">{t.cycles.completion}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((cycle) => (
                    <Table.Tr key={cycle.id} data-cycle={cycle.code}>
                      <Table.Th scope="row" fw={500}>
                        <AppLink to={`/cycles/${cycle.id}`}>
                          <span className="st-code">{cycle.code}</span> {tx(cycle.title)}
                        </AppLink>
                      </Table.Th>
                      <Table.Td>{cycle.period}</Table.Td>
                      <Table.Td>{formatDate(cycle.dueOn, lang)}</Table.Td>
                      <Table.Td>{cycle.closed ? t.cycles.closed : t.cycles.open}</Table.Td>
                      <Table.Td miw={160}>
                        <Text size="sm">
                          {t.cycles.validatedOf(cycle.completion.validated, cycle.completion.total)}
                        </Text>
                        <Progress
                          value={Math.round(cycle.completion.rate * 100)}
                          size="sm"
                          mt={4}
                          aria-label={t.cycles.validatedOf(
                            cycle.completion.validated,
                            cycle.completion.total,
                          )}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          )
        }
      </QueryView>
      {me.data?.can.editStructure && !asOf ? (
        <Section title={t.cycles.create}>
          <CycleCreateForm />
        </Section>
      ) : null}
    </>
  );
}
