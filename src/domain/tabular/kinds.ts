/**
 * What each kind of import expects: its columns (bilingual headers, type, required), and the
 * pure step that turns a sheet into typed records, reporting every problem by row and column.
 * A new kind is one more entry of IMPORT_KINDS plus its writer in
 * src/services/data-io/writers.
 */
import { AGREEMENT_KINDS, PARTNER_KINDS, SCALES } from '../partners.ts';
import { parsePeriod } from '../period.ts';
import {
  ACTION_STATES,
  AGGREGATIONS,
  DIRECTIONS,
  FREQUENCIES,
  PROVENANCES,
  TARGET_KINDS,
} from '../types.ts';
import { columnLetter, headerKey, type CellProblem, type Sheet } from './sheet.ts';
import { parseLocaleDate, parseLocaleNumber, parseYesNo } from './values.ts';

export type ColumnType = 'text' | 'number' | 'integer' | 'date' | 'period' | 'enum' | 'yesno';

/** One column of an import kind. */
export interface ColumnSpec {
  key: string;
  fr: string;
  en: string;
  type: ColumnType;
  required: boolean;
  /** Allowed values of an `enum` column. */
  values?: readonly string[];
  /** Longest text accepted. */
  maxLength?: number;
}

/** A kind of import: its key and columns. */
export interface ImportKindSpec {
  key: string;
  columns: readonly ColumnSpec[];
}

const text = (key: string, fr: string, en: string, required = false, maxLength = 1000) =>
  ({ key, fr, en, type: 'text', required, maxLength }) as const satisfies ColumnSpec;
const choice = (key: string, fr: string, en: string, values: readonly string[], required = false) =>
  ({ key, fr, en, type: 'enum', values, required }) as const satisfies ColumnSpec;

export const IMPORT_KINDS = {
  measurements: {
    key: 'measurements',
    columns: [
      text('indicator', 'Indicateur', 'Indicator', true, 40),
      text('unit', 'Unité', 'Unit', true, 40),
      { key: 'period', fr: 'Période', en: 'Period', type: 'period', required: true },
      { key: 'value', fr: 'Valeur', en: 'Value', type: 'number', required: true },
      choice('provenance', 'Provenance', 'Provenance', PROVENANCES),
      text('source', 'Source', 'Source'),
      text('note', 'Note', 'Note', false, 4000),
    ],
  },
  targets: {
    key: 'targets',
    columns: [
      text('indicator', 'Indicateur', 'Indicator', true, 40),
      text('unit', 'Unité', 'Unit', false, 40),
      choice('kind', 'Type de point', 'Point kind', TARGET_KINDS, true),
      { key: 'period', fr: 'Période', en: 'Period', type: 'period', required: true },
      { key: 'value', fr: 'Valeur', en: 'Value', type: 'number', required: true },
      text('source', 'Source', 'Source'),
      text('reason', 'Motif', 'Reason'),
    ],
  },
  indicators: {
    key: 'indicators',
    columns: [
      text('code', 'Code', 'Code', true, 40),
      text('name_fr', 'Nom (fr)', 'Name (fr)', true, 300),
      text('name_en', 'Nom (en)', 'Name (en)', true, 300),
      choice('direction', 'Sens', 'Direction', DIRECTIONS, true),
      choice('frequency', 'Fréquence', 'Frequency', FREQUENCIES, true),
      text('unit_label', 'Unité de mesure', 'Unit of measure', false, 20),
      { key: 'decimals', fr: 'Décimales', en: 'Decimals', type: 'integer', required: false },
      choice('aggregation', 'Agrégation', 'Aggregation', AGGREGATIONS),
      text('owner_unit', 'Unité responsable', 'Owner unit', false, 40),
      { key: 'public', fr: 'Public', en: 'Public', type: 'yesno', required: false },
    ],
  },
  actions: {
    key: 'actions',
    columns: [
      text('code', 'Code', 'Code', true, 40),
      text('title_fr', 'Titre (fr)', 'Title (fr)', true, 300),
      text('title_en', 'Titre (en)', 'Title (en)', true, 300),
      text('lead_unit', 'Unité pilote', 'Lead unit', true, 40),
      text('owner', 'Responsable', 'Owner', false, 200),
      { key: 'start_date', fr: 'Début', en: 'Start', type: 'date', required: false },
      { key: 'due_date', fr: 'Échéance', en: 'Due', type: 'date', required: false },
      choice('state', 'État', 'State', ACTION_STATES),
      { key: 'progress', fr: 'Avancement', en: 'Progress', type: 'integer', required: false },
      { key: 'budget', fr: 'Budget', en: 'Budget', type: 'number', required: false },
    ],
  },
  partners: {
    key: 'partners',
    columns: [
      text('name', 'Nom', 'Name', true, 300),
      choice('kind', 'Type de partenaire', 'Partner kind', PARTNER_KINDS, true),
      text('country', 'Pays', 'Country', true, 2),
      text('region', 'Région', 'Region', false, 100),
      text('city', 'Ville', 'City', false, 100),
      text('siren', 'SIREN', 'SIREN', false, 20),
      text('website', 'Site web', 'Website', false, 500),
      text('description', 'Description', 'Description', false, 4000),
    ],
  },
  agreements: {
    key: 'agreements',
    columns: [
      text('partner', 'Partenaire', 'Partner', true, 300),
      choice('kind', "Type d'accord", 'Agreement kind', AGREEMENT_KINDS, true),
      text('title_fr', 'Titre (fr)', 'Title (fr)', true, 300),
      text('title_en', 'Titre (en)', 'Title (en)', true, 300),
      { key: 'start_date', fr: 'Début', en: 'Start', type: 'date', required: false },
      { key: 'end_date', fr: 'Fin', en: 'End', type: 'date', required: false },
      { key: 'amount', fr: 'Montant (€)', en: 'Amount (€)', type: 'number', required: false },
      choice('scale', 'Échelle', 'Scale', SCALES, true),
      text('units', 'Écoles', 'Schools', false, 2000),
    ],
  },
} as const satisfies Record<string, ImportKindSpec>;

export type ImportKind = keyof typeof IMPORT_KINDS;
export const IMPORT_KIND_KEYS = Object.keys(IMPORT_KINDS) as ImportKind[];

/** A typed cell: text, number, boolean, or null when the cell is empty. */
export type CellValue = string | number | boolean | null;

/** One typed row, with where each column sits for later problems. */
export interface TypedRecord {
  line: number;
  values: Record<string, CellValue>;
  /** Column letter of each key. */
  at: Record<string, string>;
  /** The file's header of each key (problems name the column as the file does). */
  headers: Record<string, string>;
}

/** The column index of each key of `kind` in `header` (French or English headers, or the key). */
function mapHeader(spec: ImportKindSpec, header: string[]): Map<string, number> {
  const found = new Map<string, number>();
  header.forEach((h, index) => {
    const key = headerKey(h);
    const column = spec.columns.find(
      (c) => headerKey(c.fr) === key || headerKey(c.en) === key || headerKey(c.key) === key,
    );
    if (column && !found.has(column.key)) found.set(column.key, index);
  });
  return found;
}

/** The kind whose required columns the header has (the most matched columns wins), or null. */
export function detectKind(header: string[]): ImportKind | null {
  let best: ImportKind | null = null;
  let bestCount = 0;
  for (const key of IMPORT_KIND_KEYS) {
    const spec = IMPORT_KINDS[key];
    const found = mapHeader(spec, header);
    const complete = spec.columns.every((c) => !c.required || found.has(c.key));
    if (complete && found.size > bestCount) {
      best = key;
      bestCount = found.size;
    }
  }
  return best;
}

function typeCell(column: ColumnSpec, raw: string): { value: CellValue } | { problem: string } {
  if (raw === '') return column.required ? { problem: 'is required' } : { value: null };
  switch (column.type) {
    case 'text':
      return raw.length > (column.maxLength ?? 1000)
        ? { problem: `is longer than ${column.maxLength ?? 1000} characters` }
        : { value: raw };
    case 'number':
    case 'integer': {
      const n = parseLocaleNumber(raw);
      if (n === null) return { problem: `"${raw}" is not a number` };
      if (Math.abs(n) > 1e15) return { problem: 'is too large' };
      if (column.type === 'integer' && !Number.isInteger(n))
        return { problem: 'must be a whole number' };
      return { value: n };
    }
    case 'date': {
      const d = parseLocaleDate(raw);
      return d ? { value: d } : { problem: `"${raw}" is not a date (dd/mm/yyyy)` };
    }
    case 'period': {
      const p = parsePeriod(raw);
      return p
        ? { value: p.text }
        : { problem: `"${raw}" is not a period such as 2025, 2025-26, 2025-S1, 2025-Q3, 2025-07` };
    }
    case 'enum': {
      const v = raw.trim().toLowerCase().replace(/\s+/g, '_');
      return column.values?.includes(v)
        ? { value: v }
        : { problem: `must be one of ${(column.values ?? []).join(', ')}` };
    }
    case 'yesno': {
      const b = parseYesNo(raw);
      return b === null ? { problem: 'must be yes or no (oui/non)' } : { value: b };
    }
  }
}

/**
 * Types every row of `sheet` for `kind`: missing required columns are a problem of row 1;
 * each bad cell is a problem at its row and column; empty rows are skipped.
 */
export function typeSheet(
  kind: ImportKind,
  sheet: Sheet,
): { records: TypedRecord[]; problems: CellProblem[] } {
  const spec: ImportKindSpec = IMPORT_KINDS[kind];
  const found = mapHeader(spec, sheet.header);
  const problems: CellProblem[] = [];
  for (const column of spec.columns) {
    if (column.required && !found.has(column.key)) {
      problems.push({
        row: 1,
        column: '',
        field: column.fr,
        message: `missing column "${column.fr}" / "${column.en}"`,
      });
    }
  }
  if (problems.length > 0) return { records: [], problems };
  const records: TypedRecord[] = [];
  for (const row of sheet.rows) {
    if (row.cells.every((c) => c === '')) continue;
    const values: Record<string, CellValue> = {};
    const at: Record<string, string> = {};
    const headers: Record<string, string> = {};
    let bad = false;
    for (const column of spec.columns) {
      const index = found.get(column.key);
      if (index === undefined) {
        values[column.key] = null;
        at[column.key] = '';
        continue;
      }
      at[column.key] = columnLetter(index);
      headers[column.key] = sheet.header[index] ?? column.fr;
      const typed = typeCell(column, row.cells[index] ?? '');
      if ('problem' in typed) {
        bad = true;
        problems.push({
          row: row.line,
          column: columnLetter(index),
          field: sheet.header[index] ?? column.fr,
          message: typed.problem,
        });
      } else values[column.key] = typed.value;
    }
    if (!bad) records.push({ line: row.line, values, at, headers });
  }
  return { records, problems };
}

/** The header row of `kind` in a language, for templates. */
export function templateHeader(kind: ImportKind, locale: 'fr' | 'en'): string[] {
  const spec: ImportKindSpec = IMPORT_KINDS[kind];
  return spec.columns.map((c) => c[locale]);
}
