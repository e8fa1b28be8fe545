/** The Fastify instance type used by route modules, with the TypeBox type provider. */
import type {
  FastifyBaseLogger,
  FastifyRequest,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services, WorkspaceScope } from '../services/index.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** What routes get from the app: the services and the workspace of the request. */
export interface RouteContext {
  services: Services;
  /** The workspace, the caller's principal and the request id. */
  scope(request: FastifyRequest): Promise<WorkspaceScope>;
}
