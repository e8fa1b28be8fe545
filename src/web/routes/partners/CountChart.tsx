/**
 * A bar chart of counts by key (partners by region, by scale): ECharts with the SVG renderer,
 * an image with a text alternative, followed by the same figures as a table.
 */
import { init, use as registerEchartsParts } from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import type { BarSeriesOption } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import type { GridComponentOption } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { Table, Text } from '@mantine/core';
import { useEffect, useId, useRef } from 'react';
import { useI18n } from '../../i18n/context.tsx';

registerEchartsParts([BarChart, GridComponent, SVGRenderer]);

type Option = ComposeOption<BarSeriesOption | GridComponentOption>;

/** Counts by label, as a horizontal bar chart and a table. */
export function CountChart({
  title,
  rows,
}: {
  title: string;
  rows: readonly { label: string; count: number }[];
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const captionId = useId();
  const height = Math.max(120, rows.length * 34 + 40);

  useEffect(() => {
    const node = ref.current;
    if (!node || rows.length === 0) return undefined;
    const chart = init(node, null, { renderer: 'svg' });
    const ordered = [...rows].reverse();
    const option: Option = {
      animation: false,
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#343a40' } },
      yAxis: {
        type: 'category',
        data: ordered.map((r) => r.label),
        axisLabel: { color: '#343a40', width: 140, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: ordered.map((r) => r.count),
          itemStyle: { color: '#2f5f98' },
          barMaxWidth: 22,
          label: { show: true, position: 'right', color: '#212529' },
        },
      ],
    };
    chart.setOption(option);
    const observer = new ResizeObserver(() => {
      chart.resize();
    });
    observer.observe(node);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [rows]);

  return (
    <figure style={{ margin: 0 }}>
      <Text component="figcaption" fw={600} mb="xs" id={captionId}>
        {title}
      </Text>
      {rows.length > 0 ? (
        <div ref={ref} role="img" aria-label={t.partners.chartAlt(title)} style={{ height }} />
      ) : null}
      <Table verticalSpacing={4} aria-labelledby={captionId} mt="xs">
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.label}>
              <Table.Th scope="row" fw={400}>
                {r.label}
              </Table.Th>
              <Table.Td style={{ textAlign: 'right' }}>{r.count}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </figure>
  );
}
