/**
 * Tables out: CSV, XLSX and JSON from one column list. CSV defaults to what French Excel opens
 * correctly — UTF-8 with a BOM, `;` between fields, decimal comma — and offers `,` with a
 * decimal point. Text cells a spreadsheet would run as formulas are neutralised in CSV and XLSX
 * (SECURITY-BAR 16); numbers stay numbers.
 */
import { neutraliseCell } from '../../domain/tabular/neutralise.ts';

export type Cell = string | number | boolean | null;

/** A column: its key (JSON), and its French and English headers. */
export interface TableColumn {
  key: string;
  fr: string;
  en: string;
}

/** A table to export. */
export interface Table {
  /** Short name, used for the file name and the XLSX sheet. */
  name: string;
  columns: TableColumn[];
  rows: Record<string, Cell>[];
}

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type Separator = 'semicolon' | 'comma';

/** Options of a rendering. */
export interface RenderOptions {
  format: ExportFormat;
  locale: 'fr' | 'en';
  separator?: Separator | undefined;
  /** Extra JSON members (licence, source…) and a note row for spreadsheets. */
  meta?: Record<string, string>;
}

/** A rendered file. */
export interface RenderedFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

function csvCell(value: Cell, sep: string, decimalComma: boolean): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    const text = String(value);
    return decimalComma ? text.replace('.', ',') : text;
  }
  const text = neutraliseCell(typeof value === 'boolean' ? (value ? 'true' : 'false') : value);
  return /["\r\n]/.test(text) || text.includes(sep) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text of a table (with its BOM). */
export function toCsv(table: Table, locale: 'fr' | 'en', separator: Separator): string {
  const sep = separator === 'comma' ? ',' : ';';
  const decimalComma = sep === ';';
  const lines = [table.columns.map((c) => csvCell(c[locale], sep, false)).join(sep)];
  for (const row of table.rows) {
    lines.push(table.columns.map((c) => csvCell(row[c.key] ?? null, sep, decimalComma)).join(sep));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** XLSX workbook of a table: one sheet, header in bold, text cells neutralised. */
export async function toXlsx(
  table: Table,
  locale: 'fr' | 'en',
  meta?: Record<string, string>,
): Promise<Buffer> {
  // Loaded when first needed: exceljs takes a quarter of a second to load, at every start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Strata';
  const sheet = workbook.addWorksheet(table.name.slice(0, 31));
  sheet.addRow(table.columns.map((c) => c[locale])).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(
      table.columns.map((c) => {
        const v = row[c.key] ?? null;
        return typeof v === 'string' ? neutraliseCell(v) : v;
      }),
    );
  }
  sheet.columns.forEach((column, i) => {
    column.width = Math.min(60, Math.max(10, (table.columns[i]?.[locale].length ?? 10) + 4));
  });
  if (meta && Object.keys(meta).length > 0) {
    const about = workbook.addWorksheet(locale === 'fr' ? 'À propos' : 'About');
    for (const [k, v] of Object.entries(meta)) about.addRow([k, neutraliseCell(v)]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Renders a table in a format. */
export async function renderTable(table: Table, options: RenderOptions): Promise<RenderedFile> {
  const base = table.name;
  if (options.format === 'csv') {
    return {
      body: Buffer.from(toCsv(table, options.locale, options.separator ?? 'semicolon'), 'utf8'),
      contentType: 'text/csv; charset=utf-8',
      fileName: `${base}.csv`,
    };
  }
  if (options.format === 'xlsx') {
    return {
      body: await toXlsx(table, options.locale, options.meta),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName: `${base}.xlsx`,
    };
  }
  const json = { ...options.meta, columns: table.columns, items: table.rows };
  return {
    body: Buffer.from(JSON.stringify(json, null, 2), 'utf8'),
    contentType: 'application/json; charset=utf-8',
    fileName: `${base}.json`,
  };
}
