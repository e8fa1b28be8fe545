/**
 * The indicator's line chart (ECharts, SVG renderer, only the parts used): group and unit
 * actuals, expected trajectory (dotted), target (diamonds), forecast (dashed). Loaded lazily.
 * The chart is an image with a text alternative; the same data is in the table that follows.
 */
import { init, use as registerEchartsParts } from 'echarts/core';
import type { ECharts } from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { IndicatorDetail } from '../../api/types.ts';
import { useI18n } from '../../i18n/context.tsx';
import { formatNumber, formatValue } from '../../i18n/format.ts';
import { buildChartModel, defaultChartView } from './chart-data.ts';
import type { ChartView } from './chart-data.ts';
import { indicatorChartOption, type IndicatorChartOption } from '../../../domain/chart-option.ts';
import { ChartViewSwitch } from './ChartViewSwitch.tsx';

registerEchartsParts([
  LineChart,
  GridComponent,
  LegendPlainComponent,
  TooltipComponent,
  SVGRenderer,
]);

/** The width of an element, kept up to date as it resizes. */
function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(800);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (entry) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [ref]);
  return width;
}

/** The chart of an indicator's detail, with the choice of series shown. */
export function IndicatorChart({ detail }: { detail: IndicatorDetail }) {
  const [view, setView] = useState<ChartView>(() => defaultChartView(detail));
  return (
    <>
      <ChartViewSwitch view={view} onChange={setView} />
      <ChartCanvas detail={detail} view={view} />
    </>
  );
}

function ChartCanvas({ detail, view }: { detail: IndicatorDetail; view: ChartView }) {
  const { t, tx, lang } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const decimals = detail.indicator.decimals;
  const unitLabel = detail.indicator.unitLabel;
  const width = useElementWidth(container);
  const legendPerRow = Math.max(2, Math.floor(width / 170));

  const option = useMemo<IndicatorChartOption>(() => {
    const model = buildChartModel(detail, view);
    return indicatorChartOption(model, {
      names: {
        group: t.indicator.seriesGroup,
        expected: t.indicator.seriesExpected,
        target: t.indicator.seriesTarget,
        forecast: t.indicator.seriesForecast,
      },
      axisValue: (value) => formatValue(value, unitLabel, decimals, lang),
      value: (value) => formatNumber(value, decimals, lang),
      legendPerRow,
    });
  }, [detail, view, t, lang, decimals, unitLabel, legendPerRow]);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => {
      instance.resize();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  const seriesCount = detail.units.filter((u) => u.series.length > 0).length + 4;
  return (
    <div
      ref={container}
      role="img"
      aria-label={t.indicator.chartAlt(tx(detail.indicator.name))}
      style={{ width: '100%', height: 340 + Math.ceil(seriesCount / legendPerRow) * 24 }}
    />
  );
}
