/** What every use case receives: the database, the clock, and who is acting. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { ChangeWatch } from '../db/change-watch.ts';
import type { Principal } from '../domain/access.ts';

export interface ServiceDeps {
  db: Kysely<DB>;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
  /** Session lifetimes (defaults: 60 minutes idle, 12 hours absolute). */
  sessions?: SessionPolicy;
  /** Lets services cache reads between changes; without it they read the database every time. */
  changes?: ChangeWatch;
}

/** The workspace a request or command works in, who is acting, and the request's id. */
export interface WorkspaceScope {
  id: string;
  slug: string;
  principal: Principal;
  /** Id of the HTTP request (or command run), recorded in the audit trail. */
  requestId: string;
}

/** Session lifetimes. */
export interface SessionPolicy {
  /** A session unused this long ends. */
  idleMinutes: number;
  /** A session ends this long after login, used or not. */
  absoluteHours: number;
}

/** Today's date (UTC) as an ISO string, from the service clock. */
export function today(deps: Pick<ServiceDeps, 'now'>): string {
  return deps.now().toISOString().slice(0, 10);
}
