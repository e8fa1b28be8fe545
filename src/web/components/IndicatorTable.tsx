/**
 * Indicators as a compact table (latest value with provenance, status and staleness, target),
 * for pages that list many of them; indicators with figures come first.
 */
import { Group, Table } from '@mantine/core';
import { useId } from 'react';
import type { IndicatorCard } from '../api/types.ts';
import { useI18n } from '../i18n/context.tsx';
import { AppLink } from './AppLink.tsx';
import { FigureValue } from './FigureValue.tsx';
import { ProvenanceBadge } from './ProvenanceBadge.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';
import { StaleBadge, StatusBadge } from './StatusBadge.tsx';

/** A captioned table of indicator cards. */
export function IndicatorTable({
  cards,
  caption,
}: {
  cards: readonly IndicatorCard[];
  caption: string;
}) {
  const { t, tx } = useI18n();
  const captionId = useId();
  const sorted = [...cards].sort(
    (a, b) => Number(b.status.latest !== null) - Number(a.status.latest !== null),
  );
  return (
    <ScrollRegion labelId={captionId}>
      <Table captionSide="top" miw={720} data-testid="indicator-table">
        <Table.Caption id={captionId} style={{ textAlign: 'left' }}>
          {caption}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.element.indicators}</Table.Th>
            <Table.Th scope="col">{t.dashboard.lastValue}</Table.Th>
            <Table.Th scope="col">{t.common.status}</Table.Th>
            <Table.Th scope="col">{t.common.target}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((card) => (
            <Table.Tr key={card.id} data-indicator={card.code}>
              <Table.Th scope="row" fw={500}>
                <AppLink to={`/indicators/${card.id}`}>
                  <span className="st-code">{card.code}</span> {tx(card.name)}
                </AppLink>
              </Table.Th>
              <Table.Td>
                {card.status.latest ? (
                  <Group gap={6} wrap="wrap">
                    <FigureValue
                      value={card.status.latest.value}
                      unitLabel={card.unitLabel}
                      decimals={card.decimals}
                    />
                    <span>({card.status.latest.period})</span>
                    <ProvenanceBadge provenance={card.provenance} />
                  </Group>
                ) : (
                  t.common.none
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="wrap">
                  <StatusBadge status={card.status.status} />
                  {card.status.stale ? <StaleBadge /> : null}
                </Group>
              </Table.Td>
              <Table.Td>
                {card.target ? (
                  <>
                    <FigureValue
                      value={card.target.value}
                      unitLabel={card.unitLabel}
                      decimals={card.decimals}
                    />{' '}
                    ({card.target.period})
                  </>
                ) : (
                  t.common.none
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
