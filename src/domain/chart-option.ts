/**
 * The ECharts option of an indicator chart, built from its chart model: one definition of the
 * lines' look (group, schools, trajectory, target, forecast) for the web app's live chart and the
 * reports' server-rendered SVG. Pure: takes the labels and number formatting from the caller.
 */
import type { ComposeOption } from 'echarts/core';
import type { LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ChartModel, ChartSeries } from './chart-model.ts';

/** The option type of an indicator chart. */
export type IndicatorChartOption = ComposeOption<
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | TitleComponentOption
>;

export const GROUP_COLOR = '#102f54';
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

/** What the caller provides: series names, how to write a value, the legend's width. */
export interface ChartOptionText {
  names: Record<Exclude<ChartSeries['kind'], 'unit'>, string>;
  /** A number as the axis shows it (with its unit). */
  axisValue: (value: number) => string;
  /** A number as the tooltip shows it. */
  value: (value: number) => string;
  /** How many legend entries fit on one row. */
  legendPerRow: number;
}

/** Builds the ECharts option of an indicator chart from its model. */
export function indicatorChartOption(
  model: ChartModel,
  text: ChartOptionText,
): IndicatorChartOption {
  let unitIndex = 0;
  const legendRows = Math.ceil(model.series.length / text.legendPerRow);
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 24 + legendRows * 24, bottom: 8, containLabel: true },
    legend: { type: 'plain', top: 0, left: 0, textStyle: { color: '#212529' } },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: unknown) => (typeof value === 'number' ? text.value(value) : '—'),
    },
    xAxis: {
      type: 'category',
      data: model.categories,
      boundaryGap: false,
      axisLabel: { color: '#343a40' },
    },
    yAxis: {
      type: 'value',
      scale: true,
      axisLabel: { color: '#343a40', formatter: (value: number) => text.axisValue(value) },
    },
    series: model.series.map((series) => {
      const style = seriesStyle(series, series.kind === 'unit' ? unitIndex++ : 0);
      return {
        type: 'line',
        name: series.kind === 'unit' ? series.label : text.names[series.kind],
        data: series.data,
        ...style,
      } satisfies LineSeriesOption;
    }),
  };
}
