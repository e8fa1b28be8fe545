/**
 * `/units/:id`: a school (or any unit). Its status on each group priority, its plan's elements
 * with what they align to, the indicators it reports and its actions.
 */
import { Table, Text } from '@mantine/core';
import { useId } from 'react';
import { useParams } from 'wouter';
import { useUnit, useWorkspace } from '../api/queries.ts';
import type { UnitPage as UnitPageData, WorkspaceOverview } from '../api/types.ts';
import { ActionTable } from '../components/ActionTable.tsx';
import { AppLink } from '../components/AppLink.tsx';
import { AsOfPicker } from '../components/AsOfPicker.tsx';
import { IndicatorTable } from '../components/IndicatorTable.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { QueryView } from '../components/QueryState.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { Section } from '../components/Section.tsx';
import { ExportMenu } from '../components/ExportMenu.tsx';
import { StatusSummaryView } from '../components/StatusBadge.tsx';
import { useI18n } from '../i18n/context.tsx';
import { useAsOf } from '../lib/as-of.ts';
import { levelName } from '../lib/plan.ts';

/** The unit page. */
export function UnitPage() {
  const { t } = useI18n();
  const { id = '' } = useParams<{ id?: string }>();
  const [asOf] = useAsOf();
  const unit = useUnit(id, asOf);
  const workspace = useWorkspace();
  return (
    <QueryView query={unit} title={t.common.school}>
      {(data) => <UnitView data={data} workspace={workspace.data} />}
    </QueryView>
  );
}

function UnitView({
  data,
  workspace,
}: {
  data: UnitPageData;
  workspace: WorkspaceOverview | undefined;
}) {
  const { t, tx } = useI18n();
  const prioritiesCaption = useId();
  const planCaption = useId();
  const { unit, plan } = data;
  return (
    <>
      <Text size="sm" fw={600} tt="uppercase" c="#495057">
        {t.unitKind[unit.kind]} · {unit.shortName}
      </Text>
      <PageTitle title={tx(unit.name)} />
      {data.city || data.region ? (
        <Text mb="sm">{t.unit.location(data.city, data.region)}</Text>
      ) : null}
      <AsOfPicker />

      <Section title={t.unit.priorities}>
        <ScrollRegion labelId={prioritiesCaption}>
          <Table captionSide="top" miw={480}>
            <Table.Caption id={prioritiesCaption} style={{ textAlign: 'left' }}>
              {t.unit.prioritiesCaption}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.common.title}</Table.Th>
                <Table.Th scope="col">{t.common.status}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.priorities.map(({ element, status }) => (
                <Table.Tr key={element.id}>
                  <Table.Th scope="row" fw={500}>
                    <AppLink to={`/elements/${element.id}`}>
                      <span className="st-code">{element.code}</span> {tx(element.title)}
                    </AppLink>
                  </Table.Th>
                  <Table.Td>
                    <StatusSummaryView summary={status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      </Section>

      <Section
        title={plan ? tx(plan.title) : t.unit.plan}
        actions={plan ? <AppLink to={`/plan/${plan.id}`}>{t.unit.seeTree}</AppLink> : null}
      >
        {!plan ? (
          <Text>{t.unit.noPlan}</Text>
        ) : (
          <ScrollRegion labelId={planCaption}>
            <Table captionSide="top" miw={720}>
              <Table.Caption id={planCaption} style={{ textAlign: 'left' }}>
                {t.unit.planCaption}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t.common.title}</Table.Th>
                  <Table.Th scope="col">{t.common.level}</Table.Th>
                  <Table.Th scope="col">{t.common.status}</Table.Th>
                  <Table.Th scope="col">{t.unit.alignsTo}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plan.elements.map(({ element, status, alignsTo }) => (
                  <Table.Tr key={element.id}>
                    <Table.Th scope="row" fw={500}>
                      <AppLink to={`/elements/${element.id}`}>
                        <span className="st-code">{element.code}</span> {tx(element.title)}
                      </AppLink>
                    </Table.Th>
                    <Table.Td>{levelName(workspace, plan.id, element.level, tx)}</Table.Td>
                    <Table.Td>
                      <StatusSummaryView summary={status} />
                    </Table.Td>
                    <Table.Td>
                      {alignsTo.length === 0
                        ? t.common.none
                        : alignsTo.map((target, index) => (
                            <span key={target.id}>
                              {index > 0 ? ', ' : ''}
                              <AppLink to={`/elements/${target.id}`} title={tx(target.title)}>
                                {target.code}
                                <span className="st-visually-hidden"> {tx(target.title)}</span>
                              </AppLink>
                            </span>
                          ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </Section>

      <Section
        title={t.unit.indicators}
        actions={<ExportMenu dataset="indicators" filters={{ unitId: unit.id }} />}
      >
        {data.indicators.length === 0 ? (
          <Text>{t.unit.noIndicators}</Text>
        ) : (
          <IndicatorTable
            cards={data.indicators}
            caption={`${t.unit.indicators} — ${unit.shortName}`}
          />
        )}
      </Section>

      <Section
        title={t.unit.actions}
        actions={<ExportMenu dataset="actions" filters={{ unitId: unit.id }} />}
      >
        {data.actions.length === 0 ? (
          <Text>{t.unit.noActions}</Text>
        ) : (
          <ActionTable actions={data.actions} caption={`${t.unit.actions} — ${unit.shortName}`} />
        )}
      </Section>
    </>
  );
}
