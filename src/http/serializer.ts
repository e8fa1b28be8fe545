/**
 * Response serialisers compiled on their first use. Fastify compiles every route's response
 * schemas (fast-json-stringify) when the server starts, which was a sixth of its start-up time;
 * here each is compiled by the first answer that needs it. The schemas still act as allow-lists:
 * only their properties are written.
 */
import fastJson, { type Schema } from 'fast-json-stringify';
import type { FastifySchema, FastifySerializerCompiler } from 'fastify';

/** The serializer compiler. */
export const serializerCompiler: FastifySerializerCompiler<FastifySchema> = ({ schema }) => {
  let serialize: ((data: unknown) => string) | undefined;
  return (data: unknown) => (serialize ??= fastJson(schema as Schema))(data);
};
