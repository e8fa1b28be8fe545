/** Actions as a table: status, state, progress against expected, due date and overdue flag. */
import { Progress, Table, Text } from '@mantine/core';
import { useId } from 'react';
import type { ActionCard } from '../api/types.ts';
import { useI18n } from '../i18n/context.tsx';
import { formatDate } from '../i18n/format.ts';
import { AppLink } from './AppLink.tsx';
import { ProvenanceBadge } from './ProvenanceBadge.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { ClockIcon } from './Icons.tsx';

/** A captioned table of action cards. */
export function ActionTable({
  actions,
  caption,
}: {
  actions: readonly ActionCard[];
  caption: string;
}) {
  const { t, tx, lang } = useI18n();
  const captionId = useId();
  return (
    <ScrollRegion labelId={captionId}>
      <Table verticalSpacing="xs" miw={720} captionSide="top">
        <Table.Caption id={captionId} style={{ textAlign: 'left' }}>
          {caption}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.action.title}</Table.Th>
            <Table.Th scope="col">{t.action.lead}</Table.Th>
            <Table.Th scope="col">{t.common.status}</Table.Th>
            <Table.Th scope="col">{t.common.progress}</Table.Th>
            <Table.Th scope="col">{t.common.dueDate}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {actions.map((action) => (
            <Table.Tr key={action.id} data-action={action.code}>
              <Table.Th scope="row" fw={500}>
                <AppLink to={`/actions/${action.id}`}>
                  <span className="st-code">{action.code}</span> {tx(action.title)}
                </AppLink>{' '}
                <ProvenanceBadge
                  provenance={action.provenance === 'official' ? null : action.provenance}
                />
              </Table.Th>
              <Table.Td>{action.leadUnit.shortName}</Table.Td>
              <Table.Td>
                <StatusBadge status={action.status} />
                <Text size="xs" mt={4}>
                  {t.actionState[action.state]}
                </Text>
              </Table.Td>
              <Table.Td miw={140}>
                <Text size="sm">{t.action.progressLabel(action.progress)}</Text>
                <Progress
                  value={action.progress}
                  size="sm"
                  mt={4}
                  aria-label={t.action.progressLabel(action.progress)}
                />
                {action.expectedProgress !== null ? (
                  <Text size="xs" mt={2}>
                    {t.action.expected(Math.round(action.expectedProgress))}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                {action.dueDate ? formatDate(action.dueDate, lang) : t.common.none}
                {action.overdue ? (
                  <div style={{ marginTop: 4 }}>
                    <span className="st-status st-off_track">
                      <ClockIcon />
                      {t.action.overdue}
                    </span>
                  </div>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
