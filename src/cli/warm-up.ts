/**
 * The first dashboard of a process reads and evaluates every current figure of the workspace
 * (seconds on a large one); later ones, even after writes, reuse and refresh that work. A
 * server does it once when it starts, in the background, rather than in a visitor's request;
 * requests arriving meanwhile wait for the same work instead of starting their own.
 */
import type { FastifyBaseLogger } from 'fastify';
import { systemPrincipal } from '../domain/access.ts';
import type { Strata } from '../services/runtime.ts';
import { AppError } from '../services/index.ts';

/** Builds the workspace's dashboard once; logs how long it took, or why it could not. */
export async function warmUp(strata: Strata, workspace: string, log: FastifyBaseLogger) {
  const started = Date.now();
  try {
    const scope = await strata.services.workspace.resolve(
      workspace,
      systemPrincipal('warm-up'),
      'warm-up',
    );
    await strata.services.dashboard.dashboard(scope, {});
    log.info({ event: 'server.warmed', ms: Date.now() - started }, 'dashboard data loaded');
  } catch (error) {
    // No workspace yet (a start without a seed): there is nothing to load.
    if (error instanceof AppError && error.code === 'not_found') return;
    log.warn(
      { event: 'server.warm_up_failed', reason: error instanceof Error ? error.message : '' },
      'the dashboard data could not be loaded ahead of the first request',
    );
  }
}
