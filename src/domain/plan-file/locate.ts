/**
 * Paths into a plan file and their positions in the YAML source: a path is a list of keys and
 * list indices; it prints as `indicators[3].targets[0].period`.
 */
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter } from 'yaml';

/** A key of a mapping or an index in a list. */
export type PathSegment = string | number;

/** A 1-based line and column in a source text. */
export interface SourcePosition {
  line: number;
  column: number;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Prints a path: `units[1].parent`, `measurements[0].values["2022"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** The text of a scalar map key, or null for a complex key. */
export function keyText(key: unknown): string | null {
  if (!isScalar(key)) return null;
  const value = key.value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return value === null ? '' : null;
}

function rangeStart(node: unknown): number | null {
  if (typeof node !== 'object' || node === null || !('range' in node)) return null;
  const range = (node as { range?: unknown }).range;
  return Array.isArray(range) && typeof range[0] === 'number' ? range[0] : null;
}

/**
 * The position of the node at `path` in a document, or of its deepest existing ancestor when the
 * path does not exist (e.g. a missing key). With `atKey`, the last segment's key is located
 * instead of its value (for unknown or duplicate keys).
 */
export function locate(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly PathSegment[],
  atKey = false,
): SourcePosition {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (segment === undefined) break;
    if (isAlias(node)) node = node.resolve(doc);
    let next: unknown = undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => keyText(item.key) === String(segment));
      if (!pair) break;
      const last = i === path.length - 1;
      next = (last && atKey) || rangeStart(pair.value) === null ? pair.key : pair.value;
    } else if (isSeq(node)) {
      const index = typeof segment === 'number' ? segment : Number(segment);
      if (!Number.isInteger(index)) break;
      next = node.items[index];
    }
    const start = rangeStart(next);
    if (start === null) break;
    node = next;
    offset = start;
  }
  const position = lineCounter.linePos(offset);
  return { line: position.line, column: position.col };
}
