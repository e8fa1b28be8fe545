/** Public API of the plan-file format ("plan as code"): schemas, parser, serializer. */
export * from './schema.ts';
export { parsePlanFiles } from './parse.ts';
export type { ParsePlanFilesResult, PlanFileError, PlanFileInput } from './parse.ts';
export { serializePlanFile, serializePlanFileDocument } from './serialize.ts';
export type { SerializeOptions } from './serialize.ts';
export { normalizePlanFile, normalizePlanFileDocument } from './normalize.ts';
export { resolveElementRef } from './refs.ts';
export type { ElementRef } from './refs.ts';
