/**
 * The chart's text alternative: every value by period and unit, with provenance, source and
 * validation; group values say whether they were reported or aggregated, and their coverage.
 */
import { Table, Text } from '@mantine/core';
import { useId } from 'react';
import type { IndicatorDetail } from '../../api/types.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { FigureValue } from '../../components/FigureValue.tsx';
import { ProvenanceBadge } from '../../components/ProvenanceBadge.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { periodAxis } from './chart-data.ts';

/** The values table of an indicator. */
export function ValuesTable({ detail }: { detail: IndicatorDetail }) {
  const { t, tx } = useI18n();
  const captionId = useId();
  const { indicator, group, units } = detail;
  const periods = periodAxis([
    ...group.series.map((p) => p.period),
    ...units.flatMap((u) => u.series.map((p) => p.period)),
  ]).reverse();
  const groupByPeriod = new Map(group.series.map((p) => [p.period, p]));
  if (periods.length === 0) return <Text>{t.indicator.tableEmpty}</Text>;

  return (
    <ScrollRegion labelId={captionId}>
      <Table captionSide="top" miw={760} striped data-testid="values-table">
        <Table.Caption id={captionId} style={{ textAlign: 'left' }}>
          {t.indicator.tableCaption(tx(indicator.name))}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.common.period}</Table.Th>
            <Table.Th scope="col">{t.common.unit}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t.common.value}
            </Table.Th>
            <Table.Th scope="col">{t.common.provenance}</Table.Th>
            <Table.Th scope="col">{t.common.source}</Table.Th>
            <Table.Th scope="col">{t.common.validated}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {periods.flatMap((period) => {
            const rows = [];
            const g = groupByPeriod.get(period);
            if (g) {
              rows.push(
                <Table.Tr key={`${period}-group`}>
                  <Table.Th scope="row">{period}</Table.Th>
                  <Table.Td>
                    <Text fw={700} size="sm">
                      {t.common.group}
                    </Text>
                    <Text size="xs">
                      {t.origin[g.origin]}
                      {g.origin === 'aggregated'
                        ? ` · ${t.common.reporting(g.reporting, g.expected)}`
                        : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" fw={700}>
                    <FigureValue
                      value={g.value}
                      unitLabel={indicator.unitLabel}
                      decimals={indicator.decimals}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ProvenanceBadge provenance={g.provenance} />
                  </Table.Td>
                  <Table.Td fz="xs">{g.source || t.common.none}</Table.Td>
                  <Table.Td>{t.common.none}</Table.Td>
                </Table.Tr>,
              );
            }
            for (const unit of units) {
              const point = unit.series.find((p) => p.period === period);
              if (!point) continue;
              rows.push(
                <Table.Tr key={`${period}-${unit.unit.id}`} data-unit={unit.unit.code}>
                  <Table.Th scope="row" fw={400}>
                    {period}
                  </Table.Th>
                  <Table.Td>
                    <AppLink to={`/units/${unit.unit.id}`}>{unit.unit.shortName}</AppLink>
                  </Table.Td>
                  <Table.Td ta="right">
                    <FigureValue
                      value={point.value}
                      unitLabel={indicator.unitLabel}
                      decimals={indicator.decimals}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ProvenanceBadge provenance={point.provenance} />
                  </Table.Td>
                  <Table.Td fz="xs">{point.source || t.common.none}</Table.Td>
                  <Table.Td>{point.validated ? t.common.yes : t.common.no}</Table.Td>
                </Table.Tr>,
              );
            }
            return rows;
          })}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
