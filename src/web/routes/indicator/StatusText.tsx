/**
 * An indicator's status and forecast in words, e.g. "Projected 18 in 2027, target 20: not
 * likely; needs +3/yr against a trend of +2/yr".
 */
import { Group, Stack, Text } from '@mantine/core';
import type { ForecastDto, Indicator, IndicatorStatusDto } from '../../api/types.ts';
import { StaleBadge, StatusBadge } from '../../components/StatusBadge.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { formatRatio, formatSigned, formatValue } from '../../i18n/format.ts';

/** The forecast sentence, or null without a projection. */
export function useForecastSentence(
  indicator: Indicator,
  forecast: ForecastDto | null,
): string | null {
  const { t, lang } = useI18n();
  if (!forecast || forecast.projected === null) return null;
  const value = (v: number) => formatValue(v, indicator.unitLabel, indicator.decimals, lang);
  const verdict =
    forecast.likely === null
      ? t.indicator.undetermined
      : forecast.likely
        ? t.indicator.likely
        : t.indicator.unlikely;
  let sentence = `${t.indicator.forecast(value(forecast.projected), forecast.targetPeriod, value(forecast.targetValue))}${t.common.colon} ${verdict}`;
  if (forecast.requiredPerPeriod !== null && forecast.trendPerPeriod !== null) {
    const signed = (v: number) => formatSigned(v, Math.max(indicator.decimals, 1), lang);
    sentence += `${t.common.semicolon} ${t.indicator.pace(signed(forecast.requiredPerPeriod), signed(forecast.trendPerPeriod), t.perPeriod[indicator.frequency])}`;
  }
  return `${sentence}.`;
}

/** Status chip, staleness, latest value, expected value, progress and forecast. */
export function StatusText({
  indicator,
  status,
  forecast,
}: {
  indicator: Indicator;
  status: IndicatorStatusDto;
  forecast: ForecastDto | null;
}) {
  const { t, lang } = useI18n();
  const sentence = useForecastSentence(indicator, forecast);
  const value = (v: number) => formatValue(v, indicator.unitLabel, indicator.decimals, lang);
  return (
    <Stack gap={6}>
      <Group gap="xs" data-testid="indicator-status" data-status={status.status}>
        <StatusBadge status={status.status} />
        {status.stale ? <StaleBadge since={status.staleAfter} /> : null}
      </Group>
      {status.latest ? (
        <Text>{t.indicator.latest(value(status.latest.value), status.latest.period)}</Text>
      ) : null}
      {status.expected !== null ? (
        <Text>{t.indicator.expected(value(status.expected))}</Text>
      ) : null}
      {status.progress !== null ? (
        <Text>{t.indicator.progress(formatRatio(status.progress, lang))}</Text>
      ) : null}
      <Text data-testid="forecast">{sentence ?? t.indicator.noForecast}</Text>
    </Stack>
  );
}
