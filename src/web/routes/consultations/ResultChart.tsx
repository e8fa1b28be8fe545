/**
 * One question's distribution as a bar chart (ECharts, SVG renderer, only the parts used). The
 * chart is an image with a text alternative; the same counts are in the table next to it.
 */
import { init, use as registerEchartsParts } from 'echarts/core';
import type { ComposeOption, ECharts } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import type { BarSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';

registerEchartsParts([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

/** The chart: one bar per category. */
export function ResultChart({
  categories,
  counts,
  label,
}: {
  categories: string[];
  counts: number[];
  label: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const option = useMemo<Option>(
    () => ({
      animation: false,
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#343a40' } },
      yAxis: {
        type: 'category',
        data: categories,
        inverse: true,
        axisLabel: { color: '#343a40', width: 160, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: counts,
          itemStyle: { color: '#2f5f98' },
          label: { show: true, position: 'right', color: '#212529' },
        },
      ],
    }),
    [categories, counts],
  );

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

  return (
    <div
      ref={container}
      role="img"
      aria-label={label}
      style={{ width: '100%', maxWidth: 560, height: 40 + categories.length * 30 }}
    />
  );
}
