/** The group trajectory: baseline, milestones and target, each with provenance and reason. */
import { Table } from '@mantine/core';
import { useId } from 'react';
import type { IndicatorDetail } from '../../api/types.ts';
import { FigureValue } from '../../components/FigureValue.tsx';
import { ProvenanceBadge } from '../../components/ProvenanceBadge.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useI18n } from '../../i18n/context.tsx';

/** The targets table (hidden when the indicator has no trajectory). */
export function TargetsTable({ detail }: { detail: IndicatorDetail }) {
  const { t } = useI18n();
  const captionId = useId();
  const { indicator } = detail;
  if (detail.group.targets.length === 0) return null;
  return (
    <ScrollRegion labelId={captionId}>
      <Table captionSide="top" miw={600}>
        <Table.Caption id={captionId} style={{ textAlign: 'left' }}>
          {t.indicator.targetsCaption}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.common.period}</Table.Th>
            <Table.Th scope="col">{t.common.level}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t.common.value}
            </Table.Th>
            <Table.Th scope="col">{t.common.provenance}</Table.Th>
            <Table.Th scope="col">{t.common.source}</Table.Th>
            <Table.Th scope="col">{t.indicator.reason}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.group.targets.map((point) => (
            <Table.Tr key={point.id}>
              <Table.Th scope="row" fw={500}>
                {point.period}
              </Table.Th>
              <Table.Td>{t.indicator.targetKind[point.kind]}</Table.Td>
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
              <Table.Td>{point.source || t.common.none}</Table.Td>
              <Table.Td>{point.reason || t.common.none}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
