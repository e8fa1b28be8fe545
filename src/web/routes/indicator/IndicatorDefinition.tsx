/**
 * An indicator's definition in words: what it measures, unit, desired direction, frequency,
 * how school values combine into the group value (e.g. a ratio of sums, never a mean of rates),
 * source, owner, and the plan elements it tracks.
 */
import { Text } from '@mantine/core';
import { useIndicator } from '../../api/queries.ts';
import type { IndicatorDetail, WorkspaceOverview } from '../../api/types.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { formatNumber, unitLabelName } from '../../i18n/format.ts';

/** The name of a related indicator (numerator, denominator, weight), fetched when needed. */
function useRelatedName(id: string | null): string | null {
  const { tx } = useI18n();
  const related = useIndicator(id, null);
  return related.data ? tx(related.data.indicator.name) : null;
}

/** The aggregation rule as a sentence. */
function AggregationText({ detail }: { detail: IndicatorDetail }) {
  const { t } = useI18n();
  const { indicator } = detail;
  const numerator = useRelatedName(
    indicator.aggregation === 'ratio_of_sums' ? indicator.numeratorIndicatorId : null,
  );
  const denominator = useRelatedName(
    indicator.aggregation === 'ratio_of_sums' ? indicator.denominatorIndicatorId : null,
  );
  const weight = useRelatedName(
    indicator.aggregation === 'weighted_mean' ? indicator.weightIndicatorId : null,
  );
  const other = t.aggregation.otherIndicator;
  switch (indicator.aggregation) {
    case 'ratio_of_sums':
      return <>{t.aggregation.ratio_of_sums(numerator ?? other, denominator ?? other)}</>;
    case 'weighted_mean':
      return <>{t.aggregation.weighted_mean(weight ?? other)}</>;
    default:
      return <>{t.aggregation[indicator.aggregation]}</>;
  }
}

/** The definition list of an indicator. */
export function IndicatorDefinition({
  detail,
  workspace,
}: {
  detail: IndicatorDetail;
  workspace: WorkspaceOverview | undefined;
}) {
  const { t, tx, lang } = useI18n();
  const { indicator } = detail;
  const ownerUnit = workspace?.units.find((u) => u.id === indicator.ownerUnitId);
  const definition = tx(indicator.definition);
  const direction =
    indicator.direction === 'range' && indicator.rangeMin !== null && indicator.rangeMax !== null
      ? t.direction.rangeBounds(
          formatNumber(indicator.rangeMin, indicator.decimals, lang),
          formatNumber(indicator.rangeMax, indicator.decimals, lang),
        )
      : t.direction[indicator.direction];
  const owner = [indicator.owner, ownerUnit ? tx(ownerUnit.name) : ''].filter(Boolean).join(' — ');

  return (
    <>
      {definition ? (
        <Text maw={760} mb="sm" style={{ whiteSpace: 'pre-line' }}>
          {definition}
        </Text>
      ) : null}
      <dl className="st-dl">
        <dt>{t.indicator.unit}</dt>
        <dd>{indicator.unitLabel ? unitLabelName(indicator.unitLabel, lang) : t.common.none}</dd>
        <dt>{t.indicator.direction}</dt>
        <dd>{direction}</dd>
        <dt>{t.indicator.frequency}</dt>
        <dd>{t.frequency[indicator.frequency]}</dd>
        <dt>{t.indicator.aggregation}</dt>
        <dd data-testid="aggregation">
          <AggregationText detail={detail} />
        </dd>
        <dt>{t.indicator.source}</dt>
        <dd>{indicator.source || t.common.none}</dd>
        <dt>{t.indicator.owner}</dt>
        <dd>{owner || t.common.none}</dd>
        {detail.elements.length > 0 ? (
          <>
            <dt>{t.indicator.elements}</dt>
            <dd>
              <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
                {detail.elements.map((element) => (
                  <li key={element.id}>
                    <AppLink to={`/elements/${element.id}`}>
                      <span className="st-code">{element.code}</span> {tx(element.title)}
                    </AppLink>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
    </>
  );
}
