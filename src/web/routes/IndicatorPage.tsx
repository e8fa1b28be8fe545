/**
 * `/indicators/:id`: an indicator. Definition (aggregation in words), chart of actuals against
 * trajectory, target and forecast (lazy ECharts) with its data table, status and forecast in
 * words, status by school, the form to enter a value (for the units the account may report for)
 * and the history of changes.
 */
import { Text } from '@mantine/core';
import { Suspense, lazy } from 'react';
import { useParams } from 'wouter';
import { useMe } from '../api/auth.ts';
import { useIndicator, useWorkspace } from '../api/queries.ts';
import type { IndicatorDetail, UnitRef, WorkspaceOverview } from '../api/types.ts';
import { PublishSwitch } from './data-io/PublishSwitch.tsx';
import { AsOfPicker } from '../components/AsOfPicker.tsx';
import { Breadcrumb } from '../components/Breadcrumb.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { ProvenanceBadge } from '../components/ProvenanceBadge.tsx';
import { Loading, QueryView } from '../components/QueryState.tsx';
import { Section } from '../components/Section.tsx';
import { WriteGate } from '../components/WriteGate.tsx';
import { HistoryPanel } from '../components/HistoryPanel.tsx';
import { useI18n } from '../i18n/context.tsx';
import { useAsOf } from '../lib/as-of.ts';
import { recordableUnits } from '../lib/permissions.ts';
import { IndicatorDefinition } from './indicator/IndicatorDefinition.tsx';
import { MeasurementForm } from './indicator/MeasurementForm.tsx';
import { StatusText } from './indicator/StatusText.tsx';
import { TargetsTable } from './indicator/TargetsTable.tsx';
import { UnitStatusTable } from './indicator/UnitStatusTable.tsx';
import { ValuesTable } from './indicator/ValuesTable.tsx';

const IndicatorChart = lazy(() =>
  import('./indicator/IndicatorChart.tsx').then((m) => ({ default: m.IndicatorChart })),
);

/** The indicator page. */
export function IndicatorPage() {
  const { t } = useI18n();
  const { id = '' } = useParams<{ id?: string }>();
  const [asOf] = useAsOf();
  const indicator = useIndicator(id, asOf);
  const workspace = useWorkspace();
  return (
    <QueryView query={indicator} title={t.attention.indicator}>
      {(data) => <IndicatorView detail={data} workspace={workspace.data} />}
    </QueryView>
  );
}

/** Units that may report: the indicator's units, else those with figures, else the schools. */
function reportingUnits(
  detail: IndicatorDetail,
  workspace: WorkspaceOverview | undefined,
): UnitRef[] {
  const all: UnitRef[] = (workspace?.units ?? []).map((u) => ({
    id: u.id,
    code: u.code,
    kind: u.kind,
    name: u.name,
    shortName: u.shortName,
  }));
  const wanted = new Set(detail.indicator.unitIds);
  if (wanted.size > 0) {
    const found = all.filter((u) => wanted.has(u.id));
    if (found.length > 0) return found;
  }
  if (detail.units.length > 0) return detail.units.map((u) => u.unit);
  return all.filter((u) => u.kind === 'school' || u.kind === 'subsidiary');
}

function IndicatorView({
  detail,
  workspace,
}: {
  detail: IndicatorDetail;
  workspace: WorkspaceOverview | undefined;
}) {
  const { t, tx } = useI18n();
  const me = useMe();
  const { indicator, group } = detail;
  const units = me.data
    ? recordableUnits(me.data, indicator.id, reportingUnits(detail, workspace))
    : [];
  const title = `${indicator.code} ${tx(indicator.name)}`;
  const parent = detail.elements[0];
  const lastGroup = group.series[group.series.length - 1];

  return (
    <>
      <Breadcrumb
        items={[
          { to: '/plan', label: t.nav.plan },
          ...(parent
            ? [{ to: `/elements/${parent.id}`, label: `${parent.code} ${tx(parent.title)}` }]
            : []),
        ]}
        current={indicator.code}
      />
      <PageTitle title={title}>
        <span className="st-code">{indicator.code}</span> {tx(indicator.name)}
      </PageTitle>
      <PublishSwitch kind="indicator" id={indicator.id} confidential={!indicator.isPublic} />
      <AsOfPicker />

      <Section title={t.indicator.statusHeading}>
        <Text size="sm" fw={600} mb={4}>
          {t.indicator.groupStatus}
          {lastGroup ? (
            <>
              {' '}
              <Text component="span" size="sm" fw={400}>
                ({t.origin[lastGroup.origin]}
                {lastGroup.origin === 'aggregated'
                  ? ` · ${t.common.reporting(lastGroup.reporting, lastGroup.expected)}`
                  : ''}
                )
              </Text>{' '}
              <ProvenanceBadge provenance={lastGroup.provenance} />
            </>
          ) : null}
        </Text>
        <StatusText indicator={indicator} status={group.status} forecast={group.forecast} />
      </Section>

      <Section title={t.indicator.chartTitle}>
        <figure style={{ margin: 0 }}>
          <Suspense fallback={<Loading label={t.indicator.chartLoading} />}>
            <IndicatorChart detail={detail} />
          </Suspense>
        </figure>
        <div style={{ marginTop: '1rem' }}>
          <ValuesTable detail={detail} />
        </div>
      </Section>

      <Section title={t.indicator.definition}>
        <IndicatorDefinition detail={detail} workspace={workspace} />
      </Section>

      {group.targets.length > 0 ? (
        <Section title={t.indicator.targets}>
          <TargetsTable detail={detail} />
        </Section>
      ) : null}

      {detail.units.length > 0 ? (
        <Section title={t.indicator.byUnit}>
          <UnitStatusTable detail={detail} />
        </Section>
      ) : null}

      <Section title={t.form.title}>
        <WriteGate deniedBy={() => (units.length === 0 ? t.access.noUnit : null)}>
          <MeasurementForm indicator={indicator} units={units} />
        </WriteGate>
      </Section>

      <HistoryPanel entityType="indicator" id={indicator.id} />
    </>
  );
}
