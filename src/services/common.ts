/** Small helpers shared by the use cases. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { parseIsoDate } from '../domain/dates.ts';
import { today, type ServiceDeps } from './context.ts';
import { invalid } from './errors.ts';
import type { Snapshot } from './snapshot.ts';

/** The "as of" date of a read: the given ISO date, or today. */
export function resolveAsOf(deps: Pick<ServiceDeps, 'now'>, asOf: string | undefined): string {
  if (asOf === undefined) return today(deps);
  if (!parseIsoDate(asOf)) throw invalid('asOf', 'must be a date, yyyy-mm-dd');
  return asOf;
}

/** The group plan: the adopted plan of the group unit, else its latest plan. */
export function groupPlanOf(snapshot: Snapshot) {
  const own = snapshot.plans.filter((p) => p.unit_id === snapshot.groupUnitId);
  return own.find((p) => p.status === 'adopted') ?? own[own.length - 1];
}

/** A record time after the record it supersedes (now, or 1 ms later), so records never tie. */
export function laterThan(now: Date, previous: Date | undefined): Date {
  if (!previous) return now;
  const after = new Date(previous).getTime() + 1;
  return now.getTime() >= after ? now : new Date(after);
}

/**
 * Runs `work` in one transaction — the caller's, when it already holds one — so a write and its
 * audit record stand or fall together.
 */
export function atomic<T>(db: Kysely<DB>, work: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
