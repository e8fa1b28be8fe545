/**
 * Writes plan files as deterministic YAML: normal form (defaults omitted, keys in schema order),
 * 2-space indent, no line folding, periods always in double quotes, short lists of codes and
 * trajectory points on one line.
 */
import { Document, Scalar, isPair, isScalar, isSeq, visit } from 'yaml';
import { normalizePlanFile, normalizePlanFileDocument } from './normalize.ts';
import type { PlanFile, PlanFileDocument } from './schema.ts';

/** Options of `serializePlanFileDocument`. */
export interface SerializeOptions {
  /** comment lines written at the top of the file (without `#`) */
  header?: string;
}

/** Mappings under these keys are written on one line. */
const FLOW_MAP_KEYS = new Set(['thresholds', 'rollupThresholds']);

function pairKey(node: unknown): string | null {
  return isPair(node) && isScalar(node.key) ? String(node.key.value) : null;
}

function quote(node: unknown): void {
  if (isScalar(node) && typeof node.value === 'string') node.type = Scalar.QUOTE_DOUBLE;
}

/** Sets the styles that make the output compact and unambiguous. */
function styleDocument(doc: Document): void {
  visit(doc, {
    Map(_, map, path) {
      const parent = path[path.length - 1];
      const key = pairKey(parent);
      const listKey = isSeq(parent) ? pairKey(path[path.length - 2]) : null;
      const isIndicatorRef = map.items.every((pair) => {
        const name = pairKey(pair);
        return name === 'code' || name === 'weight';
      });
      if ((key !== null && FLOW_MAP_KEYS.has(key)) || listKey === 'targets' || isIndicatorRef) {
        map.flow = true;
      }
      if (key === 'values') for (const pair of map.items) quote(pair.key);
    },
    Pair(_, pair) {
      if (pairKey(pair) === 'period') quote(pair.value);
    },
    Seq(_, seq) {
      if (seq.items.every((item) => isScalar(item))) seq.flow = true;
    },
  });
}

function render(value: PlanFileDocument | PlanFile, options: SerializeOptions): string {
  const doc = new Document(value, { version: '1.2', compat: 'yaml-1.1' });
  styleDocument(doc);
  if (options.header) {
    doc.commentBefore = options.header
      .split('\n')
      .map((line) => (line === '' ? '' : ` ${line}`))
      .join('\n');
  }
  return doc.toString({
    indent: 2,
    indentSeq: true,
    lineWidth: 0,
    minContentWidth: 0,
    flowCollectionPadding: true,
  });
}

/** Writes one document of a bundle (any subset of the top-level keys), in normal form. */
export function serializePlanFileDocument(
  document: PlanFileDocument,
  options: SerializeOptions = {},
): string {
  return render(normalizePlanFileDocument(document), options);
}

/**
 * Writes a whole bundle as one YAML document. `parsePlanFiles([{ fileName, text }])` of the
 * result gives back the plan in normal form, deep-equal to any plan `parsePlanFiles` returned.
 */
export function serializePlanFile(plan: PlanFile, options: SerializeOptions = {}): string {
  return render(normalizePlanFileDocument(normalizePlanFile(plan)), options);
}
