/** Risks as a table: unit, likelihood × impact with level, status, owner and next review. */
import { Table, Text } from '@mantine/core';
import { useId } from 'react';
import type { RiskCard } from '../api/risks.ts';
import { useI18n } from '../i18n/context.tsx';
import { formatDate } from '../i18n/format.ts';
import { AppLink } from './AppLink.tsx';
import { ClockIcon } from './Icons.tsx';
import { RiskLevelBadge } from './RiskLevelBadge.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

/** A captioned table of risk cards. */
export function RiskTable({ risks, caption }: { risks: readonly RiskCard[]; caption: string }) {
  const { t, tx, lang } = useI18n();
  const captionId = useId();
  return (
    <ScrollRegion labelId={captionId}>
      <Table verticalSpacing="xs" miw={760} captionSide="top">
        <Table.Caption id={captionId} style={{ textAlign: 'left' }}>
          {caption}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.common.title}</Table.Th>
            <Table.Th scope="col">{t.common.unit}</Table.Th>
            <Table.Th scope="col">{t.risks.level}</Table.Th>
            <Table.Th scope="col">{t.common.status}</Table.Th>
            <Table.Th scope="col">{t.risks.owner}</Table.Th>
            <Table.Th scope="col">{t.risks.reviewOn}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {risks.map((risk) => (
            <Table.Tr key={risk.id} data-risk={risk.code}>
              <Table.Th scope="row" fw={500}>
                <AppLink to={`/risks/${risk.id}`}>
                  <span className="st-code">{risk.code}</span> {tx(risk.title)}
                </AppLink>
                <Text size="xs" mt={2} c="#495057">
                  {t.risks.categories[risk.category]}
                </Text>
              </Table.Th>
              <Table.Td>{risk.unit.shortName}</Table.Td>
              <Table.Td>
                <RiskLevelBadge level={risk.level} score={risk.score} />
                <Text size="xs" mt={4}>
                  {t.risks.likelihood} {risk.likelihood} × {t.risks.impact} {risk.impact}
                </Text>
              </Table.Td>
              <Table.Td>{t.risks.status[risk.status]}</Table.Td>
              <Table.Td>{risk.owner || t.common.none}</Table.Td>
              <Table.Td>
                {risk.reviewOn ? formatDate(risk.reviewOn, lang) : t.common.none}
                {risk.reviewOverdue ? (
                  <div style={{ marginTop: 4 }}>
                    <span className="st-status st-off_track">
                      <ClockIcon />
                      {t.risks.reviewOverdue}
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
