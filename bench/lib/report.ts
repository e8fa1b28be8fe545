/**
 * Results of a benchmark run: each measure beside its limit or reference from the same run, the
 * ratio, and the budget it is held to. Printed as a table and written to bench/results/latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Unit = 'ms' | 'req/s' | 'rows/s' | 'kB' | 'MiB' | 's';

export interface Budget {
  /** What the budget says, e.g. "≤ 2×" or "< 50 ms". */
  text: string;
  pass: boolean;
}

export interface Result {
  /** Stable key, e.g. "pglite.S.dashboard.compute". */
  id: string;
  section: string;
  measure: string;
  value: number;
  unit: Unit;
  /** The limit or reference measured in the same run. */
  reference?: { label: string; value: number; unit: Unit };
  /** value ÷ reference, or the ratio the budget is written on. */
  ratio?: number;
  budget?: Budget;
  samples?: number[];
  note?: string;
  details?: Record<string, unknown>;
}

export interface Skipped {
  section: string;
  reason: string;
}

export interface RunReport {
  date: string;
  machine: Record<string, string | number>;
  options: Record<string, unknown>;
  results: Result[];
  skipped: Skipped[];
  findings: string[];
  durationS: number;
}

export function formatValue(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return '—';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const text = value.toLocaleString('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  });
  return `${text} ${unit}`;
}

export function formatRatio(ratio: number | undefined): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return '—';
  if (ratio >= 100) return `${Math.round(ratio)}×`;
  if (ratio >= 10) return `${ratio.toFixed(1)}×`;
  if (ratio >= 0.1) return `${ratio.toFixed(2)}×`;
  return `${ratio.toPrecision(2)}×`;
}

/** Display width: code points (the table holds no emoji or combining marks). */
function width(text: string): number {
  return Array.from(text).length;
}

function pad(text: string, width_: number, right = false): string {
  const length = width(text);
  if (length >= width_) return text;
  return right ? ' '.repeat(width_ - length) + text : text + ' '.repeat(width_ - length);
}

/** The results as an aligned text table, grouped by section. */
export function table(results: readonly Result[]): string {
  const rows = results.map((r) => [
    r.measure,
    formatValue(r.value, r.unit),
    r.reference ? `${r.reference.label}: ${formatValue(r.reference.value, r.reference.unit)}` : '—',
    formatRatio(r.ratio),
    r.budget?.text ?? 'info',
    r.budget ? (r.budget.pass ? 'PASS' : 'MISS') : '',
  ]);
  const header = ['measure', 'median', 'limit / reference', 'ratio', 'budget', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0, i === 1 || i === 3))
      .join('  ')
      .trimEnd();
  const out: string[] = [line(header), widths.map((w) => '─'.repeat(w)).join('  ')];
  let section = '';
  results.forEach((r, i) => {
    if (r.section !== section) {
      section = r.section;
      out.push(`[${section}]`);
    }
    out.push(line(rows[i] ?? []));
  });
  return out.join('\n');
}

/** The results as a Markdown table (for BENCHMARKS.md). */
export function markdown(results: readonly Result[]): string {
  const out = [
    '| section | measure | median | limit / reference | ratio | budget | |',
    '|---|---|---:|---|---:|---|---|',
  ];
  for (const r of results) {
    const reference = r.reference
      ? `${r.reference.label}: ${formatValue(r.reference.value, r.reference.unit)}`
      : '—';
    out.push(
      `| ${r.section} | ${r.measure} | ${formatValue(r.value, r.unit)} | ${reference} | ${formatRatio(r.ratio)} | ${r.budget?.text ?? 'info'} | ${r.budget ? (r.budget.pass ? 'PASS' : '**MISS**') : ''} |`,
    );
  }
  return out.join('\n');
}

export function writeReport(dir: string, report: RunReport): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'latest.json');
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(dir, 'latest.md'), `${markdown(report.results)}\n`);
  return path;
}
