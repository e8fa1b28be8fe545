/**
 * The indicator's line chart (ECharts, SVG renderer, only the parts used): group and unit
 * actuals, expected trajectory (dotted), target (diamonds), forecast (dashed). Loaded lazily.
 * The chart is an image with a text alternative; the same data is in the table that follows.
 */
import { init, use as registerEchartsParts } from 'echarts/core';
import type { ComposeOption, ECharts } from 'echarts/core';
import { LineChart } from 'echarts/charts';
import type { LineSeriesOption } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, TooltipComponent } from 'echarts/components';
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { IndicatorDetail } from '../../api/types.ts';
import { useI18n } from '../../i18n/context.tsx';
import { formatNumber, formatValue } from '../../i18n/format.ts';
import { buildChartModel, defaultChartView } from './chart-data.ts';
import type { ChartSeries, ChartView } from './chart-data.ts';
import { ChartViewSwitch } from './ChartViewSwitch.tsx';

registerEchartsParts([
  LineChart,
  GridComponent,
  LegendPlainComponent,
  TooltipComponent,
  SVGRenderer,
]);

type Option = ComposeOption<
  LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

const GROUP_COLOR = '#102f54';
const UNIT_COLORS = [
  '#2f7ed8',
  '#0d9488',
  '#b45309',
  '#7c3aed',
  '#be185d',
  '#4d7c0f',
  '#0369a1',
  '#a16207',
  '#6d28d9',
  '#b91c1c',
];

function seriesStyle(series: ChartSeries, index: number): Partial<LineSeriesOption> {
  switch (series.kind) {
    case 'group':
      return {
        lineStyle: { width: 3.5, color: GROUP_COLOR },
        itemStyle: { color: GROUP_COLOR },
        symbolSize: 8,
        z: 5,
      };
    case 'unit': {
      const color = UNIT_COLORS[index % UNIT_COLORS.length] ?? '#2f7ed8';
      return { lineStyle: { width: 1.5, color }, itemStyle: { color }, symbolSize: 5 };
    }
    case 'expected':
      return {
        lineStyle: { width: 2, type: 'dotted', color: '#5a6169' },
        itemStyle: { color: '#5a6169' },
        symbol: 'none',
        connectNulls: true,
      };
    case 'target':
      return {
        symbol: 'diamond',
        symbolSize: 14,
        itemStyle: { color: '#c92a2a' },
        lineStyle: { opacity: 0 },
        z: 6,
      };
    case 'forecast':
      return {
        lineStyle: { width: 2.5, type: 'dashed', color: GROUP_COLOR },
        itemStyle: { color: GROUP_COLOR },
        symbol: 'emptyCircle',
        symbolSize: 7,
        connectNulls: true,
      };
  }
}

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

  const option = useMemo<Option>(() => {
    const model = buildChartModel(detail, view);
    const names: Record<ChartSeries['kind'], string> = {
      group: t.indicator.seriesGroup,
      unit: '',
      expected: t.indicator.seriesExpected,
      target: t.indicator.seriesTarget,
      forecast: t.indicator.seriesForecast,
    };
    let unitIndex = 0;
    const legendRows = Math.ceil(model.series.length / legendPerRow);
    const format = (value: unknown) =>
      typeof value === 'number' ? formatNumber(value, decimals, lang) : '—';
    return {
      animation: false,
      grid: { left: 8, right: 24, top: 24 + legendRows * 24, bottom: 8, containLabel: true },
      legend: { type: 'plain', top: 0, left: 0, textStyle: { color: '#212529' } },
      tooltip: { trigger: 'axis', valueFormatter: format },
      xAxis: {
        type: 'category',
        data: model.categories,
        boundaryGap: false,
        axisLabel: { color: '#343a40' },
      },
      yAxis: {
        type: 'value',
        scale: true,
        axisLabel: {
          color: '#343a40',
          formatter: (value: number) => formatValue(value, unitLabel, decimals, lang),
        },
      },
      series: model.series.map((series) => {
        const style = seriesStyle(series, series.kind === 'unit' ? unitIndex++ : 0);
        return {
          type: 'line',
          name: series.kind === 'unit' ? series.label : names[series.kind],
          data: series.data,
          ...style,
        } satisfies LineSeriesOption;
      }),
    };
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
