/** Schema pieces the routes share: problem responses, id params, If-Match headers. */
import Type from 'typebox';
import { Id, Problem } from '../contracts/index.ts';

export const IdParams = Type.Object({ id: Id });
export const PlanParams = Type.Object({ planId: Id });

/** The error responses every route may give. */
export const problems = {
  400: Problem,
  404: Problem,
  500: Problem,
  503: Problem,
} as const;

/** The error responses of a versioned write. */
export const writeProblems = {
  ...problems,
  409: Problem,
  412: Problem,
  428: Problem,
} as const;

export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(Type.String({ description: 'The ETag of the version you read' })),
});
