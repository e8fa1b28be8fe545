/**
 * A small schema-driven fuzzer (SECURITY-BAR 13), with no dependency: it reads each operation of
 * the OpenAPI document (JSON request body, path and query parameters), generates valid requests
 * from the schemas and mutates them into invalid ones (wrong types, missing required fields,
 * extra properties, out-of-range numbers, strings too long or too short, bad uuid/date/e-mail
 * formats, odd Unicode, deep nesting, arrays over their limit, null everywhere, malformed JSON,
 * prototype keys). A seeded PRNG makes every case reproducible from the seed.
 *
 * Whether a case is valid is decided here, by a small validator of the published schemas, not by
 * the server: a case is `invalid` when the published schema refuses it whatever the server's
 * type coercion does, `valid` when the schema accepts it, `coercible` when only coercion
 * (null → "", "5" → 5, [x] → x…) could make it acceptable, and `raw` when it is not JSON at all
 * or carries prototype keys.
 */

/** The subset of JSON Schema that TypeBox writes into the OpenAPI document. */
export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  minProperties?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
}

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

interface OpenApiOperation {
  operationId?: string;
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

export interface Param {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

/** One operation of the API, as the fuzzer needs it. */
export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  id: string;
  pathParams: Param[];
  queryParams: Param[];
  headerParams: Param[];
  body: JsonSchema | null;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** The operations of an OpenAPI document. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = (where: OpenApiParameter['in']) =>
        (op.parameters ?? [])
          .filter((p) => p.in === where)
          .map((p) => ({ name: p.name, required: p.required === true, schema: p.schema }));
      ops.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        id: op.operationId ?? `${method} ${path}`,
        pathParams: params('path'),
        queryParams: params('query'),
        headerParams: params('header'),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return ops;
}

/* ------------------------------------------------------------------------------------------ */
/* Seeded randomness                                                                          */
/* ------------------------------------------------------------------------------------------ */

/** mulberry32: small, fast, good enough for test data, and reproducible. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let x = this.state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight: [[weight, value], …]. */
  weighted<T>(choices: readonly (readonly [number, T])[]): T {
    const total = choices.reduce((sum, [w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [w, value] of choices) {
      r -= w;
      if (r < 0) return value;
    }
    const last = choices.at(-1);
    if (!last) throw new Error('weighted pick from an empty list');
    return last[1];
  }

  hex(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += '0123456789abcdef'[this.int(0, 15)] ?? '0';
    return out;
  }

  uuid(): string {
    const variant = '89ab'[this.int(0, 3)] ?? '8';
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${variant}${this.hex(3)}-${this.hex(12)}`;
  }
}

/** A seed for one label (an operation) derived from the run's seed (FNV-1a). */
export function deriveSeed(seed: number, label: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/* ------------------------------------------------------------------------------------------ */
/* An independent validator of the published schemas                                          */
/* ------------------------------------------------------------------------------------------ */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i;

function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return d <= days;
}

const codePoints = (s: string) => Array.from(s).length;
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function formatOk(format: string | undefined, s: string): boolean {
  switch (format) {
    case 'uuid':
      return UUID.test(s);
    case 'date':
      return isIsoDate(s);
    case 'email':
      return EMAIL.test(s);
    case 'date-time':
      return !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s);
    default:
      return true;
  }
}

/**
 * Whether `value` satisfies `schema`. In `query` mode, values are the strings of a query string
 * and are read the way a query parser and the schema's types read them ("5" is the integer 5);
 * in `json` mode, no coercion at all.
 */
export function validates(schema: JsonSchema, value: unknown, mode: 'json' | 'query'): boolean {
  if (schema.anyOf) return schema.anyOf.some((s) => validates(s, value, mode));
  if (schema.const !== undefined && value !== schema.const) return false;
  if (schema.enum && !schema.enum.includes(value)) return false;
  if (mode === 'query' && typeof value === 'string') {
    if (schema.type === 'integer' || schema.type === 'number') {
      if (value.trim() === '' || !/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value)) return false;
      return validates(schema, Number(value), 'json');
    }
    if (schema.type === 'boolean') return value === 'true' || value === 'false';
  }
  switch (schema.type) {
    case 'string': {
      if (typeof value !== 'string') return false;
      const n = codePoints(value);
      if (schema.minLength !== undefined && n < schema.minLength) return false;
      if (schema.maxLength !== undefined && n > schema.maxLength) return false;
      if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
        return false;
      }
      return formatOk(schema.format, value);
    }
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
      if (schema.type === 'integer' && !Number.isInteger(value)) return false;
      if (schema.minimum !== undefined && value < schema.minimum) return false;
      if (schema.maximum !== undefined && value > schema.maximum) return false;
      if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) return false;
      if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) return false;
      return true;
    }
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array': {
      if (!Array.isArray(value)) return false;
      if (schema.minItems !== undefined && value.length < schema.minItems) return false;
      if (schema.maxItems !== undefined && value.length > schema.maxItems) return false;
      const items = schema.items;
      return items === undefined || value.every((v) => validates(items, v, mode));
    }
    case 'object': {
      if (!isObject(value)) return false;
      const props = schema.properties ?? {};
      for (const key of schema.required ?? []) if (!(key in value)) return false;
      const keys = Object.keys(value);
      if (schema.minProperties !== undefined && keys.length < schema.minProperties) return false;
      for (const key of keys) {
        const sub = props[key];
        if (sub) {
          if (!validates(sub, value[key], mode)) return false;
        } else if (schema.additionalProperties === false) {
          return false;
        }
      }
      return true;
    }
    default:
      return true;
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Valid values                                                                               */
/* ------------------------------------------------------------------------------------------ */

/** Inputs the run must not generate yet: each is a known bug with its own failing test. */
export interface Avoid {
  /** U+0000 in strings. */
  nul: boolean;
  /** Query numbers that overflow to ±Infinity, such as 1e400. */
  infiniteQueryNumbers: boolean;
  /** UUIDs written as `urn:uuid:…`. */
  urnUuids: boolean;
  /** Unpaired UTF-16 surrogates (U+D800–U+DFFF) in strings. */
  loneSurrogates: boolean;
}

export interface FuzzContext {
  rng: Rng;
  /** Real values for a field, by its name (`unitId`, `elementIds`…), or none. */
  pool(name: string): readonly string[] | undefined;
  avoid: Avoid;
}

const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ';
/** Characters a text field must store and give back: accents, scripts, emoji, marks, controls. */
const ODD = [
  'é',
  'ß',
  'Ω',
  'я',
  '中',
  'ह',
  'ع',
  '\u200b',
  '\u200d',
  '\u202e',
  '\ufeff',
  '\u0301',
  '\ud83d\ude00',
  '\ud800',
  '\udfff',
  '\t',
  '\n',
  '\r',
  '\u0001',
  '\u001f',
  '\u007f',
  '\u2028',
  '"',
  "'",
  '\\',
  '<',
  '>',
  '&',
  '%',
  ';',
  '--',
  '${',
  '{{',
  '\uffff',
];
const NUL = '\u0000';
const isSurrogate = (c: string) =>
  c.length === 1 && c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff;

/** Random text of `length` code points: mostly plain, sometimes odd. */
function text(ctx: FuzzContext, length: number, odd: boolean): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    if (odd && ctx.rng.chance(0.3)) {
      const pool = [...ODD, ...(ctx.avoid.nul ? [] : [NUL])].filter(
        (c) => !(ctx.avoid.loneSurrogates && isSurrogate(c)),
      );
      // Only single code points here, so the length in code points stays exact.
      const ch = ctx.rng.pick(pool.filter((c) => codePoints(c) === 1));
      out += ch;
    } else {
      out += PLAIN[ctx.rng.int(0, PLAIN.length - 1)] ?? 'a';
    }
  }
  return out;
}

function isoDate(rng: Rng, from = 1990, to = 2040): string {
  const y = rng.int(from, to);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The few dates valid cases mostly use, so read caches keyed by date stay useful. */
const DATES = ['2023-09-01', '2024-12-31', '2025-06-30', '2026-01-15', '2027-12-31'];

function validPeriod(rng: Rng): string {
  const y = rng.int(1995, 2045);
  return rng.pick([
    String(y),
    `${String(y)}-${String((y + 1) % 100).padStart(2, '0')}`,
    `${String(y)}-S${String(rng.int(1, 2))}`,
    `${String(y)}-Q${String(rng.int(1, 4))}`,
    `${String(y)}-${String(rng.int(1, 12)).padStart(2, '0')}`,
  ]);
}

function matchingPattern(ctx: FuzzContext, schema: JsonSchema, min: number, max: number): string {
  const re = new RegExp(schema.pattern ?? '', 'u');
  for (let attempt = 0; attempt < 50; attempt++) {
    const length = ctx.rng.int(Math.max(min, 1), Math.max(Math.min(max, 24), 1));
    let s = `FZ${ctx.rng.hex(6).toUpperCase()}`;
    while (s.length < length) s += ctx.rng.pick(['A', 'b', '7', '.', '_', '-', 'Z']);
    s = s.slice(0, length);
    if (re.test(s) && codePoints(s) >= min) return s;
  }
  throw new Error(`cannot generate a string for pattern ${String(schema.pattern)}`);
}

function validString(schema: JsonSchema, ctx: FuzzContext, name: string): string {
  const { rng } = ctx;
  const real = ctx.pool(name);
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 2000;
  const fits = (s: string) => validates(schema, s, 'json');
  if (real && real.length > 0 && rng.chance(schema.format === 'uuid' ? 0.6 : 0.5)) {
    const value = rng.pick(real);
    if (fits(value)) return value;
  }
  switch (schema.format) {
    case 'uuid':
      return rng.chance(0.1) ? rng.uuid().toUpperCase() : rng.uuid();
    case 'date':
      return rng.chance(0.85)
        ? rng.pick(DATES)
        : rng.pick([isoDate(rng), '2024-02-29', '1970-01-01', '2099-12-31']);
    case 'date-time':
      return new Date(Date.UTC(rng.int(1990, 2040), rng.int(0, 11), rng.int(1, 28))).toISOString();
    case 'email':
      return `fz.${rng.hex(8)}@${rng.pick(['example.org', 'imt.example'])}`;
    default:
  }
  if (schema.pattern !== undefined) {
    try {
      return matchingPattern(ctx, schema, min, max);
    } catch (error) {
      // A pattern the generator cannot meet (e.g. nine digits): a pooled value that fits.
      // Without a name (a value wrapped in a wrong-typed array), any text will do.
      const fitting = (real ?? []).filter(fits);
      if (fitting.length > 0) return rng.pick(fitting);
      if (name === '') return `FZ${rng.hex(6)}`;
      throw error;
    }
  }
  if (name === 'period' && rng.chance(0.7)) {
    const period = validPeriod(rng);
    if (fits(period)) return period;
  }
  const length = rng.weighted<number>([
    [6, rng.int(min, Math.min(max, Math.max(min, 24)))],
    [1, max],
    [1, min],
    [1, rng.int(min, max)],
  ]);
  return text(ctx, length, rng.chance(0.4));
}

function validNumber(schema: JsonSchema, ctx: FuzzContext): number {
  const { rng } = ctx;
  const integer = schema.type === 'integer';
  const step = integer ? 1 : 1e-6;
  const lo =
    schema.exclusiveMinimum !== undefined
      ? schema.exclusiveMinimum + step
      : (schema.minimum ?? -Number.MAX_SAFE_INTEGER);
  const hi =
    schema.exclusiveMaximum !== undefined
      ? schema.exclusiveMaximum - step
      : (schema.maximum ?? Number.MAX_SAFE_INTEGER);
  const candidates: number[] = [lo, hi, 0, 1, -1, 2 ** 31];
  if (!integer && schema.minimum === undefined && schema.maximum === undefined) {
    candidates.push(1.7976931348623157e308, -1.7976931348623157e308, 5e-324, 0.1, -0.5);
  }
  const near = Math.max(lo, Math.min(hi, rng.int(-1000, 1000)));
  let value = rng.chance(0.5) ? rng.pick(candidates) : near + rng.next() * Math.min(100, hi - near);
  if (integer) value = Math.round(value);
  return validates(schema, value, 'json') ? value : near;
}

/** A value the schema accepts. `name` is the property (or array property) it is for. */
export function validValue(schema: JsonSchema, ctx: FuzzContext, name = ''): unknown {
  const { rng } = ctx;
  if (schema.anyOf) {
    const nonNull = schema.anyOf.filter((s) => s.type !== 'null');
    const branch =
      nonNull.length > 0 && rng.chance(0.8) ? rng.pick(nonNull) : rng.pick(schema.anyOf);
    return validValue(branch, ctx, name);
  }
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return rng.pick(schema.enum);
  switch (schema.type) {
    case 'string':
      return validString(schema, ctx, name);
    case 'integer':
    case 'number':
      return validNumber(schema, ctx);
    case 'boolean':
      return rng.chance(0.5);
    case 'null':
      return null;
    case 'array': {
      const min = schema.minItems ?? 0;
      const max = schema.maxItems ?? 20;
      const length = rng.weighted<number>([
        [8, rng.int(min, Math.min(max, Math.max(min, 3)))],
        [1, max],
      ]);
      const items = schema.items ?? {};
      return Array.from({ length }, () => validValue(items, ctx, name));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      for (const [key, sub] of Object.entries(props)) {
        if (required.has(key) || rng.chance(0.5)) out[key] = validValue(sub, ctx, key);
      }
      const optional = Object.keys(props).filter((k) => !required.has(k));
      while (Object.keys(out).length < (schema.minProperties ?? 0) && optional.length > 0) {
        const key = rng.pick(optional);
        const sub = props[key];
        if (sub) out[key] = validValue(sub, ctx, key);
      }
      return out;
    }
    default:
      return rng.pick(['x', 1, true, null]);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Invalid values                                                                             */
/* ------------------------------------------------------------------------------------------ */

/** What a mutation produced: the bad value, and whether server-side coercion could mend it. */
interface Bad {
  value: unknown;
  how: string;
  coercible: boolean;
}

function deep(depth: number, leaf: unknown): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

/** Values of the wrong JSON type for `schema` that no coercion turns into a right one. */
function hardWrongTypes(schema: JsonSchema, ctx: FuzzContext): Bad[] {
  const { rng } = ctx;
  const type = schema.type;
  const out: Bad[] = [];
  if (type !== 'object') {
    out.push({ value: { nested: { x: 1 } }, how: 'object instead', coercible: false });
    out.push({
      value: deep(rng.pick([20, 200, 1000]), 'x'),
      how: 'deep nesting',
      coercible: false,
    });
  }
  if (type === 'object') {
    out.push({ value: 'not an object', how: 'string for object', coercible: false });
    out.push({ value: 42, how: 'number for object', coercible: false });
    out.push({ value: null, how: 'null for object', coercible: false });
    out.push({ value: [{}], how: 'array for object', coercible: false });
  }
  if (type !== 'array' && type !== 'object') {
    out.push({ value: [], how: 'empty array for scalar', coercible: false });
    out.push({ value: ['a', 'b'], how: 'two-item array for scalar', coercible: false });
  }
  if (type === 'integer' || type === 'number') {
    out.push({
      value: rng.pick(['abc', 'NaN', '1,5', '12abc']),
      how: 'text for number',
      coercible: false,
    });
  }
  if (type === 'boolean') {
    out.push({
      value: rng.pick(['yes', 'on', 'vrai', 'oui']),
      how: 'text for boolean',
      coercible: false,
    });
  }
  return out;
}

/** Values of the wrong type that a coercing validator might turn into a right one. */
function softWrongTypes(schema: JsonSchema, ctx: FuzzContext): Bad[] {
  const { rng } = ctx;
  const out: Bad[] = [{ value: null, how: 'null', coercible: true }];
  switch (schema.type) {
    case 'string':
      out.push(
        { value: rng.pick([0, 7, -1.5]), how: 'number for string', coercible: true },
        { value: rng.chance(0.5), how: 'boolean for string', coercible: true },
        { value: [validValue(schema, ctx)], how: 'one-item array for string', coercible: true },
      );
      break;
    case 'integer':
    case 'number':
      out.push(
        {
          value: String(validNumber(schema, ctx)),
          how: 'numeric text for number',
          coercible: true,
        },
        { value: rng.chance(0.5), how: 'boolean for number', coercible: true },
        { value: [validNumber(schema, ctx)], how: 'one-item array for number', coercible: true },
      );
      break;
    case 'boolean':
      out.push(
        { value: rng.pick(['true', 'false']), how: 'text for boolean', coercible: true },
        { value: rng.pick([0, 1]), how: 'number for boolean', coercible: true },
      );
      break;
    case 'array':
      out.push({
        value: validValue(schema.items ?? {}, ctx),
        how: 'scalar for array',
        coercible: true,
      });
      break;
    default:
  }
  return out;
}

function badStrings(schema: JsonSchema, ctx: FuzzContext): Bad[] {
  const { rng } = ctx;
  const out: Bad[] = [];
  const hard = (value: unknown, how: string) => out.push({ value, how, coercible: false });
  if (schema.maxLength !== undefined) {
    const over = schema.maxLength + rng.pick([1, 2, 100, schema.maxLength * 4 + 10]);
    hard('x'.repeat(Math.min(over, 500_000)), `longer than ${String(schema.maxLength)}`);
  } else if (schema.format === undefined && schema.enum === undefined) {
    // No limit: a long string is valid and must be stored or refused cleanly.
    out.push({
      value: text(ctx, rng.pick([5_000, 50_000, 200_000]), false),
      how: 'very long',
      coercible: false,
    });
  }
  if ((schema.minLength ?? 0) > 0) hard('', 'empty');
  if (schema.pattern !== undefined) {
    hard(rng.pick(['-lead', 'a b', 'é', '.x', 'x/y', "a'b", 'a\nb']), 'pattern mismatch');
  }
  switch (schema.format) {
    case 'uuid': {
      const u = rng.uuid();
      const bad = [
        'not-a-uuid',
        u.slice(0, 35),
        `${u}0`,
        u.replaceAll('-', ''),
        `{${u}}`,
        u.replace(/[0-9a-f]/, 'g'),
        "1' OR '1'='1",
        '../../etc/passwd',
        '0',
        '１２３４５６７８-1234-4234-8234-123456789012',
      ];
      if (!ctx.avoid.urnUuids) bad.push(`urn:uuid:${u}`);
      hard(rng.pick(bad), 'bad uuid');
      break;
    }
    case 'date':
      hard(
        rng.pick([
          '2023-02-30',
          '2023-13-01',
          '2023-00-10',
          '20230101',
          '2023-1-1',
          'yesterday',
          '2023-02-29',
          '10000-01-01',
          '2024-06-31T00:00',
        ]),
        'bad date',
      );
      break;
    case 'email':
      hard(rng.pick(['no-at-sign', 'a@', '@b.org', 'a b@c.org', 'a@@b.org', 'a@b']), 'bad e-mail');
      break;
    default:
  }
  if (schema.enum) hard(rng.pick(['', 'unknown_value', 'ADMIN', 'on_track ']), 'not in enum');
  return out;
}

function badNumbers(schema: JsonSchema, ctx: FuzzContext): Bad[] {
  const { rng } = ctx;
  const out: Bad[] = [];
  const hard = (value: number, how: string) => out.push({ value, how, coercible: false });
  if (schema.minimum !== undefined) hard(schema.minimum - rng.pick([1, 0.5, 1e6]), 'below minimum');
  if (schema.exclusiveMinimum !== undefined) hard(schema.exclusiveMinimum, 'at exclusive minimum');
  if (schema.maximum !== undefined)
    hard(schema.maximum + rng.pick([1, 0.5, 1e6, 1e300]), 'above maximum');
  if (schema.type === 'integer') hard(rng.pick([0.5, 1.25, -2.5]), 'fraction for integer');
  return out;
}

function badArrays(schema: JsonSchema, ctx: FuzzContext): Bad[] {
  const { rng } = ctx;
  const out: Bad[] = [];
  if (schema.maxItems !== undefined) {
    // Huge, but within the 1 MiB body limit.
    const length = rng.pick([
      schema.maxItems + 1,
      schema.maxItems * 2 + 1,
      Math.min(schema.maxItems * 20 + 1, 20_000),
    ]);
    const item = validValue(schema.items ?? {}, ctx);
    out.push({
      value: Array.from({ length }, () => item),
      how: `more than ${String(schema.maxItems)} items`,
      coercible: false,
    });
  }
  if ((schema.minItems ?? 0) > 0) out.push({ value: [], how: 'too few items', coercible: false });
  return out;
}

/** The invalid (or doubtful) values a slot of `schema` can be mutated into. */
export function badValues(schema: JsonSchema, ctx: FuzzContext): Bad[] {
  const base = schema.anyOf?.find((s) => s.type !== 'null') ?? schema;
  const out = [...hardWrongTypes(base, ctx), ...softWrongTypes(base, ctx)];
  if (base.type === 'string' || base.enum) out.push(...badStrings(base, ctx));
  if (base.type === 'integer' || base.type === 'number') out.push(...badNumbers(base, ctx));
  if (base.type === 'array') out.push(...badArrays(base, ctx));
  return out;
}

/* ------------------------------------------------------------------------------------------ */
/* Cases                                                                                      */
/* ------------------------------------------------------------------------------------------ */

export type Expectation = 'valid' | 'invalid' | 'coercible' | 'raw';
export type IfMatchKind = 'none' | 'current' | 'stale' | 'garbage' | 'star' | 'weak-current';

export interface FuzzCase {
  index: number;
  expect: Expectation;
  /** Where the mutation is: `body`, `querystring` or `params`, and its JSON pointer there. */
  where: 'body' | 'querystring' | 'params' | null;
  pointer: string;
  how: string;
  pathParams: Record<string, string>;
  /** Query parameters; an array repeats the parameter. */
  query: Record<string, string | string[]>;
  /** The JSON value sent, or a raw string, or nothing. */
  body: { json: unknown } | { raw: string } | null;
  ifMatch: IfMatchKind;
  anonymous: boolean;
}

/** The request body limit of src/http/app.ts. */
const BODY_LIMIT_BYTES = 1024 * 1024;

/** The size in bytes of a case's body as sent. */
function sentBytes(body: { json: unknown } | { raw: string }): number {
  return Buffer.byteLength('raw' in body ? body.raw : JSON.stringify(body.json));
}

/** Every slot of a generated value: its pointer and schema (the object itself included). */
function slots(
  schema: JsonSchema,
  value: unknown,
  pointer = '',
): { pointer: string; schema: JsonSchema }[] {
  const out = [{ pointer, schema }];
  const base = schema.anyOf?.find((s) => validates(s, value, 'json')) ?? schema;
  if (base.type === 'object' && isObject(value)) {
    for (const [key, sub] of Object.entries(base.properties ?? {})) {
      if (key in value) out.push(...slots(sub, value[key], `${pointer}/${key}`));
    }
  }
  if (base.type === 'array' && Array.isArray(value) && value.length > 0 && base.items) {
    const i = Math.floor(value.length / 2);
    out.push(...slots(base.items, value[i], `${pointer}/${String(i)}`));
  }
  return out;
}

function setAt(root: unknown, pointer: string, value: unknown): unknown {
  if (pointer === '') return value;
  const copy = structuredClone(root) as Record<string, unknown>;
  const parts = pointer.split('/').slice(1);
  let node: Record<string, unknown> = copy;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  const last = parts.at(-1) ?? '';
  node[last] = value;
  return copy;
}

function deleteAt(root: unknown, pointer: string): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  const parts = pointer.split('/').slice(1);
  let node: Record<string, unknown> = copy;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  Reflect.deleteProperty(node, parts.at(-1) ?? '');
  return copy;
}

const EXTRA_KEYS = [
  'version',
  'unitId',
  'createdBy',
  'workspace_id',
  'id',
  'role',
  'isAdmin',
  'x',
  'é',
  '',
];

const MALFORMED = [
  '{',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '{a:1}',
  '{"a":NaN}',
  '{"a":undefined}',
  '[1,2',
  '"unterminated',
  '{"a":"\\x41"}',
  '{"a":1}{"b":2}',
  'nul',
];

function protoPayloads(body: unknown): string[] {
  const inner = isObject(body) ? JSON.stringify(body).slice(1, -1) : '';
  const sep = inner ? ', ' : '';
  return [
    `{"__proto__": {"isAdmin": true}${sep}${inner}}`,
    `{${inner}${sep}"constructor": {"prototype": {"isAdmin": true}}}`,
    `{${inner}${sep}"nested": {"__proto__": {"polluted": 1}}}`,
    `{"__proto__": null${sep}${inner}}`,
  ];
}

export interface CaseOptions {
  /** Share of cases that are valid. */
  validShare: number;
  /** Share of cases sent anonymously. */
  anonymousShare: number;
}

/** Generates case `index` of `op`. */
export function generateCase(
  op: Operation,
  index: number,
  ctx: FuzzContext,
  options: CaseOptions,
): FuzzCase {
  const { rng } = ctx;
  const pathParams: Record<string, string> = {};
  for (const p of op.pathParams) {
    const collection = op.path.split('/').at(op.path.split('/').indexOf(`{${p.name}}`) - 1) ?? '';
    const ref = /^\{(.+)\}$/.exec(collection)?.[1];
    const poolName = `path:${ref !== undefined ? (pathParams[ref] ?? '') : collection}`;
    const real = ctx.pool(poolName);
    pathParams[p.name] =
      real && real.length > 0 && rng.chance(0.5)
        ? rng.pick(real)
        : String(validValue(p.schema, ctx, p.name));
  }
  const query: Record<string, string | string[]> = {};
  for (const p of op.queryParams) {
    if (p.required || rng.chance(0.4)) query[p.name] = String(validValue(p.schema, ctx, p.name));
  }
  const json = op.body ? validValue(op.body, ctx) : undefined;
  const hasIfMatch = op.headerParams.some((h) => h.name === 'if-match');
  const ifMatch: IfMatchKind = hasIfMatch
    ? rng.weighted<IfMatchKind>([
        [5, 'current'],
        [2, 'none'],
        [1, 'stale'],
        [1, 'garbage'],
        [1, 'star'],
        [1, 'weak-current'],
      ])
    : 'none';
  const result: FuzzCase = {
    index,
    expect: 'valid',
    where: null,
    pointer: '',
    how: 'valid',
    pathParams,
    query,
    body: json === undefined ? null : { json },
    ifMatch,
    anonymous: rng.chance(options.anonymousShare),
  };
  if (rng.chance(options.validShare)) return result;

  const targets: ('body' | 'querystring' | 'params' | 'raw')[] = [];
  if (op.body) targets.push('body', 'body', 'body', 'body', 'raw');
  if (op.queryParams.length > 0) targets.push('querystring', 'querystring');
  if (op.pathParams.length > 0) targets.push('params', 'params');
  if (targets.length === 0) {
    // Nothing to mutate in the contract: send a stray body or a stray query parameter.
    return rng.chance(0.5)
      ? {
          ...result,
          expect: 'coercible',
          how: 'stray body',
          body: {
            json: validValue({ type: 'object', properties: { a: { type: 'string' } } }, ctx),
          },
        }
      : {
          ...result,
          expect: 'coercible',
          how: 'stray query',
          query: { [text(ctx, 5, false).trim() || 'q']: text(ctx, 5, true) },
        };
  }
  const target = rng.pick(targets);

  if (target === 'raw') {
    const raw = rng.chance(0.5) ? rng.pick(MALFORMED) : rng.pick(protoPayloads(json));
    return { ...result, expect: 'raw', where: 'body', how: 'raw', body: { raw } };
  }

  if (target === 'body' && op.body) {
    const schema = op.body;
    const kind = rng.weighted<string>([
      [10, 'slot'],
      [3, 'missing'],
      [3, 'extra'],
      [1, 'whole'],
      [1, 'nulls'],
      [1, 'deep'],
      [1, 'absent'],
    ]);
    let value: unknown;
    let pointer = '';
    let how: string;
    let coercible = false;
    if (kind === 'slot') {
      const slot = rng.pick(slots(schema, json));
      const bad = rng.pick(badValues(slot.schema, ctx));
      value = setAt(json, slot.pointer, bad.value);
      pointer = slot.pointer;
      how = bad.how;
      coercible = bad.coercible;
    } else if (kind === 'missing') {
      const requiredSlots = slots(schema, json).filter(
        (s) => s.schema.type === 'object' && (s.schema.required?.length ?? 0) > 0,
      );
      const owner = requiredSlots.length > 0 ? rng.pick(requiredSlots) : null;
      const key = owner ? rng.pick(owner.schema.required ?? []) : null;
      if (owner && key !== null) {
        pointer = `${owner.pointer}/${key}`;
        value = deleteAt(json, pointer);
        how = `missing ${key}`;
      } else {
        value = {};
        how = 'empty object';
      }
    } else if (kind === 'extra') {
      const objects = slots(schema, json).filter((s) => s.schema.type === 'object');
      const owner = objects.length > 0 ? rng.pick(objects) : { pointer: '', schema };
      const key = rng.pick(EXTRA_KEYS);
      pointer = `${owner.pointer}/${key}`;
      value = setAt(json, pointer, rng.pick<unknown>([99, 'x', null, { a: 1 }, deep(50, 1)]));
      how = `extra ${key}`;
    } else if (kind === 'whole') {
      const bad = rng.pick([
        ...hardWrongTypes(schema, ctx),
        {
          value: Array.from({ length: rng.pick([1000, 30_000]) }, (_, i) => i),
          how: 'huge array body',
          coercible: false,
        },
      ]);
      value = bad.value;
      how = bad.how;
      coercible = bad.coercible;
    } else if (kind === 'nulls') {
      value = isObject(json) ? Object.fromEntries(Object.keys(json).map((k) => [k, null])) : null;
      how = 'null everywhere';
      coercible = true;
    } else if (kind === 'deep') {
      // Written as text: far deeper than a recursive JSON.stringify could go.
      const depth = rng.pick([1000, 10_000, 100_000]);
      const raw = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
      return {
        ...result,
        expect: validates(schema, deep(3, 1), 'json') ? 'coercible' : 'invalid',
        where: 'body',
        pointer: '',
        how: `nested ${String(depth)} deep`,
        body: { raw },
      };
    } else {
      return {
        ...result,
        expect: 'invalid',
        where: 'body',
        pointer: '',
        how: 'no body',
        body: null,
      };
    }
    const valid = validates(schema, value, 'json');
    return {
      ...result,
      expect: valid ? 'valid' : coercible ? 'coercible' : 'invalid',
      where: 'body',
      pointer,
      how,
      body: { json: value },
    };
  }

  if (target === 'querystring') {
    const p = rng.pick(op.queryParams);
    const q = { ...query };
    let how: string;
    let value: string | string[] | undefined;
    const choice = rng.weighted<string>([
      [6, 'bad'],
      [2, 'repeat'],
      [1, 'missing'],
      [1, 'stray'],
    ]);
    if (choice === 'missing') {
      how = 'missing';
      value = undefined;
    } else if (choice === 'repeat') {
      how = 'repeated';
      value = [
        String(validValue(p.schema, ctx, p.name)),
        String(validValue(p.schema, ctx, p.name)),
      ];
    } else if (choice === 'stray') {
      const name = rng.pick(['x', 'limit ', 'planId[]', '__proto__', 'constructor']);
      q[name] = text(ctx, 4, true);
      return {
        ...result,
        expect: 'coercible',
        where: 'querystring',
        pointer: `/${name}`,
        how: 'stray parameter',
        query: q,
      };
    } else {
      const bad = rng.pick(
        badValues(p.schema, ctx).filter(
          (b) => typeof b.value === 'string' || typeof b.value === 'number',
        ),
      );
      how = bad.how;
      value = String(bad.value);
    }
    if (value === undefined) Reflect.deleteProperty(q, p.name);
    else q[p.name] = value;
    const numeric = p.schema.type === 'integer' || p.schema.type === 'number';
    if (numeric && rng.chance(0.05) && !ctx.avoid.infiniteQueryNumbers) {
      q[p.name] = rng.pick(['1e400', '-1e400']);
      how = 'overflowing number';
    }
    const sent = q[p.name];
    const valid =
      sent === undefined
        ? !p.required
        : Array.isArray(sent)
          ? false
          : validates(p.schema, sent, 'query');
    return {
      ...result,
      expect: valid ? 'valid' : 'invalid',
      where: 'querystring',
      pointer: `/${p.name}`,
      how,
      query: q,
    };
  }

  // params
  const p = rng.pick(op.pathParams);
  const bad = rng.pick(
    badValues(p.schema, ctx).filter(
      (b) => typeof b.value === 'string' || typeof b.value === 'number',
    ),
  );
  const value = String(bad.value);
  const valid = validates(p.schema, value, 'query');
  return {
    ...result,
    // An empty segment routes elsewhere (404), it does not reach validation.
    expect: value === '' ? 'coercible' : valid ? 'valid' : 'invalid',
    where: 'params',
    pointer: `/${p.name}`,
    how: bad.how,
    pathParams: { ...pathParams, [p.name]: value },
  };
}

/** `value` with each lone surrogate replaced by U+FFFD. */
function wellFormed(value: string): string {
  return value.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

/** The URL of a case: path parameters encoded, query parameters (repeated when arrays). */
export function urlOf(op: Operation, c: FuzzCase): string {
  let path = op.path;
  for (const [name, value] of Object.entries(c.pathParams)) {
    // A free-text path parameter may hold a lone surrogate, which no URL can carry.
    path = path.replace(`{${name}}`, encodeURIComponent(wellFormed(value)));
  }
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(c.query)) {
    for (const v of Array.isArray(value) ? value : [value]) search.append(name, v);
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/* ------------------------------------------------------------------------------------------ */
/* Checks                                                                                     */
/* ------------------------------------------------------------------------------------------ */

interface ProblemBody {
  status?: unknown;
  code?: unknown;
  detail?: unknown;
  errors?: unknown;
}

const CONTEXTS = { body: '', querystring: 'querystring:', params: 'params:' } as const;

/** Whether an error's field names the mutated place (itself, a parent, or a child of it). */
function relates(field: string, where: keyof typeof CONTEXTS, pointer: string): boolean {
  const prefix = CONTEXTS[where];
  if (prefix && !field.startsWith(prefix)) return false;
  if (!prefix && /^(querystring|params|headers):/.test(field)) return false;
  const path = field.slice(prefix.length);
  const a = path === '/' ? '' : path;
  return a === pointer || pointer.startsWith(`${a}/`) || a.startsWith(`${pointer}/`) || a === '';
}

/**
 * What is wrong with the answer to a case, or null. Never a 5xx; every 400 a problem document;
 * every invalid_input with named fields; an invalid case refused with 400 naming the place;
 * a valid case never refused by schema validation.
 */
export function checkAnswer(
  c: FuzzCase,
  res: { status: number; contentType: string; body: string },
): string | null {
  if (res.status >= 500) return `answered ${String(res.status)}`;
  // A body over the app's limit (1 MiB) is refused before it is read, valid or not.
  const oversized = c.body !== null && sentBytes(c.body) > BODY_LIMIT_BYTES;
  if (oversized && res.status === 413) return null;
  let problem: ProblemBody | null = null;
  if (res.status >= 400) {
    if (!res.contentType.startsWith('application/problem+json')) {
      return `a ${String(res.status)} that is not application/problem+json (${res.contentType})`;
    }
    try {
      problem = JSON.parse(res.body) as ProblemBody;
    } catch {
      return `a ${String(res.status)} whose body is not JSON`;
    }
    if (problem.status !== res.status) return 'a problem whose status differs from the answer';
    if (typeof problem.code !== 'string' || problem.code === '') return 'a problem without a code';
  }
  const fields =
    problem && Array.isArray(problem.errors)
      ? problem.errors.map((e: unknown) =>
          isObject(e) && typeof e.field === 'string' ? e.field : '',
        )
      : [];
  if (problem?.code === 'invalid_input') {
    if (fields.length === 0) return 'an invalid_input problem without errors[]';
    if (fields.some((f) => f === '')) return 'an invalid_input problem with an unnamed field';
  }
  const schemaRefusal =
    typeof problem?.detail === 'string' &&
    /^Invalid (body|querystring|params|headers):/.test(problem.detail);
  if (schemaRefusal && fields.some((f) => !/^((querystring|params|headers):)?\//.test(f))) {
    return `a validation failure whose fields are not paths: ${fields.join(', ')}`;
  }
  switch (c.expect) {
    case 'invalid': {
      if (res.status !== 400 || problem?.code !== 'invalid_input') {
        return `an invalid ${String(c.where)} (${c.how} at ${c.pointer || '/'}) answered ${String(res.status)}`;
      }
      const where = c.where ?? 'body';
      if (!fields.some((f) => relates(f, where, c.pointer))) {
        return `an invalid ${where} at ${c.pointer || '/'} (${c.how}) named other fields: ${fields.join(', ')}`;
      }
      return null;
    }
    case 'valid':
      return schemaRefusal
        ? `a valid request refused by schema validation: ${String(problem?.detail)}`
        : null;
    case 'raw':
      return res.status === 400
        ? null
        : `a malformed or prototype-laden body answered ${String(res.status)}`;
    case 'coercible':
      return null;
  }
}
