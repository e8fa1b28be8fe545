/** Each school's latest value, status (and staleness) and forecast on an indicator. */
import { Group, Table } from '@mantine/core';
import { useId } from 'react';
import type { IndicatorDetail } from '../../api/types.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { FigureValue } from '../../components/FigureValue.tsx';
import { ProvenanceBadge } from '../../components/ProvenanceBadge.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StaleBadge, StatusBadge } from '../../components/StatusBadge.tsx';
import { useI18n } from '../../i18n/context.tsx';

/** The per-unit status table. */
export function UnitStatusTable({ detail }: { detail: IndicatorDetail }) {
  const { t, tx } = useI18n();
  const captionId = useId();
  const { indicator } = detail;
  return (
    <ScrollRegion labelId={captionId}>
      <Table captionSide="top" miw={640} data-testid="unit-status-table">
        <Table.Caption id={captionId} style={{ textAlign: 'left' }}>
          {t.indicator.byUnitCaption}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.common.school}</Table.Th>
            <Table.Th scope="col">{t.dashboard.lastValue}</Table.Th>
            <Table.Th scope="col">{t.common.status}</Table.Th>
            <Table.Th scope="col">{t.common.target}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.units.map((row) => {
            const last = row.series[row.series.length - 1];
            const target = row.targets.find((p) => p.kind === 'target');
            return (
              <Table.Tr key={row.unit.id} data-unit={row.unit.code}>
                <Table.Th scope="row" fw={500}>
                  <AppLink to={`/units/${row.unit.id}`}>{tx(row.unit.name)}</AppLink>
                </Table.Th>
                <Table.Td>
                  {last ? (
                    <Group gap={6}>
                      <FigureValue
                        value={last.value}
                        unitLabel={indicator.unitLabel}
                        decimals={indicator.decimals}
                      />
                      <span>({last.period})</span>
                      <ProvenanceBadge provenance={last.provenance} />
                    </Group>
                  ) : (
                    t.common.none
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <StatusBadge status={row.status.status} />
                    {row.status.stale ? <StaleBadge /> : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {target ? (
                    <>
                      <FigureValue
                        value={target.value}
                        unitLabel={indicator.unitLabel}
                        decimals={indicator.decimals}
                      />{' '}
                      ({target.period})
                    </>
                  ) : (
                    t.common.none
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
