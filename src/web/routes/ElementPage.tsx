/**
 * `/elements/:id`: a plan element. Breadcrumb, description, rolled-up status with coverage,
 * children, indicators, actions, school elements aligned to it, status by school, history.
 */
import { SimpleGrid, Table, Text } from '@mantine/core';
import { useId } from 'react';
import { useParams } from 'wouter';
import { useElement, useWorkspace } from '../api/queries.ts';
import type { ElementDetail, WorkspaceOverview } from '../api/types.ts';
import { ActionTable } from '../components/ActionTable.tsx';
import { AppLink } from '../components/AppLink.tsx';
import { PublishSwitch } from './data-io/PublishSwitch.tsx';
import { AsOfPicker } from '../components/AsOfPicker.tsx';
import { Breadcrumb } from '../components/Breadcrumb.tsx';
import { IndicatorCardView } from '../components/IndicatorCardView.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { QueryView } from '../components/QueryState.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { Section } from '../components/Section.tsx';
import { StatusSummaryView } from '../components/StatusBadge.tsx';
import { HistoryPanel } from '../components/HistoryPanel.tsx';
import { ElementConsultations } from './consultations/ElementConsultations.tsx';
import { ElementPartnershipsPanel } from './partners/ElementPartnershipsPanel.tsx';
import { CheckInsPanel } from './cycles/CheckInsPanel.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatRatio } from '../i18n/format.ts';
import { useAsOf } from '../lib/as-of.ts';
import { levelName, unitsById } from '../lib/plan.ts';
import { ElementLinks } from './element/ElementLinks.tsx';
import { RelatedRisks } from './risk/RelatedRisks.tsx';

/** The element page. */
export function ElementPage() {
  const { t } = useI18n();
  const { id = '' } = useParams<{ id?: string }>();
  const [asOf] = useAsOf();
  const element = useElement(id, asOf);
  const workspace = useWorkspace();
  return (
    <QueryView query={element} title={t.attention.element}>
      {(data) => <ElementView data={data} workspace={workspace.data} />}
    </QueryView>
  );
}

function ElementView({
  data,
  workspace,
}: {
  data: ElementDetail;
  workspace: WorkspaceOverview | undefined;
}) {
  const { t, tx, lang } = useI18n();
  const byUnitCaption = useId();
  const { element } = data;
  const level = levelName(workspace, element.planId, element.level, tx);
  const units = unitsById(workspace);
  const title = `${element.code} ${tx(element.title)}`;
  const ancestors = data.breadcrumb.filter((crumb) => crumb.id !== element.id);
  const description = tx(element.description);

  return (
    <>
      <Breadcrumb
        items={[
          { to: `/plan/${element.planId}`, label: t.nav.plan },
          ...ancestors.map((crumb) => ({
            to: `/elements/${crumb.id}`,
            label: `${crumb.code} ${tx(crumb.title)}`,
          })),
        ]}
        current={element.code}
      />
      <Text size="sm" fw={600} tt="uppercase" c="#495057">
        {level}
      </Text>
      <PageTitle title={title}>
        <span className="st-code">{element.code}</span> {tx(element.title)}
      </PageTitle>
      <PublishSwitch kind="element" id={element.id} />
      <AsOfPicker />

      <dl className="st-dl">
        <dt>{t.element.statusHeading}</dt>
        <dd data-testid="element-status">
          <StatusSummaryView summary={data.status} />
          {data.status.score !== null ? (
            <Text component="span" size="sm" ml="xs">
              ({t.common.score(formatRatio(data.status.score, lang))})
            </Text>
          ) : null}
        </dd>
        {element.ownerUnit ? (
          <>
            <dt>{t.element.owner}</dt>
            <dd>{tx(element.ownerUnit.name)}</dd>
          </>
        ) : null}
        {element.lead ? (
          <>
            <dt>{t.element.lead}</dt>
            <dd>{element.lead}</dd>
          </>
        ) : null}
      </dl>
      <Text size="sm" c="#495057" mt="xs" maw={760}>
        {t.element.rollupExplained}
      </Text>

      <Section title={t.element.description}>
        <Text maw={760} style={{ whiteSpace: 'pre-line' }}>
          {description || t.element.noDescription}
        </Text>
      </Section>

      <ElementLinks
        data={data}
        levelLabel={(key) => levelName(workspace, element.planId, key, tx)}
      />

      <Section title={t.element.indicators}>
        {data.indicators.length === 0 ? (
          <Text>{t.element.noneIndicators}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {data.indicators.map((card) => (
              <IndicatorCardView key={card.id} card={card} />
            ))}
          </SimpleGrid>
        )}
      </Section>

      <Section title={t.element.actions}>
        {data.actions.length === 0 ? (
          <Text>{t.element.noneActions}</Text>
        ) : (
          <ActionTable actions={data.actions} caption={`${t.element.actions} — ${title}`} />
        )}
      </Section>

      <RelatedRisks elementId={element.id} label={title} />

      <Section title={t.element.byUnit}>
        {data.byUnit.length === 0 ? (
          <Text>{t.element.noneByUnit}</Text>
        ) : (
          <ScrollRegion labelId={byUnitCaption}>
            <Table captionSide="top" miw={420} data-testid="element-by-unit">
              <Table.Caption id={byUnitCaption} style={{ textAlign: 'left' }}>
                {t.element.byUnitCaption}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t.common.school}</Table.Th>
                  <Table.Th scope="col">{t.common.status}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.byUnit.map((row) => {
                  const unit = units.get(row.unitId);
                  return (
                    <Table.Tr key={row.unitId}>
                      <Table.Th scope="row" fw={500}>
                        <AppLink to={`/units/${row.unitId}`}>
                          {unit ? tx(unit.name) : row.unitId}
                        </AppLink>
                      </Table.Th>
                      <Table.Td>
                        <StatusSummaryView summary={row.status} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </Section>

      <ElementConsultations elementId={element.id} />
      <ElementPartnershipsPanel elementId={element.id} title={title} />

      <CheckInsPanel elementId={element.id} />
      <HistoryPanel entityType="element" id={element.id} />
    </>
  );
}
