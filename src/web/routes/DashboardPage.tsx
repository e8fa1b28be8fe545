/**
 * `/`: the group dashboard. Headline indicators with sparklines, priorities × focuses and
 * priorities × schools matrices, what needs attention, totals; all as of a chosen date.
 */
import { Suspense, lazy } from 'react';
import { Alert, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDashboard, useWorkspace } from '../api/queries.ts';
import type { Dashboard, WorkspaceOverview } from '../api/types.ts';
import { AsOfPicker } from '../components/AsOfPicker.tsx';
import { IndicatorCardView } from '../components/IndicatorCardView.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { Loading, QueryView } from '../components/QueryState.tsx';
import { Section } from '../components/Section.tsx';
import { StatusMatrix } from '../components/StatusMatrix.tsx';
import type { MatrixRow } from '../components/StatusMatrix.tsx';
import { FlagIcon } from '../components/Icons.tsx';
import { ExportMenu } from '../components/ExportMenu.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatDate } from '../i18n/format.ts';
import { useAsOf } from '../lib/as-of.ts';
import { levelName } from '../lib/plan.ts';
import { AttentionList } from './dashboard/AttentionList.tsx';
import { Totals } from './dashboard/Totals.tsx';

/** Validated check-ins, loaded on demand to keep the first load small. */
const ReportedStatuses = lazy(() =>
  import('./cycles/CheckInsPanel.tsx').then((m) => ({ default: m.ReportedStatuses })),
);

/** The group dashboard page. */
export function DashboardPage() {
  const { t, tx } = useI18n();
  const workspace = useWorkspace();
  return (
    <>
      <PageTitle title={t.dashboard.title} />
      {workspace.data ? (
        <Text fw={600} mb={4}>
          {tx(workspace.data.workspace.name)}
        </Text>
      ) : null}
      <Text mb="md" maw={760}>
        {t.dashboard.intro}
      </Text>
      <QueryView query={workspace}>
        {(data) => <DashboardBody workspace={data} planId={data.groupPlanId} />}
      </QueryView>
    </>
  );
}

function DashboardBody({
  workspace,
  planId,
}: {
  workspace: WorkspaceOverview;
  planId: string | null;
}) {
  const [asOf] = useAsOf();
  const dashboard = useDashboard(planId, asOf);
  return (
    <>
      <AsOfPicker />
      {dashboard.isFetching && !dashboard.isPending ? <Loading /> : null}
      <QueryView query={dashboard}>
        {(data) => <DashboardContent data={data} workspace={workspace} />}
      </QueryView>
    </>
  );
}

function DashboardContent({ data, workspace }: { data: Dashboard; workspace: WorkspaceOverview }) {
  const { t, tx, lang } = useI18n();
  const rowLevelName = levelName(workspace, data.planId, data.rowLevel, tx);
  const rows: MatrixRow[] = data.elements
    .filter((entry) => entry.element.level === data.rowLevel)
    .map((entry) => ({
      id: entry.element.id,
      code: entry.element.code,
      title: tx(entry.element.title),
      href: `/elements/${entry.element.id}`,
    }));
  const byFocus = new Map(data.byFocus.map((c) => [`${c.elementId}|${c.focusId}`, c.status]));
  const byUnit = new Map(data.byUnit.map((c) => [`${c.elementId}|${c.unitId}`, c.status]));
  const illustrative = data.headlines.some((card) => card.provenance === 'illustrative');

  return (
    <Stack gap={0}>
      <Text size="sm" mt="xs" c="#495057" data-testid="dashboard-as-of">
        {t.common.asOfShown(formatDate(data.asOf, lang))}
      </Text>
      <ExportMenu dataset="dashboard" filters={{ planId: data.planId, asOf: data.asOf }} />
      {illustrative ? (
        <Alert
          variant="light"
          color="grape"
          mt="md"
          icon={<FlagIcon size={18} />}
          title={t.common.demoData}
        >
          {t.provenance.banner}
        </Alert>
      ) : null}

      <Section title={t.dashboard.totals}>
        <Totals totals={data.totals} />
      </Section>

      <Section title={t.dashboard.headlines}>
        {data.headlines.length === 0 ? (
          <Text>{t.dashboard.headlinesEmpty}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {data.headlines.map((card) => (
              <IndicatorCardView key={card.id} card={card} />
            ))}
          </SimpleGrid>
        )}
      </Section>

      <Section title={t.dashboard.focusMatrix}>
        <StatusMatrix
          caption={t.dashboard.focusMatrixCaption}
          corner={rowLevelName}
          rows={rows}
          columns={data.focuses.map((focus) => ({
            id: focus.id,
            label: tx(focus.name),
          }))}
          cell={(rowId, columnId) => byFocus.get(`${rowId}|${columnId}`)}
        />
      </Section>

      <Section title={t.dashboard.unitMatrix}>
        <StatusMatrix
          caption={t.dashboard.unitMatrixCaption}
          corner={rowLevelName}
          rows={rows}
          columns={data.units.map((unit) => ({
            id: unit.id,
            label: unit.shortName,
            title: tx(unit.name),
          }))}
          cell={(rowId, columnId) => byUnit.get(`${rowId}|${columnId}`)}
        />
      </Section>

      <Section title={t.dashboard.attention}>
        <AttentionList items={data.attention} />
      </Section>

      <Suspense fallback={null}>
        <ReportedStatuses />
      </Suspense>
    </Stack>
  );
}
