/**
 * The report as one accessible, self-contained HTML page: headings in order, a table of contents,
 * tables with captions and header scopes, each chart an SVG image with a title and description
 * followed by the table of its data; inline CSS, no script, no external resource.
 */
import type { ReportIndicator, ReportModel } from './model.ts';
import { indicatorChartSvg } from './charts.ts';
import { formatDate, formatNumber, formatValue, reportText, STATUS_COLORS } from './text.ts';
import { decisionsOf, reportTitle, sourcesOf } from './layout.ts';

/** Escapes text for HTML content and attribute values. */
export function esc(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const CSS = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1f2328; margin: 0; line-height: 1.5; }
header, main { max-width: 56rem; margin: 0 auto; padding: 1rem 1.25rem; }
header { border-bottom: 4px solid #102f54; }
h1 { color: #102f54; font-size: 1.8rem; margin: .25rem 0; }
h2 { color: #102f54; font-size: 1.35rem; margin-top: 2rem; border-bottom: 1px solid #ced4da; padding-bottom: .25rem; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
h4 { font-size: 1rem; margin: 1rem 0 .25rem; }
p.meta { margin: 0; color: #343a40; }
nav ol { padding-left: 1.25rem; }
a { color: #0b4f8a; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid #ced4da; padding: .3rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #f1f3f5; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.status { display: inline-block; border-radius: .25rem; padding: 0 .35rem; font-weight: 600; white-space: nowrap; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: .75rem; padding: 0; list-style: none; }
.cards li { border: 1px solid #ced4da; border-radius: .4rem; padding: .6rem .75rem; }
.cards .figure { font-size: 1.35rem; font-weight: 700; color: #102f54; }
figure { margin: .5rem 0; }
figure svg { width: 100%; height: auto; max-width: 40rem; }
.table-wrap { overflow-x: auto; }
@media print { header, main { max-width: none; } h2 { break-before: page; } figure, table { break-inside: avoid; } }
`;

function statusBadge(status: string, label: string): string {
  const c = STATUS_COLORS[status] ?? STATUS_COLORS.no_data ?? { fg: '#000', bg: '#fff' };
  return `<span class="status" style="color:${c.fg};background:${c.bg}">${esc(label)}</span>`;
}

/** Renders the report as HTML. */
export function renderReportHtml(model: ReportModel): string {
  const t = reportText(model.lang);
  const tx = (b: { fr: string; en: string }) => b[model.lang] || b.fr || b.en;
  const status = (s: string) => statusBadge(s, t.statuses[s] ?? s);
  const title = reportTitle(model);
  let chartCount = 0;

  const headlines = `<ul class="cards">${model.headlines
    .map((h) => {
      const latest = h.status.latest;
      return `<li><div>${esc(tx(h.name))}</div><div class="figure">${
        latest ? esc(formatValue(latest.value, h.unitLabel, h.decimals, model.lang)) : '—'
      }</div><div>${latest ? esc(latest.period) : ''} ${status(h.status.status)}</div></li>`;
    })
    .join('')}</ul>`;

  const matrixColumns = model.unit ? t.unitAndGroupColumns : t.byUnitColumns;
  const matrix = `<div class="table-wrap"><table><caption>${esc(t.matrixCaption(matrixColumns))}</caption><thead><tr><th scope="col">${esc(t.priority)}</th>${model.matrix.columns
    .map((c) => `<th scope="col">${esc(c.label)}</th>`)
    .join('')}</tr></thead><tbody>${model.matrix.rows
    .map(
      (r) =>
        `<tr><th scope="row">${esc(r.element.code)} — ${esc(tx(r.element.title))}</th>${r.cells
          .map((c) => `<td>${status(c.status)}</td>`)
          .join('')}</tr>`,
    )
    .join('')}</tbody></table></div>`;

  const summary = `<section aria-labelledby="summary"><h2 id="summary">${esc(t.summary)}</h2>
<p>${esc(t.overall)}${esc(t.colon)}${status(model.overall.status)} (${esc(
    t.counts(model.overall.scored, '/ ' + String(model.overall.total)),
  )})</p>
<p>${esc(t.indicators)}${esc(t.colon)}${Object.entries(model.counts.indicators)
    .map(([s, n]) => `${esc(t.statuses[s] ?? s)} ${String(n)}`)
    .join(' · ')}. ${esc(t.actions)}${esc(t.colon)}${Object.entries(model.counts.actions)
    .map(([s, n]) => `${esc(t.statuses[s] ?? s)} ${String(n)}`)
    .join(' · ')}.</p>
<h3 id="headlines">${esc(t.headlines)}</h3>${headlines}
<h3 id="matrix">${esc(t.matrix)}</h3>${matrix}</section>`;

  const indicatorBlock = (i: ReportIndicator) => {
    const name = tx(i.card.name);
    const id = `c${String(++chartCount)}`;
    const svg = indicatorChartSvg(
      i.chart,
      { label: i.card.unitLabel, decimals: i.card.decimals },
      model.lang,
      id,
    );
    const figure = svg
      ? `<figure>${svg
          .replace(/^<svg /, `<svg role="img" aria-labelledby="${id}-title ${id}-desc" `)
          .replace(
            /(<svg[^>]*>)/,
            `$1<title id="${id}-title">${esc(t.chartTitle(name))}</title><desc id="${id}-desc">${esc(t.chartDesc)}</desc>`,
          )}</figure>`
      : '';
    const fmt = (v: number | null) =>
      v === null ? '—' : esc(formatNumber(v, i.card.decimals, model.lang));
    const table =
      i.points.length === 0
        ? `<p>${esc(t.noFigure)}</p>`
        : `<div class="table-wrap"><table><caption>${esc(t.tableCaption(name))}</caption><thead><tr><th scope="col">${esc(t.period)}</th><th scope="col">${esc(t.value)}</th><th scope="col">${esc(t.expected)}</th><th scope="col">${esc(t.provenance)}</th><th scope="col">${esc(t.source)}</th></tr></thead><tbody>${i.points
            .map(
              (p) =>
                `<tr><th scope="row">${esc(p.period)}</th><td class="num">${fmt(p.value)}</td><td class="num">${fmt(p.expected)}</td><td>${esc(t.provenances[p.provenance] ?? p.provenance)}</td><td>${esc(p.source)}</td></tr>`,
            )
            .join('')}</tbody></table></div>`;
    const target = i.card.target
      ? ` · ${esc(t.target)} ${esc(i.card.target.period)}${esc(t.colon)}${esc(formatValue(i.card.target.value, i.card.unitLabel, i.card.decimals, model.lang))}`
      : '';
    return `<h4>${esc(i.card.code)} — ${esc(name)}</h4><p>${status(i.card.status.status)}${target}</p>${figure}${table}`;
  };

  const actionsTable = (actions: ReportModel['priorities'][number]['actions']) =>
    actions.length === 0
      ? `<p>${esc(t.noAction)}</p>`
      : `<div class="table-wrap"><table><caption>${esc(t.actions)}</caption><thead><tr><th scope="col">${esc(t.action)}</th><th scope="col">${esc(t.lead)}</th><th scope="col">${esc(t.due)}</th><th scope="col">${esc(t.progress)}</th><th scope="col">${esc(t.state)}</th><th scope="col">${esc(t.status)}</th></tr></thead><tbody>${actions
          .map(
            (a) =>
              `<tr><th scope="row">${esc(a.code)} — ${esc(tx(a.title))}</th><td>${esc(a.leadUnit.shortName)}</td><td>${a.dueDate ? esc(a.dueDate) : '—'}</td><td class="num">${String(a.progress)}&nbsp;%</td><td>${esc(t.states[a.state] ?? a.state)}</td><td>${status(a.status)}</td></tr>`,
          )
          .join('')}</tbody></table></div>`;

  const priorities = `<section aria-labelledby="priorities"><h2 id="priorities">${esc(t.priorities)}</h2>${model.priorities
    .map(
      (p) =>
        `<section aria-labelledby="p-${esc(p.element.code)}"><h3 id="p-${esc(p.element.code)}">${esc(p.element.code)} — ${esc(tx(p.element.title))}</h3><p>${esc(t.status)}${esc(t.colon)}${status(p.status.status)}</p>${
          p.indicators.length === 0
            ? `<p>${esc(t.noIndicator)}</p>`
            : p.indicators.map(indicatorBlock).join('')
        }${actionsTable(p.actions)}</section>`,
    )
    .join('')}</section>`;

  const attentionTable = (items: ReportModel['attention'], caption: string, empty: string) =>
    items.length === 0
      ? `<p>${esc(empty)}</p>`
      : `<div class="table-wrap"><table><caption>${esc(caption)}</caption><thead><tr><th scope="col">${esc(t.indicator)} / ${esc(t.action)}</th><th scope="col">${esc(t.reason)}</th><th scope="col">${esc(t.unit)}</th><th scope="col">${esc(t.detail)}</th></tr></thead><tbody>${items
          .map(
            (a) =>
              `<tr><th scope="row">${esc(a.code)} — ${esc(tx(a.title))}</th><td>${esc(t.reasons[a.reason] ?? a.reason)}</td><td>${a.unit ? esc(a.unit.shortName) : esc(t.group)}</td><td>${esc(a.detail)}</td></tr>`,
          )
          .join('')}</tbody></table></div>`;

  const attention = `<section aria-labelledby="attention"><h2 id="attention">${esc(t.attention)}</h2>${attentionTable(model.attention, t.attention, t.noAttention)}</section>`;

  const changes = `<section aria-labelledby="changes"><h2 id="changes">${esc(t.changes)}</h2><p>${esc(t.changesIntro(formatDate(model.previousAsOf, model.lang)))}</p>${
    model.changes.length === 0
      ? `<p>${esc(t.noChanges)}</p>`
      : `<div class="table-wrap"><table><caption>${esc(t.changes)}</caption><thead><tr><th scope="col">${esc(t.priority)} / ${esc(t.indicator)}</th><th scope="col">${esc(t.from)}</th><th scope="col">${esc(t.to)}</th></tr></thead><tbody>${model.changes
          .map(
            (c) =>
              `<tr><th scope="row">${esc(c.code)} — ${esc(tx(c.title))}</th><td>${status(c.from)}</td><td>${status(c.to)}</td></tr>`,
          )
          .join('')}</tbody></table></div>`
  }</section>`;

  const decisions = `<section aria-labelledby="decisions"><h2 id="decisions">${esc(t.decisions)}</h2><p>${esc(t.decisionsIntro)}</p>${attentionTable(decisionsOf(model), t.decisions, t.noDecisions)}</section>`;

  const sources = sourcesOf(model);
  const annex = `<section aria-labelledby="methodology"><h2 id="methodology">${esc(t.methodology)}</h2>${t.methodText
    .map((p) => `<p>${esc(p)}</p>`)
    .join(
      '',
    )}<div class="table-wrap"><table><caption>${esc(t.sources)}</caption><thead><tr><th scope="col">${esc(t.indicator)}</th><th scope="col">${esc(t.source)}</th></tr></thead><tbody>${sources
    .map(
      (s) =>
        `<tr><th scope="row">${esc(s.code)} — ${esc(tx(s.name))}</th><td>${esc(s.source || '—')}</td></tr>`,
    )
    .join('')}</tbody></table></div></section>`;

  const sections =
    model.kind === 'annual'
      ? [
          ['summary', t.summary, summary],
          ['priorities', t.priorities, priorities],
          ['attention', t.attention, attention],
          ['methodology', t.methodology, annex],
        ]
      : [
          ['summary', t.summary, summary],
          ['changes', t.changes, changes],
          ['decisions', t.decisions, decisions],
        ];
  const toc = `<nav aria-labelledby="toc"><h2 id="toc">${esc(t.contents)}</h2><ol>${sections
    .map(([id, label]) => `<li><a href="#${id ?? ''}">${esc(label ?? '')}</a></li>`)
    .join('')}</ol></nav>`;

  // A table wider than a phone scrolls: its region takes the focus, named by its caption.
  const body = sections
    .map(([, , html]) => html)
    .join('\n')
    .replace(
      /<div class="table-wrap"><table><caption>([^<]*)<\/caption>/g,
      '<div class="table-wrap" role="region" tabindex="0" aria-label="$1"><table><caption>$1</caption>',
    );
  return `<!doctype html>
<html lang="${model.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title.full)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<p class="meta">${esc(tx(model.workspace))}</p>
<h1>${esc(title.main)}</h1>
<p class="meta">${esc(title.subtitle)}</p>
<p class="meta">${esc(t.period)} ${esc(model.period)} · ${esc(t.generated)} ${esc(formatDate(model.asOf, model.lang))}</p>
</header>
<main>
${toc}
${body}
</main>
</body>
</html>
`;
}
