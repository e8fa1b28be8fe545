/** What every use case receives: the database, the clock, and who is acting. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface ServiceDeps {
  db: Kysely<DB>;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
}

/** Who performs a write; recorded with it. Accounts and roles come with the permissions layer. */
export interface Actor {
  kind: 'system' | 'cli' | 'api';
  name: string;
}

/** The workspace a request or command works in. */
export interface WorkspaceScope {
  id: string;
  slug: string;
}

/** Today's date (UTC) as an ISO string, from the service clock. */
export function today(deps: Pick<ServiceDeps, 'now'>): string {
  return deps.now().toISOString().slice(0, 10);
}
