/** Summary counts: the plan's rolled-up status, indicators and actions by status, stale count. */
import { Card, SimpleGrid, Text } from '@mantine/core';
import type { Dashboard } from '../../api/types.ts';
import { StatusBadge, StatusSummaryView } from '../../components/StatusBadge.tsx';
import { ClockIcon } from '../../components/Icons.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { STATUSES } from '../../../domain/types.ts';
import type { Status } from '../../../domain/types.ts';

function isStatus(key: string): key is Status {
  return (STATUSES as readonly string[]).includes(key);
}

function Counts({ counts }: { counts: Record<string, number> }) {
  const known = STATUSES;
  const other = Object.keys(counts).filter((key) => !isStatus(key) && (counts[key] ?? 0) > 0);
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 6 }}>
      {known.map((status) => (
        <li key={status} style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <Text fw={700} w="2.5ch" ta="right" component="span">
            {counts[status] ?? 0}
          </Text>
          <StatusBadge status={status} />
        </li>
      ))}
      {other.map((key) => (
        <li key={key}>
          <Text component="span" fw={700}>
            {counts[key]}
          </Text>{' '}
          {key}
        </li>
      ))}
    </ul>
  );
}

/** The dashboard's totals as three cards. */
export function Totals({ totals }: { totals: Dashboard['totals'] }) {
  const { t } = useI18n();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
      <Card withBorder padding="md">
        <Text component="h3" fw={700} mb="xs">
          {t.dashboard.totalsPlan}
        </Text>
        <StatusSummaryView summary={totals.elements} />
      </Card>
      <Card withBorder padding="md">
        <Text component="h3" fw={700} mb="xs">
          {t.dashboard.totalsIndicators}
        </Text>
        <Counts counts={totals.indicators} />
        {totals.stale > 0 ? (
          <Text size="sm" mt="xs" style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
            <span className="st-status st-stale">
              <ClockIcon />
              {t.dashboard.staleCount(totals.stale)}
            </span>
          </Text>
        ) : null}
      </Card>
      <Card withBorder padding="md">
        <Text component="h3" fw={700} mb="xs">
          {t.dashboard.totalsActions}
        </Text>
        <Counts counts={totals.actions} />
      </Card>
    </SimpleGrid>
  );
}
