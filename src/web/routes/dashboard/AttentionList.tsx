/** What needs attention: off track, at risk, stale and overdue items, each with a link. */
import { Group, Text } from '@mantine/core';
import type { AttentionItem } from '../../api/types.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { ClockIcon, StatusIcon } from '../../components/Icons.tsx';
import { useI18n } from '../../i18n/context.tsx';

const PATHS: Record<AttentionItem['kind'], string> = {
  indicator: '/indicators/',
  action: '/actions/',
  element: '/elements/',
  risk: '/risks/',
};

function ReasonChip({ reason }: { reason: AttentionItem['reason'] }) {
  const { t } = useI18n();
  if (reason === 'stale' || reason === 'overdue') {
    return (
      <span className={`st-status ${reason === 'stale' ? 'st-stale' : 'st-off_track'}`}>
        <ClockIcon />
        {t.attention[reason]}
      </span>
    );
  }
  return (
    <span className={`st-status st-${reason}`}>
      <StatusIcon status={reason} />
      {t.attention[reason]}
    </span>
  );
}

/** The attention list as a list of items (phone friendly). */
export function AttentionList({ items }: { items: readonly AttentionItem[] }) {
  const { t, tx } = useI18n();
  if (items.length === 0) return <Text>{t.dashboard.attentionEmpty}</Text>;
  return (
    <ul
      aria-label={t.dashboard.attentionCaption}
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
    >
      {items.map((item) => (
        <li
          key={`${item.kind}-${item.id}-${item.reason}-${item.unit?.id ?? ''}`}
          style={{ padding: '0.55rem 0', borderBottom: '1px solid #e9ecef' }}
          data-attention={item.reason}
        >
          <Group gap="xs" wrap="wrap" align="center">
            <ReasonChip reason={item.reason} />
            <Text size="xs" fw={600} c="#495057" component="span">
              {item.kind === 'risk' ? t.risks.attentionKind : t.attention[item.kind]}
            </Text>
            <AppLink to={`${PATHS[item.kind]}${item.id}`}>
              <span className="st-code">{item.code}</span> {tx(item.title)}
            </AppLink>
          </Group>
          {item.unit || item.detail ? (
            <Text size="sm" mt={2} c="#495057">
              {item.unit ? item.unit.shortName : null}
              {item.unit && item.detail ? ' · ' : null}
              {item.detail}
            </Text>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
