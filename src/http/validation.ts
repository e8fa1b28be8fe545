/**
 * Input validation of the API: JSON bodies are checked as sent (no type coercion: `null` is not
 * `false`, `["x"]` is not `"x"`), query strings and path parameters are coerced from text as
 * they must be. UUIDs are strict (no `urn:uuid:` prefix), and every text and number must be
 * storable: no NUL character, no lone surrogate, no infinite number.
 */
import AjvModule, { type Options, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';

// Both packages are CommonJS with an ES default export inside: take the class and the plugin.
const Ajv = AjvModule.default;
const addFormats = formatsModule.default;
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function ajv(coerceTypes: Options['coerceTypes']) {
  const instance = new Ajv({
    coerceTypes,
    useDefaults: true,
    removeAdditional: false,
    allErrors: false,
    strict: false,
  });
  addFormats(instance);
  instance.addFormat('uuid', UUID);
  return instance;
}

const bodies = ajv(false);
const queries = ajv('array');

/**
 * A validator compiled on its first use. Compiling every route's schemas when the server starts
 * was a fifth of its start-up time; each is now compiled by the first request that needs it
 * (every route is exercised by the tests, so a faulty schema still fails there). Fastify passes
 * the parent of the validated value when the function carries `schemaEnv`, as Ajv's do.
 */
type ValidationContext = Parameters<ValidateFunction>[1];

function lazyValidator(compile: () => ValidateFunction) {
  let compiled: ValidateFunction | undefined;
  const validate = Object.assign(
    (data: unknown, context?: ValidationContext) => {
      compiled ??= compile();
      const valid = compiled(data, context);
      validate.errors = compiled.errors;
      return valid;
    },
    { errors: null as ValidateFunction['errors'], schemaEnv: true },
  );
  return validate;
}

/** The validator compiler: one Ajv for bodies, another for query strings, params and headers. */
export const validatorCompiler: FastifySchemaCompiler<FastifySchema> = ({ schema, httpPart }) =>
  lazyValidator(() => (httpPart === 'body' ? bodies : queries).compile(schema as object));

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path of the first value that cannot be stored, with the reason; null when all can. */
export function unstorable(value: unknown, path = ''): { field: string; message: string } | null {
  if (typeof value === 'string') {
    if (value.includes('\u0000'))
      return { field: path || '/', message: 'must not contain the NUL character' };
    if (LONE_SURROGATE.test(value))
      return { field: path || '/', message: 'must be valid Unicode text' };
    return null;
  }
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? null
      : { field: path || '/', message: 'must be a finite number' };
  }
  // A raw upload (CSV, XLSX) is bytes, checked by its own reader.
  if (value instanceof Uint8Array) return null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = unstorable(item, `${path}/${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = unstorable(key, `${path}/${key}`) ?? unstorable(item, `${path}/${key}`);
      if (found) return found;
    }
  }
  return null;
}
