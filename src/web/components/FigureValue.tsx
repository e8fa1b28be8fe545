/** A figure formatted for the language, with its unit label. */
import { useI18n } from '../i18n/context.tsx';
import { formatValue } from '../i18n/format.ts';

/** Formats `value` with the indicator's decimals and unit ("23,3 %", "1 200 €"). */
export function FigureValue({
  value,
  unitLabel,
  decimals,
}: {
  value: number | null | undefined;
  unitLabel: string;
  decimals: number;
}) {
  const { lang, t } = useI18n();
  if (value === null || value === undefined) return <span>{t.common.none}</span>;
  return <span className="st-figure">{formatValue(value, unitLabel, decimals, lang)}</span>;
}

/** The same as a string, for labels and sentences. */
export function useFormatFigure(): (
  value: number | null | undefined,
  unitLabel: string,
  decimals: number,
) => string {
  const { lang, t } = useI18n();
  return (value, unitLabel, decimals) =>
    value === null || value === undefined
      ? t.common.none
      : formatValue(value, unitLabel, decimals, lang);
}
