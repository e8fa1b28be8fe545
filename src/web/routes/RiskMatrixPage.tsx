/**
 * `/risks/matrix`: the 5 × 5 risk matrix. Likelihood in rows (5 at the top), impact in
 * columns, each cell coloured by its level and counting the open and mitigated risks; a cell
 * with risks links to the register filtered on it. Filterable by unit and priority, as of a date.
 */
import { Group, Table, Text } from '@mantine/core';
import { useId } from 'react';
import { useRiskMatrix, type RiskMatrix } from '../api/risks.ts';
import { AppLink } from '../components/AppLink.tsx';
import { AsOfPicker } from '../components/AsOfPicker.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { QueryView } from '../components/QueryState.tsx';
import { LEVEL_COLOURS, RiskLevelBadge } from '../components/RiskLevelBadge.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { RISK_LEVELS, RISK_SCALE, type RiskLevel } from '../../domain/risk.ts';
import { useI18n } from '../i18n/context.tsx';
import { useAsOf } from '../lib/as-of.ts';
import { RiskFilters, useRiskFilters } from './risk/RiskFilters.tsx';

/** The scores of each level (likelihood × impact). */
const LEVEL_RANGES: Record<RiskLevel, string> = {
  low: '1–4',
  medium: '5–9',
  high: '10–16',
  critical: '20–25',
};

/** The matrix page. */
export function RiskMatrixPage() {
  const { t } = useI18n();
  const [asOf] = useAsOf();
  const [filters] = useRiskFilters();
  const matrix = useRiskMatrix({ unitId: filters.unitId, elementId: filters.elementId, asOf });
  return (
    <>
      <PageTitle title={t.risks.matrixTitle} />
      <Text maw={760} mb="md">
        {t.risks.matrixIntro}
      </Text>
      <Group justify="space-between" align="flex-end" wrap="wrap" mb="sm">
        <AsOfPicker />
        <AppLink to="/risks">{t.risks.seeRegister}</AppLink>
      </Group>
      <RiskFilters withStatus={false} />
      <QueryView query={matrix}>
        {(data) => (
          <MatrixTable data={data} unitId={filters.unitId} elementId={filters.elementId} />
        )}
      </QueryView>
    </>
  );
}

function MatrixTable({
  data,
  unitId,
  elementId,
}: {
  data: RiskMatrix;
  unitId: string | null;
  elementId: string | null;
}) {
  const { t } = useI18n();
  const captionId = useId();
  const linkTo = (likelihood: number, impact: number) => {
    const query = new URLSearchParams({ likelihood: String(likelihood), impact: String(impact) });
    if (unitId) query.set('unitId', unitId);
    if (elementId) query.set('elementId', elementId);
    return `/risks?${query.toString()}`;
  };
  return (
    <>
      <Text mb="xs" fw={600}>
        {t.risks.matrixTotal(data.total)}
      </Text>
      <ScrollRegion labelId={captionId}>
        <Table
          captionSide="top"
          withTableBorder
          withColumnBorders
          maw={560}
          miw={300}
          data-testid="risk-matrix"
        >
          <Table.Caption id={captionId} style={{ textAlign: 'left' }}>
            {t.risks.matrixCaption}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">
                {t.risks.likelihood} ↓<br />
                {t.risks.impact} →
              </Table.Th>
              {RISK_SCALE.map((impact) => (
                <Table.Th key={impact} scope="col" style={{ textAlign: 'center' }}>
                  <span className="st-visually-hidden">{t.risks.impact} </span>
                  {impact}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...RISK_SCALE].reverse().map((likelihood) => (
              <Table.Tr key={likelihood}>
                <Table.Th scope="row" style={{ textAlign: 'center' }}>
                  <span className="st-visually-hidden">{t.risks.likelihood} </span>
                  {likelihood}
                </Table.Th>
                {RISK_SCALE.map((impact) => {
                  const cell = data.cells.find(
                    (c) => c.likelihood === likelihood && c.impact === impact,
                  );
                  if (!cell) return <Table.Td key={impact} />;
                  const colours = LEVEL_COLOURS[cell.level];
                  return (
                    <Table.Td
                      key={impact}
                      data-cell={`${String(likelihood)}-${String(impact)}`}
                      data-count={cell.count}
                      style={{
                        background: colours.bg,
                        color: colours.fg,
                        textAlign: 'center',
                        fontWeight: 700,
                        minWidth: 44,
                        height: 52,
                      }}
                    >
                      {cell.count > 0 ? (
                        <AppLink
                          to={linkTo(likelihood, impact)}
                          style={{ color: colours.fg, fontSize: '1.1rem' }}
                          aria-label={t.risks.matrixCell(cell.count, likelihood, impact)}
                        >
                          {cell.count}
                        </AppLink>
                      ) : (
                        <>
                          <span aria-hidden="true">·</span>
                          <span className="st-visually-hidden">
                            {t.risks.matrixCell(0, likelihood, impact)}
                          </span>
                        </>
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
      <Group gap="xs" mt="sm" aria-label={t.risks.legend} role="group">
        {RISK_LEVELS.map((level) => (
          <span key={level}>
            <RiskLevelBadge level={level} />{' '}
            <Text component="span" size="sm">
              {LEVEL_RANGES[level]}
            </Text>
          </span>
        ))}
      </Group>
    </>
  );
}
