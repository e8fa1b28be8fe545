/**
 * What an audit event changed, for people: the scalar fields whose value differs between
 * `before` and `after` (text, numbers, yes/no, dates), and the names of the other fields that
 * changed (lists, nested objects), which are only named. Bookkeeping fields are left out.
 */

export type Scalar = string | number | boolean | null;

export interface FieldChange {
  field: string;
  before: Scalar;
  after: Scalar;
}

export interface EventDiff {
  changes: FieldChange[];
  /** Fields that changed but are not scalars (lists, objects). */
  others: string[];
}

/** Fields every row carries that say nothing to a reader. */
const BOOKKEEPING = new Set([
  'id',
  'version',
  'created_at',
  'updated_at',
  'workspace_id',
  'plan_id',
  'links',
  'etag',
  'search',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is Scalar {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  );
}

/** The differences between an event's `before` and `after` (none when either is missing). */
export function diffEvent(before: unknown, after: unknown): EventDiff {
  const result: EventDiff = { changes: [], others: [] };
  if (!isRecord(before) || !isRecord(after)) return result;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  for (const field of fields) {
    if (BOOKKEEPING.has(field)) continue;
    const was = before[field] ?? null;
    const now = after[field] ?? null;
    if (isScalar(was) && isScalar(now)) {
      if (was !== now) result.changes.push({ field, before: was, after: now });
    } else if (JSON.stringify(was) !== JSON.stringify(now)) {
      result.others.push(field);
    }
  }
  return result;
}

/** The label of `key` in a dictionary of labels, or the key itself when it has none. */
export function labelOf(labels: Readonly<Record<string, string>>, key: string): string {
  return Object.hasOwn(labels, key) ? (labels[key] ?? key) : key;
}
