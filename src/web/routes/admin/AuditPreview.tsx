/** The latest events of a period as a short table: when, who, what, on which item. */
import { Table, Text } from '@mantine/core';
import { useId } from 'react';
import { useAuditRange } from '../../api/audit.ts';
import type { AuditEvent } from '../../api/types.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { QueryView } from '../../components/QueryState.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { labelOf } from '../../lib/audit-diff.ts';

const SHOWN = 20;

const PAGES: Readonly<Record<string, string>> = {
  element: '/elements/',
  indicator: '/indicators/',
  action: '/actions/',
};

/** The page of the item an event is about, when it has one (a figure: its indicator). */
function itemPath(event: AuditEvent): string | null {
  const page = PAGES[event.entityType];
  if (page) return `${page}${event.entityId}`;
  const after: unknown = event.after;
  if (
    event.entityType === 'measurement' &&
    typeof after === 'object' &&
    after !== null &&
    'indicatorId' in after &&
    typeof after.indicatorId === 'string'
  ) {
    return `/indicators/${after.indicatorId}`;
  }
  return null;
}

function ItemCell({ event }: { event: AuditEvent }) {
  const { t } = useI18n();
  const kind = labelOf(t.audit.entities, event.entityType);
  const path = itemPath(event);
  return (
    <>
      {path ? (
        <AppLink to={path} size="sm">
          {kind}
        </AppLink>
      ) : (
        kind
      )}{' '}
      <Text component="span" size="xs" c="dimmed" title={event.entityId}>
        {event.entityId.slice(0, 8)}
      </Text>
    </>
  );
}

function PreviewTable({ events }: { events: readonly AuditEvent[] }) {
  const { t, lang } = useI18n();
  const captionId = useId();
  const latest = events.slice(-SHOWN).reverse();
  if (events.length === 0) return <Text>{t.audit.empty}</Text>;
  return (
    <ScrollRegion labelId={captionId}>
      <Table captionSide="top" miw={760} verticalSpacing="xs" data-testid="audit-preview">
        <Table.Caption id={captionId} style={{ textAlign: 'left' }}>
          {t.audit.previewCaption(latest.length, events.length)}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.audit.when}</Table.Th>
            <Table.Th scope="col">{t.audit.who}</Table.Th>
            <Table.Th scope="col">{t.audit.what}</Table.Th>
            <Table.Th scope="col">{t.audit.entity}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {latest.map((event) => (
            <Table.Tr key={event.id} data-action={event.action}>
              <Table.Td>
                <time dateTime={event.at}>{formatDateTime(event.at, lang)}</time>
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{event.actor}</Table.Td>
              <Table.Td>{labelOf(t.audit.actions, event.action)}</Table.Td>
              <Table.Td>
                <ItemCell event={event} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

/** Loads the period's events and shows the latest ones. */
export function AuditPreview({ from, to }: { from: string | null; to: string | null }) {
  const events = useAuditRange(from, to, true);
  return <QueryView query={events}>{(data) => <PreviewTable events={data.items} />}</QueryView>;
}
