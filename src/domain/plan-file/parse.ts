/**
 * Parses a plan bundle: several YAML documents (one per file) merged in file-name order.
 * Reports YAML syntax errors, schema errors and cross-file errors, each with its file, line,
 * column and path; returns the merged plan (in normal form) only when there is none.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { checkBundle } from './check.ts';
import type { BundleItems, Located, Reporter } from './check.ts';
import { formatPath, keyText, locate } from './locate.ts';
import type { PathSegment } from './locate.ts';
import { normalizePlanFile } from './normalize.ts';
import { PLAN_FILE_VERSION, PlanFileDocumentSchema } from './schema.ts';
import type { PlanFile, PlanFileDocument, PlanFileWorkspace } from './schema.ts';
import { schemaIssues } from './schema-errors.ts';

/** One file of a bundle, already read: its name (for messages and ordering) and its text. */
export interface PlanFileInput {
  fileName: string;
  text: string;
}

/** A problem found in a bundle. Lines and columns start at 1. */
export interface PlanFileError {
  file: string;
  line: number;
  column: number;
  /** path of the offending value, e.g. `indicators[3].targets[0].period`; '' for the document */
  path: string;
  message: string;
}

/** The outcome of `parsePlanFiles`. */
export type ParsePlanFilesResult =
  { ok: true; plan: PlanFile } | { ok: false; errors: PlanFileError[] };

interface ParsedFile {
  fileName: string;
  doc: Document;
  lineCounter: LineCounter;
  data: unknown;
  /** top-level items (`units/3`) whose shape is wrong: they are left out of the checks */
  invalid: Set<string>;
  valid: boolean;
}

const LISTS = ['units', 'facets', 'plans', 'indicators', 'measurements', 'actions'] as const;
type ListKey = (typeof LISTS)[number];
const CODED = ['units', 'facets', 'plans', 'indicators', 'actions'] as const;

interface Collector {
  errors: (PlanFileError & { order: number })[];
  add(file: ParsedFile, order: number, path: PathSegment[], message: string, atKey?: boolean): void;
}

function createCollector(): Collector {
  const errors: (PlanFileError & { order: number })[] = [];
  return {
    errors,
    add(file, order, path, message, atKey = false) {
      const position = locate(file.doc, file.lineCounter, path, atKey);
      errors.push({ file: file.fileName, ...position, path: formatPath(path), message, order });
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reports keys that appear twice in one mapping (YAML would silently keep the last). */
function checkDuplicateKeys(
  node: unknown,
  path: PathSegment[],
  report: (p: PathSegment[], m: string, key: unknown) => void,
) {
  if (isMap(node)) {
    const seen = new Set<string>();
    for (const pair of node.items) {
      const key = keyText(pair.key);
      if (key === null) continue;
      if (seen.has(key)) {
        const inValues = path[path.length - 1] === 'values' && path[0] === 'measurements';
        report(
          [...path, key],
          inValues ? `duplicate period "${key}" in this entry` : `duplicate key "${key}"`,
          pair.key,
        );
      }
      seen.add(key);
      checkDuplicateKeys(pair.value, [...path, key], report);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      checkDuplicateKeys(isPair(item) ? item.value : item, [...path, i], report);
    });
  }
}

function parseFile(
  input: PlanFileInput,
  order: number,
  collector: Collector,
  broken: WeakSet<object>,
): ParsedFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(input.text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false,
    version: '1.2',
  });
  const file: ParsedFile = {
    fileName: input.fileName,
    doc,
    lineCounter,
    data: undefined,
    invalid: new Set(),
    valid: true,
  };
  // Only the first syntax error of a file: the following ones are mostly its consequences.
  const syntax = [...doc.errors.slice(0, 1), ...doc.warnings];
  for (const error of syntax) {
    const position = lineCounter.linePos(error.pos[0]);
    collector.errors.push({
      file: input.fileName,
      line: position.line,
      column: position.col,
      path: '',
      message: `YAML: ${error.message.split('\n')[0] ?? error.message}`,
      order,
    });
  }
  if (syntax.length > 0) {
    file.valid = false;
    return file;
  }
  checkDuplicateKeys(doc.contents, [], (path, message, key) => {
    // the second occurrence: `locate` by path would find the first one
    const range = isScalar(key) ? key.range : undefined;
    const position = lineCounter.linePos(range ? range[0] : 0);
    collector.errors.push({
      file: input.fileName,
      line: position.line,
      column: position.col,
      path: formatPath(path),
      message,
      order,
    });
  });
  try {
    file.data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    collector.add(
      file,
      order,
      [],
      `YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
    file.valid = false;
    return file;
  }
  if (file.data === null || file.data === undefined) {
    collector.add(
      file,
      order,
      [],
      `empty file: a plan file starts with "strata: ${PLAN_FILE_VERSION}"`,
    );
    file.valid = false;
    return file;
  }
  if (!isRecord(file.data)) {
    collector.add(
      file,
      order,
      [],
      `a plan file must be a mapping that starts with "strata: ${PLAN_FILE_VERSION}"`,
    );
    file.valid = false;
    return file;
  }
  for (const issue of schemaIssues(PlanFileDocumentSchema, file.data)) {
    collector.add(file, order, issue.path, issue.message, issue.atKey);
    if (issue.structural) setAside(file, issue.path, broken);
  }
  return file;
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let value = root;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
    else if (isRecord(value)) value = value[String(segment)];
    else return undefined;
  }
  return value;
}

/**
 * The path of the smallest item that holds a shape error and can be left out of the checks:
 * an element (at any depth), a trajectory point, a facet value, or else the top-level item.
 */
function holderOf(path: readonly PathSegment[]): PathSegment[] {
  const [list, index, key, sub] = path;
  if (typeof index !== 'number') return path.slice(0, 1);
  let holder = path.slice(0, 2);
  if (list === 'plans' && key === 'elements') {
    for (let i = 2; path[i] === (i === 2 ? 'elements' : 'children'); i += 2) {
      if (typeof path[i + 1] !== 'number') break;
      holder = path.slice(0, i + 2);
    }
  } else if (
    typeof sub === 'number' &&
    ((list === 'indicators' && key === 'targets') || (list === 'facets' && key === 'values'))
  ) {
    holder = path.slice(0, 4);
  }
  return holder;
}

/** Leaves the item holding a shape error out of the checks (its own errors are reported). */
function setAside(file: ParsedFile, path: readonly PathSegment[], broken: WeakSet<object>): void {
  let holder = holderOf(path);
  while (holder.length > 2 && !isRecord(valueAt(file.data, holder))) holder = holder.slice(0, -2);
  const item = valueAt(file.data, holder);
  if (holder.length > 2 && isRecord(item)) broken.add(item);
  else file.invalid.add(holder.map(String).join('/'));
}

function codeOf(item: unknown): string | null {
  return isRecord(item) && typeof item.code === 'string' ? item.code : null;
}

/** Gathers the items of every file; items with a schema error are left out, their codes kept. */
function gather(
  files: readonly ParsedFile[],
  broken: WeakSet<object>,
): {
  bundle: BundleItems;
  workspaces: Located<PlanFileWorkspace>[];
} {
  const bundle: BundleItems = {
    units: [],
    facets: [],
    plans: [],
    indicators: [],
    measurements: [],
    actions: [],
    invalid: {
      units: new Set(),
      facets: new Set(),
      plans: new Set(),
      indicators: new Set(),
      actions: new Set(),
    },
    broken,
  };
  const workspaces: Located<PlanFileWorkspace>[] = [];
  files.forEach((file, index) => {
    if (!isRecord(file.data)) return;
    const data = file.data as PlanFileDocument;
    if (data.workspace !== undefined)
      workspaces.push({ item: data.workspace, file: index, path: ['workspace'] });
    for (const key of LISTS) {
      const list: unknown = data[key];
      if (!Array.isArray(list) || file.invalid.has(key)) continue;
      list.forEach((item: unknown, i) => {
        if (!file.invalid.has(`${key}/${i}`)) {
          (bundle[key] as Located<unknown>[]).push({ item, file: index, path: [key, i] });
          return;
        }
        const code = codeOf(item);
        if (code !== null && (CODED as readonly ListKey[]).includes(key)) {
          bundle.invalid[key as (typeof CODED)[number]].add(code);
        }
      });
    }
  });
  return { bundle, workspaces };
}

/**
 * Parses and checks a plan bundle. Files are merged in file-name order; every error of every
 * file is reported at once. The plan is returned, in normal form, only when there is no error.
 */
export function parsePlanFiles(files: readonly PlanFileInput[]): ParsePlanFilesResult {
  const sorted = [...files].sort((a, b) =>
    a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0,
  );
  const collector = createCollector();
  const broken = new WeakSet<object>();
  const parsed = sorted.map((input, order) => parseFile(input, order, collector, broken));
  if (parsed.every((file) => file.valid)) {
    const { bundle, workspaces } = gather(parsed, broken);
    const reporter: Reporter = {
      error(at, subPath, message, atKey) {
        const file = parsed[at.file];
        if (file) collector.add(file, at.file, [...at.path, ...subPath], message, atKey);
      },
      where(at, subPath, atKey) {
        const file = parsed[at.file];
        if (!file) return '?';
        const { line } = locate(file.doc, file.lineCounter, [...at.path, ...subPath], atKey);
        return `${file.fileName} line ${line}`;
      },
    };
    const [first, ...others] = workspaces;
    const firstFile = parsed[0];
    if (!first && firstFile) {
      collector.add(
        firstFile,
        0,
        [],
        'the bundle has no workspace: exactly one file must define it',
      );
    }
    for (const extra of others) {
      const where = first ? reporter.where(first, [], true) : '?';
      reporter.error(
        extra,
        [],
        `a bundle has exactly one workspace (already defined at ${where})`,
        true,
      );
    }
    checkBundle(bundle, reporter);
    if (collector.errors.length === 0 && first) {
      const plan: PlanFile = {
        strata: PLAN_FILE_VERSION,
        workspace: first.item,
        units: bundle.units.map((at) => at.item),
        facets: bundle.facets.map((at) => at.item),
        plans: bundle.plans.map((at) => at.item),
        indicators: bundle.indicators.map((at) => at.item),
        measurements: bundle.measurements.map((at) => at.item),
        actions: bundle.actions.map((at) => at.item),
      };
      return { ok: true, plan: normalizePlanFile(plan) };
    }
  }
  if (files.length === 0) {
    return {
      ok: false,
      errors: [{ file: '', line: 1, column: 1, path: '', message: 'no plan file given' }],
    };
  }
  const errors = collector.errors
    .map((error, index) => ({ error, index }))
    .sort(
      (a, b) =>
        a.error.order - b.error.order ||
        a.error.line - b.error.line ||
        a.error.column - b.error.column ||
        a.index - b.index,
    )
    .map(({ error }) => ({
      file: error.file,
      line: error.line,
      column: error.column,
      path: error.path,
      message: error.message,
    }));
  return { ok: false, errors };
}
