/** The services of reporting cycles, check-ins, mail and scheduled jobs, wired together. */
import type { ServiceDeps } from '../context.ts';
import type { SnapshotLoader } from '../snapshot.ts';
import { checkInsService } from './check-ins.service.ts';
import { cyclesService } from './cycles.service.ts';
import { jobsService } from '../mail/jobs.service.ts';

/** Builds the cycle, check-in and job services over one database and clock. */
export function cycleServices(deps: ServiceDeps, snapshots: SnapshotLoader) {
  const checkIns = checkInsService(deps, snapshots);
  return {
    checkIns,
    cycles: cyclesService(deps, snapshots, (scope, id) => checkIns.detail(scope, id)),
    mail: jobsService(deps, snapshots),
  };
}
