/** The partner registry and funding services, wired over one database and snapshot loader. */
import type { ServiceDeps } from '../context.ts';
import type { SnapshotLoader } from '../snapshot.ts';
import { agreementsService } from './agreements.service.ts';
import { contactsService } from './contacts.service.ts';
import { fundingService } from './funding.service.ts';
import { partnersService } from './partners.service.ts';

/** Builds the partner, agreement, contact and funding services. */
export function partnerServices(deps: ServiceDeps, snapshots: SnapshotLoader) {
  return {
    partners: partnersService(deps, snapshots),
    agreements: agreementsService(deps, snapshots),
    contacts: contactsService(deps),
    funding: fundingService(deps, snapshots),
  };
}
