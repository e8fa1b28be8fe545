/**
 * `/alignment`: for each group priority, the school elements that serve it (grouped by family,
 * with the priority's objectives inside), and for each school plan how many elements align.
 */
import { Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useAlignment, useWorkspace } from '../api/queries.ts';
import type { AlignmentView, WorkspaceOverview } from '../api/types.ts';
import { AppLink } from '../components/AppLink.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { QueryView } from '../components/QueryState.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { Section } from '../components/Section.tsx';
import { StatusSummaryView } from '../components/StatusBadge.tsx';
import { useI18n } from '../i18n/context.tsx';
import { useAsOf } from '../lib/as-of.ts';
import { AlignedList } from './alignment/AlignedList.tsx';

type Row = AlignmentView['rows'][number];

interface PriorityBlock {
  row: Row;
  children: Row[];
}

interface FamilyBlock {
  row: Row | null;
  priorities: PriorityBlock[];
}

/** Groups the rows (in tree order) by depth: families, priorities, deeper levels. */
function groupRows(rows: readonly Row[], levels: readonly string[]): FamilyBlock[] {
  const depth = (row: Row) => {
    const index = levels.indexOf(row.element.level);
    return index < 0 ? 1 : index;
  };
  const families: FamilyBlock[] = [];
  let family: FamilyBlock | null = null;
  let priority: PriorityBlock | null = null;
  for (const row of rows) {
    const d = depth(row);
    if (d === 0) {
      family = { row, priorities: [] };
      families.push(family);
      priority = null;
    } else if (d === 1 || priority === null) {
      if (!family) {
        family = { row: null, priorities: [] };
        families.push(family);
      }
      priority = { row, children: [] };
      family.priorities.push(priority);
    } else {
      priority.children.push(row);
    }
  }
  return families;
}

/** The alignment page. */
export function AlignmentPage() {
  const { t } = useI18n();
  const [asOf] = useAsOf();
  const workspace = useWorkspace();
  const planId = workspace.data?.groupPlanId ?? null;
  const alignment = useAlignment(planId, asOf);
  return (
    <>
      <PageTitle title={t.alignment.title} />
      <Text mb="md" maw={760}>
        {t.alignment.intro}
      </Text>
      <QueryView query={alignment}>
        {(data) => <AlignmentContent data={data} workspace={workspace.data} />}
      </QueryView>
    </>
  );
}

function RowTitle({ row, order }: { row: Row; order: 2 | 3 | 4 }) {
  const { tx } = useI18n();
  return (
    <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
      <Title order={order} fz={order === 2 ? '1.3rem' : order === 3 ? '1.05rem' : '0.95rem'}>
        <AppLink to={`/elements/${row.element.id}`}>
          <span className="st-code">{row.element.code}</span> {tx(row.element.title)}
        </AppLink>
      </Title>
      <StatusSummaryView summary={row.status} />
    </Group>
  );
}

function AlignmentContent({
  data,
  workspace,
}: {
  data: AlignmentView;
  workspace: WorkspaceOverview | undefined;
}) {
  const { t, tx } = useI18n();
  const unitsCaption = useId();
  const plan = workspace?.plans.find((p) => p.id === data.groupPlanId);
  const families = groupRows(data.rows, plan?.levels.map((l) => l.key) ?? []);
  return (
    <>
      {families.map((family, index) => (
        <section key={family.row?.element.id ?? index} style={{ marginTop: '1.5rem' }}>
          {family.row ? (
            <>
              <RowTitle row={family.row} order={2} />
              <AlignedList aligned={family.row.aligned} showEmpty={false} />
            </>
          ) : null}
          <Stack gap="md">
            {family.priorities.map(({ row, children }) => (
              <Card key={row.element.id} withBorder padding="md" component="section">
                <RowTitle row={row} order={family.row ? 3 : 2} />
                <AlignedList aligned={row.aligned} showEmpty />
                {children.map((child) => (
                  <div
                    key={child.element.id}
                    style={{
                      marginTop: '0.9rem',
                      paddingLeft: '0.9rem',
                      borderLeft: '3px solid #e9ecef',
                    }}
                  >
                    <RowTitle row={child} order={family.row ? 4 : 3} />
                    <AlignedList aligned={child.aligned} showEmpty />
                  </div>
                ))}
              </Card>
            ))}
          </Stack>
        </section>
      ))}

      {data.units.length > 0 ? (
        <Section title={t.alignment.units}>
          <ScrollRegion labelId={unitsCaption}>
            <Table captionSide="top" miw={480}>
              <Table.Caption id={unitsCaption} style={{ textAlign: 'left' }}>
                {t.alignment.unitsCaption}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t.common.school}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t.alignment.elements}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t.alignment.aligned}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.units.map((row) => (
                  <Table.Tr key={row.unit.id}>
                    <Table.Th scope="row" fw={500}>
                      <AppLink to={`/plan/${row.planId}`}>{tx(row.unit.name)}</AppLink>
                    </Table.Th>
                    <Table.Td ta="right">{row.elements}</Table.Td>
                    <Table.Td ta="right">{row.aligned}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        </Section>
      ) : null}
    </>
  );
}
