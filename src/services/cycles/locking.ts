/**
 * Period locking of figures: once a cycle closes, a figure of its period for one of its units
 * changes only by a record that gives its reason (a note), kept in the figure's history. A
 * correction needs a note anyway; this also holds a first figure entered after the close.
 */
import type { Kysely } from 'kysely';
import { duePeriod } from '../../domain/check-in.ts';
import { parsePeriod, type Period } from '../../domain/period.ts';
import type { DB } from '../../db/schema.ts';
import { cycleRepository } from '../../db/repositories/cycle.repository.ts';
import { invalid } from '../errors.ts';

/** Throws 400 naming `/note` when `period` of `unitId` is locked by a closed cycle and no note is given. */
export async function requireReasonWhenLocked(
  db: Kysely<DB>,
  workspaceId: string,
  unitId: string,
  period: Period,
  note: string | undefined,
): Promise<void> {
  if (note && note.trim() !== '') return;
  const closed = await cycleRepository(db).closedCyclesOfUnit(workspaceId, unitId);
  const locking = closed.find((cycle) => {
    const covered = parsePeriod(cycle.period);
    return covered !== null && duePeriod(covered, period.kind).text === period.text;
  });
  if (locking) {
    throw invalid(
      '/note',
      `the period ${period.text} is locked by the closed cycle ${locking.code}: give the reason for this change`,
    );
  }
}
