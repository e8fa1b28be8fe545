/**
 * Server-side charts: the indicator chart of the web app (same model, same ECharts option)
 * rendered to an SVG string by ECharts' SSR renderer, and that SVG read back into a small element
 * tree the PDF renderer turns into react-pdf <Svg> primitives.
 */
import { init, use as registerEchartsParts } from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { LegacyGridContainLabel } from 'echarts/features';
import { buildChartModel, defaultChartView, type ChartSource } from '../../domain/chart-model.ts';
import { indicatorChartOption } from '../../domain/chart-option.ts';
import type { ReportLang } from './model.ts';
import { formatNumber, formatValue, reportText } from './text.ts';

registerEchartsParts([
  LineChart,
  GridComponent,
  LegendPlainComponent,
  TooltipComponent,
  SVGRenderer,
  LegacyGridContainLabel,
]);

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 300;

/** The chart of an indicator as an SVG document, or null when it has nothing to draw. */
export function indicatorChartSvg(
  source: ChartSource,
  unit: { label: string; decimals: number },
  lang: ReportLang,
  id: string,
): string | null {
  const model = buildChartModel(source, defaultChartView({ ...source, units: [] }));
  if (model.categories.length === 0 || model.series.length === 0) return null;
  const t = reportText(lang);
  const option = indicatorChartOption(model, {
    names: {
      group: t.seriesGroup,
      expected: t.seriesExpected,
      target: t.seriesTarget,
      forecast: t.seriesForecast,
    },
    axisValue: (value) => formatValue(value, unit.label, unit.decimals, lang),
    value: (value) => formatNumber(value, unit.decimals, lang),
    legendPerRow: 4,
  });
  const chart = init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  });
  try {
    chart.setOption(option);
    const svg = chart.renderToSVGString();
    return (
      svg
        // hover styles mean nothing on paper or in a static page
        .replace(/<style\b[\s\S]*?<\/style>/g, '')
        // several charts share one page: keep their clip-path ids apart
        .replace(/zr\d+-/g, `${id}-`)
    );
  } finally {
    chart.dispose();
  }
}

/** An SVG element read back from ECharts' output. */
export interface SvgNode {
  tag: string;
  attrs: Record<string, string>;
  children: SvgNode[];
  text: string;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Parses the SVG that ECharts writes (well-formed, double-quoted attributes, no comments):
 * enough XML for that output, not a general parser.
 */
export function parseSvg(svg: string): SvgNode | null {
  const root: SvgNode = { tag: '#root', attrs: {}, children: [], text: '' };
  const stack: SvgNode[] = [root];
  const token =
    /<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;
  for (const match of svg.matchAll(token)) {
    const [, closing, tag, attrText, selfClosing, text] = match;
    const top = stack[stack.length - 1];
    if (!top) break;
    if (text !== undefined) {
      if (text.trim()) top.text += decodeEntities(text);
      continue;
    }
    if (!tag) continue;
    if (closing) {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (attrText ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)) {
      if (a[1]) attrs[a[1]] = decodeEntities(a[2] ?? '');
    }
    const node: SvgNode = { tag, attrs, children: [], text: '' };
    top.children.push(node);
    if (!selfClosing) stack.push(node);
  }
  return root.children.find((n) => n.tag === 'svg') ?? null;
}
