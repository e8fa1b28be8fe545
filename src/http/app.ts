/**
 * The Fastify application: schemas validate input (unknown fields refused), responses are
 * serialised through their schemas (an allow-list), errors become problem details.
 */
import { serializerCompiler } from './serializer.ts';
import Fastify, { type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Strata } from '../services/runtime.ts';
import type { WorkspaceScope } from '../services/index.ts';
import { errorHandler, sendProblem } from './errors.ts';
import { unstorable, validatorCompiler } from './validation.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerSecurityHeaders } from './plugins/security.ts';
import { registerWeb } from './plugins/web.ts';
import { actionRoutes } from './routes/actions.ts';
import { indicatorRoutes } from './routes/indicators.ts';
import { metaRoutes } from './routes/meta.ts';
import { planRoutes } from './routes/plans.ts';
import type { App } from './types.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerCsrf } from './plugins/csrf.ts';
import { authRoutes } from './routes/auth.ts';
import { oidcRoutes } from './routes/oidc.ts';
import { userRoutes } from './routes/users.ts';
import { auditRoutes } from './routes/audit.ts';
import { riskRoutes } from './routes/risks.ts';
import { consultationRoutes } from './routes/consultations.ts';
import { publicConsultationRoutes } from './routes/consult-public.ts';
import { partnerRoutes } from './routes/partners.ts';
import { fundingRoutes } from './routes/funding.ts';
import { cycleRoutes } from './routes/cycles.ts';
import { revisionRoutes } from './routes/revisions.ts';
import { reportRoutes } from './routes/reports.ts';
import type { OidcSettings } from '../services/auth/oidc.ts';
import { dataIoRoutes } from './routes/data-io.ts';
import { publicRoutes } from './routes/public.ts';

export interface AppOptions {
  strata: Strata;
  workspace: string;
  webDir: string;
  logger?: FastifyServerOptions['logger'];
  version?: string;
  /** Trust X-Forwarded-* from a reverse proxy (for HTTPS detection and client addresses). */
  trustProxy?: boolean;
  /** Institutional sign-in by OpenID Connect, when configured. */
  oidc?: OidcSettings | null;
}

/** Builds the app (not listening yet). */
export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),

    // Path parameters up to 256 characters reach the schemas (a consultation link's secret is
    // 43), so a longer one is a 400 naming the field rather than the router's bare 414.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 256 },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler(errorHandler);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Values a schema accepts but the database cannot store are refused, naming the field.
  app.addHook('preHandler', async (request, reply) => {
    for (const [part, value] of [
      ['body', request.body],
      ['querystring', request.query],
      ['params', request.params],
    ] as const) {
      const found = unstorable(value);
      if (!found) continue;
      const field = part === 'body' ? found.field : `${part}:${found.field}`;
      return sendProblem(reply, request, 400, 'invalid_input', `${field} ${found.message}`, [
        { field, message: found.message },
      ]);
    }
  });
  registerSecurityHeaders(app);
  await registerOpenApi(app, options.version ?? '0.1.0');

  const { services } = options.strata;
  let cached: WorkspaceScope | undefined;
  const workspace = async () => (cached ??= await services.workspace.resolve(options.workspace));
  const ctx = {
    services,
    scope: async (request: FastifyRequest) => ({
      ...(await workspace()),
      principal: request.principal,
      requestId: request.id,
    }),
    ping: () => options.strata.ping(),
    engine: options.strata.engine,
    oidc: options.oidc,
  };
  registerCsrf(app);
  await registerAuth(app, services, workspace);
  metaRoutes(app, ctx);
  planRoutes(app, ctx);
  indicatorRoutes(app, ctx);
  actionRoutes(app, ctx);
  authRoutes(app, ctx);
  oidcRoutes(app, ctx);
  userRoutes(app, ctx);
  auditRoutes(app, ctx);
  riskRoutes(app, ctx);
  consultationRoutes(app, ctx);
  publicConsultationRoutes(app, ctx);
  partnerRoutes(app, ctx);
  fundingRoutes(app, ctx);
  cycleRoutes(app, ctx);
  dataIoRoutes(app, ctx);
  publicRoutes(app, ctx);
  revisionRoutes(app, ctx);
  reportRoutes(app, ctx);
  await registerWeb(app, options.webDir);
  return app;
}
