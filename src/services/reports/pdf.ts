/**
 * The report as a PDF with @react-pdf/renderer (built with createElement: the server runs .ts
 * files without a JSX step). Charts are the same ECharts SVG as the HTML report, converted into
 * react-pdf <Svg> primitives (path, rect, line, text, g). The standard Helvetica font is used, so
 * text is reduced to the characters its encoding has. react-pdf writes no tagged (accessible) PDF:
 * the HTML report is the accessible version.
 */
import { createElement, type ComponentType, type ReactElement, type ReactNode } from 'react';
import {
  Document,
  G,
  Line,
  Page,
  Path,
  Rect,
  renderToBuffer,
  StyleSheet,
  Svg,
  Text,
  View,
} from '@react-pdf/renderer';
import type { Bilingual } from '../../contracts/index.ts';
import { CHART_HEIGHT, CHART_WIDTH, indicatorChartSvg, parseSvg, type SvgNode } from './charts.ts';
import { decisionsOf, reportTitle, sourcesOf } from './layout.ts';
import type { ReportIndicator, ReportModel } from './model.ts';
import { formatDate, formatNumber, formatValue, reportText, STATUS_COLORS } from './text.ts';

type Props = Record<string, unknown>;
/** createElement over react-pdf's components, whose SVG text props the typings leave out. */
const h = (type: unknown, props: Props | null, ...children: ReactNode[]): ReactElement =>
  createElement(type as ComponentType<Props>, props, ...children);

const NAVY = '#102f54';
const styles = StyleSheet.create({
  page: {
    paddingTop: 42,
    paddingBottom: 48,
    paddingHorizontal: 40,
    fontFamily: 'Helvetica',
    fontSize: 9.5,
    color: '#1f2328',
    lineHeight: 1.35,
  },
  cover: { marginBottom: 14, borderBottomWidth: 3, borderBottomColor: NAVY, paddingBottom: 8 },
  small: { fontSize: 8.5, color: '#343a40' },
  h1: {
    fontSize: 20,
    fontFamily: 'Helvetica-Bold',
    color: NAVY,
    marginTop: 4,
    marginBottom: 8,
    lineHeight: 1.2,
  },
  h2: {
    fontSize: 14,
    fontFamily: 'Helvetica-Bold',
    color: NAVY,
    marginTop: 12,
    marginBottom: 6,
    paddingBottom: 2,
    borderBottomWidth: 1,
    borderBottomColor: '#ced4da',
  },
  h3: { fontSize: 11.5, fontFamily: 'Helvetica-Bold', marginTop: 10, marginBottom: 4 },
  h4: { fontSize: 10, fontFamily: 'Helvetica-Bold', marginTop: 8, marginBottom: 3 },
  p: { marginBottom: 4 },
  table: { marginVertical: 4, borderTopWidth: 0.5, borderLeftWidth: 0.5, borderColor: '#adb5bd' },
  row: { flexDirection: 'row' },
  cell: {
    borderRightWidth: 0.5,
    borderBottomWidth: 0.5,
    borderColor: '#adb5bd',
    paddingVertical: 2,
    paddingHorizontal: 3,
  },
  head: { backgroundColor: '#f1f3f5', fontFamily: 'Helvetica-Bold' },
  badge: { fontFamily: 'Helvetica-Bold', paddingHorizontal: 2 },
  cards: { flexDirection: 'row', flexWrap: 'wrap', marginHorizontal: -3 },
  card: {
    width: '31%',
    margin: '1%',
    borderWidth: 0.5,
    borderColor: '#adb5bd',
    borderRadius: 3,
    padding: 5,
  },
  figure: { fontSize: 14, fontFamily: 'Helvetica-Bold', color: NAVY },
  footer: {
    position: 'absolute',
    bottom: 20,
    left: 40,
    right: 40,
    fontSize: 8,
    color: '#495057',
    flexDirection: 'row',
    justifyContent: 'space-between',
  },
});

/**
 * Text as Helvetica (WinAnsi) can show it: narrow and thin spaces become no-break spaces, the
 * minus sign and arrows their nearest ASCII.
 */
export function pdfText(text: string): string {
  return text
    .replace(/[\u202f\u2009\u2007]/g, '\u00a0')
    .replace(/\u2212/g, '-')
    .replace(/\u2192/g, '->')
    .replace(
      // eslint-disable-next-line no-control-regex -- the whole Latin-1 range is kept, as is
      /[^\u0000-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/g,
      '?',
    );
}

const T = (style: Props | Props[] | undefined, text: string, extra: Props = {}) =>
  h(Text, { style, ...extra }, pdfText(text));

/** A table: widths in percent, the first row a header; rows are not split across pages. */
function table(
  widths: number[],
  head: string[],
  rows: (string | ReactElement)[][],
  fontSize = 9.5,
): ReactElement {
  const line = (cells: (string | ReactElement)[], header: boolean, key: string) =>
    h(
      View,
      { style: styles.row, key, wrap: false, minPresenceAhead: header ? 30 : 0 },
      ...cells.map((c, i) =>
        h(
          View,
          {
            key: String(i),
            style: [
              styles.cell,
              header ? styles.head : {},
              { width: `${String(widths[i] ?? 10)}%` },
            ],
          },
          typeof c === 'string' ? T(undefined, c) : c,
        ),
      ),
    );
  return h(
    View,
    { style: [styles.table, { fontSize }] },
    line(head, true, 'head'),
    ...rows.map((r, i) => line(r, false, String(i))),
  );
}

function badge(status: string, label: string): ReactElement {
  const c = STATUS_COLORS[status] ?? STATUS_COLORS.no_data ?? { fg: '#000', bg: '#fff' };
  return T([styles.badge, { color: c.fg, backgroundColor: c.bg }], label);
}

const num = (value: string | undefined) =>
  value === undefined ? undefined : Number.parseFloat(value);

/** The font size in an ECharts `style` attribute. */
function fontSizeOf(style: string | undefined): number {
  const match = /font-size:\s*([\d.]+)px/.exec(style ?? '');
  return match?.[1] ? Number.parseFloat(match[1]) : 12;
}

/** Shared presentation attributes, renamed for react-pdf. */
function presentation(a: Record<string, string>): Props {
  const out: Props = {};
  const map: Record<string, string> = {
    fill: 'fill',
    stroke: 'stroke',
    'stroke-width': 'strokeWidth',
    'stroke-dasharray': 'strokeDasharray',
    'stroke-linecap': 'strokeLinecap',
    'stroke-linejoin': 'strokeLinejoin',
    'fill-opacity': 'fillOpacity',
    'stroke-opacity': 'strokeOpacity',
    opacity: 'opacity',
    transform: 'transform',
  };
  for (const [from, to] of Object.entries(map)) {
    const value = a[from];
    if (value === undefined) continue;
    out[to] = to === 'transform' ? value.replace(/(\d)\s+(-?\d)/g, '$1,$2') : value;
  }
  for (const key of ['strokeWidth', 'fillOpacity', 'strokeOpacity', 'opacity']) {
    if (typeof out[key] === 'string') out[key] = Number.parseFloat(out[key]);
  }
  return out;
}

/** A shape that draws nothing: transparent fill and no visible stroke. */
function invisible(a: Record<string, string>): boolean {
  const noFill = a.fill === 'none' || a['fill-opacity'] === '0';
  const noStroke = !a.stroke || a['stroke-width'] === '0' || a.stroke === 'none';
  return noFill && noStroke;
}

/** Converts one parsed SVG element into react-pdf primitives (null for what is left out). */
export function svgToPdf(node: SvgNode, key: string): ReactElement | null {
  const a = node.attrs;
  const kids = () =>
    node.children.map((c, i) => svgToPdf(c, `${key}.${String(i)}`)).filter((c) => c !== null);
  switch (node.tag) {
    case 'g':
      return h(G, { key, ...presentation(a) }, ...kids());
    case 'path':
      // invisible hit areas and backgrounds (the legend's) are left out
      if (!a.d || invisible(a)) return null;
      return h(Path, { key, d: a.d, ...presentation(a) });
    case 'rect':
      if (invisible(a)) return null;
      return h(Rect, {
        key,
        x: num(a.x) ?? 0,
        y: num(a.y) ?? 0,
        width: num(a.width) ?? 0,
        height: num(a.height) ?? 0,
        ...presentation(a),
      });
    case 'line':
      return h(Line, {
        key,
        x1: num(a.x1) ?? 0,
        y1: num(a.y1) ?? 0,
        x2: num(a.x2) ?? 0,
        y2: num(a.y2) ?? 0,
        ...presentation(a),
      });
    case 'text': {
      if (!node.text) return null;
      // ECharts places text by a translate() plus x/y: fold them into x/y.
      const move = /translate\(\s*(-?[\d.]+)[\s,]+(-?[\d.]+)\s*\)/.exec(a.transform ?? '');
      const x = (num(a.x) ?? 0) + (move?.[1] ? Number.parseFloat(move[1]) : 0);
      const size = fontSizeOf(a.style);
      const baseline = a['dominant-baseline'] === 'central' ? size * 0.35 : 0;
      const y = (num(a.y) ?? 0) + (move?.[2] ? Number.parseFloat(move[2]) : 0) + baseline;
      const anchor = a['text-anchor'];
      return h(
        Text,
        {
          key,
          x,
          y,
          fill: a.fill ?? '#000',
          textAnchor: anchor === 'middle' || anchor === 'end' ? anchor : 'start',
          style: { fontSize: size, fontFamily: 'Helvetica' },
        },
        pdfText(node.text),
      );
    }
    default:
      // defs, clip paths, styles: nothing to draw
      return null;
  }
}

/** An SVG document as a react-pdf <Svg> of `width` points. */
function svgElement(svg: string, width: number): ReactElement | null {
  const root = parseSvg(svg);
  if (!root) return null;
  const children = root.children.map((c, i) => svgToPdf(c, String(i))).filter((c) => c !== null);
  return h(
    Svg,
    {
      width,
      height: (width * CHART_HEIGHT) / CHART_WIDTH,
      viewBox: `0 0 ${String(CHART_WIDTH)} ${String(CHART_HEIGHT)}`,
    },
    ...children,
  );
}

/** Renders the report as a PDF document. */
export async function renderReportPdf(model: ReportModel): Promise<Buffer> {
  const t = reportText(model.lang);
  const tx = (b: Bilingual) => b[model.lang] || b.fr || b.en;
  const title = reportTitle(model);
  const statusOf = (s: string) => badge(s, t.statuses[s] ?? s);
  // Each section starts a page of its own (react-pdf's `break` misplaces later pages).
  const pages: ReactElement[][] = [[]];
  const push = (...els: ReactElement[]) => pages[pages.length - 1]?.push(...els);
  const newPage = () => pages.push([]);
  let n = 0;
  const k = () => String(++n);

  push(
    h(
      View,
      { key: k(), style: styles.cover },
      T(styles.small, tx(model.workspace)),
      T(styles.h1, title.main),
      T(undefined, title.subtitle),
      T(
        styles.small,
        `${t.period} ${model.period} · ${t.generated} ${formatDate(model.asOf, model.lang)}`,
      ),
    ),
  );

  // Summary: overall status, counts, headline figures, matrix.
  push(T(styles.h2, t.summary, { key: k() }));
  push(
    h(
      View,
      { key: k(), style: [styles.row, styles.p] },
      T(undefined, `${t.overall}${t.colon}`),
      statusOf(model.overall.status),
    ),
    T(
      styles.p,
      `${t.indicators}${t.colon}${Object.entries(model.counts.indicators)
        .map(([s, c]) => `${t.statuses[s] ?? s} ${String(c)}`)
        .join(' · ')}. ${t.actions}${t.colon}${Object.entries(model.counts.actions)
        .map(([s, c]) => `${t.statuses[s] ?? s} ${String(c)}`)
        .join(' · ')}.`,
      { key: k() },
    ),
  );
  if (model.headlines.length > 0) {
    push(T(styles.h3, t.headlines, { key: k() }));
    push(
      h(
        View,
        { key: k(), style: styles.cards },
        ...model.headlines.map((hl) =>
          h(
            View,
            { key: hl.id, style: styles.card, wrap: false },
            T(styles.small, tx(hl.name)),
            T(
              styles.figure,
              hl.status.latest
                ? formatValue(hl.status.latest.value, hl.unitLabel, hl.decimals, model.lang)
                : '—',
            ),
            h(
              View,
              { style: styles.row },
              T(styles.small, `${hl.status.latest?.period ?? ''} `),
              statusOf(hl.status.status),
            ),
          ),
        ),
      ),
    );
  }
  // The status matrix gets a page of its own, so it is never split.
  newPage();
  push(T(styles.h2, t.matrix, { key: k() }));
  const columns = model.matrix.columns.length;
  const first = columns > 6 ? 28 : 40;
  const rest = (100 - first) / Math.max(1, columns);
  push(
    h(
      View,
      { key: k() },
      table(
        [first, ...model.matrix.columns.map(() => rest)],
        [t.priority, ...model.matrix.columns.map((c) => c.label)],
        model.matrix.rows.map((r) => [
          `${r.element.code} — ${tx(r.element.title)}`,
          ...r.cells.map((c) => statusOf(c.status)),
        ]),
        columns > 6 ? 7.5 : 9.5,
      ),
    ),
  );

  const attentionRows = (items: ReportModel['attention']) =>
    items.map((a) => [
      `${a.code} — ${tx(a.title)}`,
      t.reasons[a.reason] ?? a.reason,
      a.unit ? a.unit.shortName : t.group,
      a.detail,
    ]);
  const attentionHead = [`${t.indicator} / ${t.action}`, t.reason, t.unit, t.detail];

  if (model.kind === 'board') {
    newPage();
    push(T(styles.h2, t.changes, { key: k() }));
    push(T(styles.p, t.changesIntro(formatDate(model.previousAsOf, model.lang)), { key: k() }));
    push(
      model.changes.length === 0
        ? T(styles.p, t.noChanges, { key: k() })
        : h(
            View,
            { key: k() },
            table(
              [60, 20, 20],
              [`${t.priority} / ${t.indicator}`, t.from, t.to],
              model.changes.map((c) => [
                `${c.code} — ${tx(c.title)}`,
                statusOf(c.from),
                statusOf(c.to),
              ]),
            ),
          ),
    );
    push(T(styles.h2, t.decisions, { key: k() }));
    push(T(styles.p, t.decisionsIntro, { key: k() }));
    const decisions = decisionsOf(model);
    push(
      decisions.length === 0
        ? T(styles.p, t.noDecisions, { key: k() })
        : h(View, { key: k() }, table([50, 18, 16, 16], attentionHead, attentionRows(decisions))),
    );
  } else {
    newPage();
    push(T(styles.h2, t.priorities, { key: k() }));
    model.priorities.forEach((p, index) => {
      if (index > 0) newPage();
      push(
        h(
          View,
          { key: k() },
          T(styles.h3, `${p.element.code} — ${tx(p.element.title)}`),
          h(
            View,
            { style: [styles.row, styles.p] },
            T(undefined, `${t.status}${t.colon}`),
            statusOf(p.status.status),
          ),
        ),
      );
      if (p.indicators.length === 0) push(T(styles.p, t.noIndicator, { key: k() }));
      for (const i of p.indicators) push(indicatorBlock(i, k()));
      push(T(styles.h4, t.actions, { key: k() }));
      push(
        p.actions.length === 0
          ? T(styles.p, t.noAction, { key: k() })
          : h(
              View,
              { key: k() },
              table(
                [44, 12, 13, 9, 11, 11],
                [t.action, t.lead, t.due, t.progress, t.state, t.status],
                p.actions.map((a) => [
                  `${a.code} — ${tx(a.title)}`,
                  a.leadUnit.shortName,
                  a.dueDate ?? '—',
                  `${String(a.progress)} %`,
                  t.states[a.state] ?? a.state,
                  statusOf(a.status),
                ]),
              ),
            ),
      );
    });
    newPage();
    push(T(styles.h2, t.attention, { key: k() }));
    push(
      model.attention.length === 0
        ? T(styles.p, t.noAttention, { key: k() })
        : h(
            View,
            { key: k() },
            table([50, 18, 16, 16], attentionHead, attentionRows(model.attention)),
          ),
    );
    newPage();
    push(T(styles.h2, t.methodology, { key: k() }));
    for (const para of t.methodText) push(T(styles.p, para, { key: k() }));
    push(T(styles.h3, t.sources, { key: k() }));
    push(
      h(
        View,
        { key: k() },
        table(
          [40, 60],
          [t.indicator, t.source],
          sourcesOf(model).map((s) => [`${s.code} — ${tx(s.name)}`, s.source || '—']),
        ),
      ),
    );
  }

  function indicatorBlock(i: ReportIndicator, key: string): ReactElement {
    const name = tx(i.card.name);
    const svg = indicatorChartSvg(
      i.chart,
      { label: i.card.unitLabel, decimals: i.card.decimals },
      model.lang,
      `k${key}`,
    );
    const fmt = (v: number | null) =>
      v === null ? '—' : formatNumber(v, i.card.decimals, model.lang);
    const target = i.card.target
      ? ` · ${t.target} ${i.card.target.period}${t.colon}${formatValue(i.card.target.value, i.card.unitLabel, i.card.decimals, model.lang)}`
      : '';
    const chart = svg ? svgElement(svg, 430) : null;
    return h(
      View,
      { key },
      h(
        View,
        { wrap: false },
        T(styles.h4, `${i.card.code} — ${name}`),
        h(
          View,
          { style: [styles.row, styles.p] },
          statusOf(i.card.status.status),
          T(undefined, target),
        ),
        ...(chart ? [chart] : []),
      ),
      i.points.length === 0
        ? T(styles.p, t.noFigure)
        : table(
            [12, 14, 14, 14, 46],
            [t.period, t.value, t.expected, t.provenance, t.source],
            i.points.map((p) => [
              p.period,
              fmt(p.value),
              fmt(p.expected),
              t.provenances[p.provenance] ?? p.provenance,
              p.source || '—',
            ]),
          ),
    );
  }

  const footer = () =>
    h(
      View,
      { style: styles.footer, fixed: true },
      T(undefined, title.full),
      h(Text, {
        render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) =>
          pdfText(t.page(pageNumber, totalPages)),
      }),
    );
  const document = h(
    Document,
    {
      title: title.full,
      language: model.lang,
      author: tx(model.workspace),
      creator: 'Strata',
      producer: 'Strata',
    },
    ...pages.map((content, index) =>
      h(Page, { key: String(index), size: 'A4', style: styles.page }, ...content, footer()),
    ),
  );
  return renderToBuffer(document as Parameters<typeof renderToBuffer>[0]);
}
