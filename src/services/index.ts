/**
 * The composition root of the use cases: one `createServices` called by the HTTP server and the
 * CLI alike, so both obey the same rules.
 */
import type { ServiceDeps } from './context.ts';
import { actionsService } from './actions.service.ts';
import { dashboardService } from './dashboard.service.ts';
import { elementsService } from './elements.service.ts';
import { indicatorsService } from './indicators.service.ts';
import { measurementsService } from './measurements.service.ts';
import { planFileService } from './plan-file/index.ts';
import { planViewsService } from './plan-views.service.ts';
import { searchService } from './search.service.ts';
import { snapshotLoader } from './snapshot.ts';
import { workspaceService } from './workspace.service.ts';
import { sessionsService } from './auth/sessions.service.ts';
import { usersService } from './auth/users.service.ts';
import { auditService } from './audit.service.ts';
import { risksService } from './risks.service.ts';
import { consultationsService } from './consultations/builder.service.ts';
import { consultationResultsService } from './consultations/results.service.ts';
import { consultationRespondService } from './consultations/respond.service.ts';
import { partnerServices } from './partners/index.ts';
import { cycleServices } from './cycles/index.ts';
import { dataIoServices } from './data-io/index.ts';
import { revisionsService } from './revisions.service.ts';
import { reportsService } from './reports/index.ts';

/** Builds every service over one database and clock. */
export function createServices(deps: ServiceDeps) {
  const snapshots = snapshotLoader(deps);
  const views = planViewsService(deps, snapshots);
  const risks = risksService(deps, snapshots);
  const workspace = workspaceService(deps, snapshots);
  const dashboard = dashboardService(deps, snapshots, (scope, asOf) => risks.overdue(scope, asOf));
  const indicators = indicatorsService(deps, snapshots);
  const actions = actionsService(deps, snapshots);
  return {
    workspace,
    dashboard,
    views,
    elements: elementsService(deps, snapshots, (scope, id) => views.element(scope, id)),
    indicators,
    measurements: measurementsService(deps, snapshots),
    actions,
    search: searchService(deps, snapshots),
    planFiles: planFileService(deps),
    sessions: sessionsService(deps),
    users: usersService(deps),
    audit: auditService(deps, snapshots),
    risks,
    consultations: consultationsService(deps, snapshots),
    consultationResults: consultationResultsService(deps, snapshots),
    consultationRespond: consultationRespondService(deps),
    ...partnerServices(deps, snapshots),
    ...cycleServices(deps, snapshots),
    dataIo: dataIoServices(deps, snapshots),
    revisions: revisionsService(deps, snapshots),
    reports: reportsService(deps, { dashboard, views, indicators, actions, workspace }),
  };
}

/** Every service, as the edges see them. */
export type Services = ReturnType<typeof createServices>;
export type { WorkspaceScope } from './context.ts';
export { AppError } from './errors.ts';
export { RateLimitedError } from './auth/sessions.service.ts';
export type { ErrorCode, FieldError } from './errors.ts';
