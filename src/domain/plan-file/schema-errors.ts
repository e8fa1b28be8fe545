/**
 * Turns TypeBox validation errors into plain, located issues: one per problem, with the path of
 * the offending value and a message a plan author understands.
 */
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { Settings } from 'typebox/system';
import type { PathSegment } from './locate.ts';

/** One schema problem: where (path in the document) and what. */
export interface SchemaIssue {
  path: PathSegment[];
  message: string;
  /** true when the problem is the key itself (unknown key), not its value */
  atKey: boolean;
  /**
   * true when the value does not have the expected shape (wrong type, missing key): code that
   * reads the item could fail. Other problems (unknown key, value out of range or not in a
   * list, bad pattern) leave the item safe to check further.
   */
  structural: boolean;
}

const STRUCTURAL = new Set(['type', 'required', 'anyOf', 'minItems', 'maxItems', 'minProperties']);

interface RawError {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

/** Errors buffered per validation; TypeBox stops at 8 by default. */
const MAX_ERRORS = 10_000;

const TYPE_NAMES: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  array: 'a list',
  null: 'null',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return 'a value of another kind';
}

function decodePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  return pointer
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The path of an instance pointer, with list indices as numbers. */
function instanceSegments(pointer: string, root: unknown): PathSegment[] {
  const path: PathSegment[] = [];
  let value: unknown = root;
  for (const part of decodePointer(pointer)) {
    if (Array.isArray(value)) {
      const index = Number(part);
      path.push(index);
      value = value[index];
    } else {
      path.push(part);
      value = isRecord(value) ? value[part] : undefined;
    }
  }
  return path;
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
 * The schema node at a schema path. TypeBox reports paths through `$ref` as if the reference
 * were inlined, so a reference is followed whenever the next key is not on the node itself.
 */
function schemaAt(root: unknown, schemaPath: string): Record<string, unknown> | null {
  const defs: Record<string, unknown> = {};
  const follow = (node: Record<string, unknown>): Record<string, unknown> => {
    if (isRecord(node.$defs)) Object.assign(defs, node.$defs);
    const target = typeof node.$ref === 'string' ? defs[node.$ref] : undefined;
    return isRecord(target) ? target : node;
  };
  let node: unknown = root;
  for (const part of decodePointer(schemaPath)) {
    if (Array.isArray(node)) {
      node = node[Number(part)];
    } else if (isRecord(node)) {
      if (isRecord(node.$defs)) Object.assign(defs, node.$defs);
      const owner = part in node ? node : follow(node);
      node = owner[part];
    } else {
      return null;
    }
  }
  return isRecord(node) ? follow(node) : null;
}

function customMessage(schema: Record<string, unknown> | null): string | null {
  return schema && typeof schema.errorMessage === 'string' ? schema.errorMessage : null;
}

function genericMessage(error: RawError, value: unknown): string {
  const p = error.params;
  switch (error.keyword) {
    case 'type':
      return `must be ${TYPE_NAMES[String(p.type)] ?? String(p.type)}, found ${describeValue(value)}`;
    case 'enum':
      return `must be one of: ${(p.allowedValues as unknown[]).map(String).join(', ')}; found ${describeValue(value)}`;
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`;
    case 'minimum':
      return `must be at least ${String(p.limit)}`;
    case 'maximum':
      return `must be at most ${String(p.limit)}`;
    case 'exclusiveMinimum':
      return `must be greater than ${String(p.limit)}`;
    case 'exclusiveMaximum':
      return `must be less than ${String(p.limit)}`;
    case 'minItems':
      return `must have at least ${String(p.limit)} item(s)`;
    case 'maxItems':
      return `must have at most ${String(p.limit)} item(s)`;
    case 'minLength':
      return `must have at least ${String(p.limit)} character(s)`;
    case 'maxLength':
      return `must have at most ${String(p.limit)} character(s)`;
    case 'minProperties':
      return 'must not be empty';
    default:
      return error.message;
  }
}

function runValidation(schema: TSchema, value: unknown): RawError[] {
  if (Value.Check(schema, value)) return [];
  const previous = Settings.Get().maxErrors;
  Settings.Set({ maxErrors: MAX_ERRORS });
  try {
    return Value.Errors(schema, value).map((error) => ({
      keyword: error.keyword,
      schemaPath: error.schemaPath,
      instancePath: error.instancePath,
      params: error.params,
      message: error.message,
    }));
  } finally {
    Settings.Set({ maxErrors: previous });
  }
}

/**
 * Resolves `anyOf` failures: when the value is a mapping and one alternative is a mapping, the
 * errors inside that alternative are kept (they say what is wrong in it); otherwise the
 * alternatives' errors are replaced by the union's own message.
 */
function resolveUnions(errors: RawError[], schema: TSchema, value: unknown): RawError[] {
  const dropped = new Set<RawError>();
  for (const union of errors.filter((error) => error.keyword === 'anyOf')) {
    const prefix = `${union.schemaPath}/anyOf/`;
    const inside = errors.filter(
      (error) =>
        error.schemaPath.startsWith(prefix) && error.instancePath.startsWith(union.instancePath),
    );
    const unionSchema = schemaAt(schema, union.schemaPath);
    const branches = Array.isArray(unionSchema?.anyOf) ? (unionSchema.anyOf as unknown[]) : [];
    const instance = valueAt(value, instanceSegments(union.instancePath, value));
    const objectBranch = isRecord(instance)
      ? branches.findIndex((branch) => isRecord(branch) && branch.type === 'object')
      : -1;
    for (const error of inside) {
      if (objectBranch < 0 || !error.schemaPath.startsWith(`${prefix}${objectBranch}`)) {
        dropped.add(error);
      }
    }
    if (objectBranch >= 0) dropped.add(union);
  }
  return errors.filter((error) => !dropped.has(error));
}

/** Validates a value against a schema and returns every problem found, in document order. */
export function schemaIssues(schema: TSchema, value: unknown): SchemaIssue[] {
  const errors = resolveUnions(runValidation(schema, value), schema, value);
  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  const add = (path: PathSegment[], message: string, atKey: boolean, structural: boolean) => {
    const id = `${JSON.stringify(path)}|${message}`;
    if (seen.has(id)) return;
    seen.add(id);
    issues.push({ path, message, atKey, structural });
  };
  for (const error of errors) {
    const path = instanceSegments(error.instancePath, value);
    if (error.keyword === 'additionalProperties') continue;
    if (error.keyword === 'required') {
      for (const key of error.params.requiredProperties as string[]) {
        add([...path, key], `missing required key "${key}"`, false, true);
      }
      continue;
    }
    if (error.keyword === 'boolean' && error.schemaPath.endsWith('/additionalProperties')) {
      add(path, `unknown key "${String(path[path.length - 1])}"`, true, false);
      continue;
    }
    if (error.keyword === 'boolean' && error.schemaPath.endsWith('/additionalItems')) {
      const listPath = path.slice(0, -1);
      const listSchema = schemaAt(schema, error.schemaPath.replace(/\/additionalItems$/, ''));
      add(listPath, customMessage(listSchema) ?? 'has too many items', false, true);
      continue;
    }
    const node = schemaAt(schema, error.schemaPath);
    const found = valueAt(value, path);
    const message =
      error.keyword === '~refine'
        ? error.message
        : error.keyword === 'minProperties'
          ? genericMessage(error, found)
          : (customMessage(node) ?? genericMessage(error, found));
    add(path, message, false, STRUCTURAL.has(error.keyword));
  }
  return issues;
}
