/** Check-ins as a table: target, unit, state, reported status, due date, assignees. */
import { Button, Table, Text } from '@mantine/core';
import { useId } from 'react';
import type { CheckInCard } from '../../api/cycles.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { checkInName } from './AssigneeEditor.tsx';
import { ClockIcon } from '../../components/Icons.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { formatDate } from '../../i18n/format.ts';

/** The state of a check-in, in words (with "overdue" when it is). */
export function CheckInState({ card }: { card: CheckInCard }) {
  const { t } = useI18n();
  return (
    <>
      <Text size="sm" fw={600} component="span" data-state={card.state}>
        {t.cycles.states[card.state]}
      </Text>
      {card.overdue ? (
        <div style={{ marginTop: 4 }}>
          <span className="st-status st-off_track">
            <ClockIcon />
            {t.cycles.overdue}
          </span>
        </div>
      ) : null}
    </>
  );
}

/**
 * A captioned table of check-ins; `showCycle` adds the cycle's name; `onEditAssignees` adds an
 * "edit" button to each row's assignees (the strategy office on an open cycle).
 */
export function CheckInTable({
  cards,
  caption,
  showCycle = false,
  onEditAssignees,
}: {
  cards: readonly CheckInCard[];
  caption: string;
  showCycle?: boolean;
  onEditAssignees?: ((card: CheckInCard) => void) | undefined;
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
            <Table.Th scope="col">{t.cycles.target}</Table.Th>
            <Table.Th scope="col">{t.cycles.unit}</Table.Th>
            <Table.Th scope="col">{t.cycles.state}</Table.Th>
            <Table.Th scope="col">{t.cycles.reported}</Table.Th>
            <Table.Th scope="col">{t.cycles.dueOn}</Table.Th>
            <Table.Th scope="col">{t.cycles.assignees}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cards.map((card) => (
            <Table.Tr key={card.id} data-check-in={card.target.code}>
              <Table.Th scope="row" fw={500}>
                <AppLink to={`/check-ins/${card.id}`}>
                  <span className="st-code">{card.target.code}</span> {tx(card.target.title)}
                </AppLink>
                <Text size="xs" mt={2}>
                  {card.kind === 'element' ? t.checkIn.kindElement : t.checkIn.kindAction}
                  {showCycle ? ` · ${tx(card.cycle.title)}` : ''}
                </Text>
              </Table.Th>
              <Table.Td>{card.unit.shortName || card.unit.code}</Table.Td>
              <Table.Td>
                <CheckInState card={card} />
              </Table.Td>
              <Table.Td>
                {card.status ? <StatusBadge status={card.status} /> : t.common.none}
              </Table.Td>
              <Table.Td>{formatDate(card.cycle.dueOn, lang)}</Table.Td>
              <Table.Td>
                {card.assignees.length > 0
                  ? card.assignees.map((a) => a.label).join(', ')
                  : t.common.none}
                {onEditAssignees ? (
                  <div>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      px={4}
                      aria-label={t.assigneeEditor.editOf(...checkInName(card))}
                      onClick={() => {
                        onEditAssignees(card);
                      }}
                    >
                      {t.assigneeEditor.edit}
                    </Button>
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
