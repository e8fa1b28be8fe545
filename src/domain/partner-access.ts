/**
 * Who may see and change the partner registry, its contacts and the funding lines.
 *
 * | what                         | reads                                              | writes                                            |
 * |------------------------------|----------------------------------------------------|---------------------------------------------------|
 * | partners (organisations)     | every signed-in account                            | strategy office, admin, unit editors; merge: office, admin |
 * | agreements                   | signed-in; one naming schools: readers of a school | office, admin; editors of every school it names   |
 * | funding lines                | signed-in; a school's line: readers of the school  | office, admin; editors of its school              |
 * | contacts (personal data)     | office, admin; editors of a school involved in one | same as reads; export and erase: office, admin    |
 * |                              | of the partner's agreements                        |                                                   |
 *
 * Governance, contributors and the public never see contacts (SECURITY-BAR 12).
 */
import { canReadUnit, canWriteAnything, isStrategyOffice, type Principal } from './access.ts';

/** Whether the principal reads the registry at all (any signed-in account or the operator). */
export function canReadRegistry(p: Principal): boolean {
  return p.role !== 'public';
}

/** Whether the principal may register or change a partner organisation. */
export function canWritePartner(p: Principal): boolean {
  if (isStrategyOffice(p)) return true;
  return canWriteAnything(p) && p.role === 'unit_editor';
}

/** Whether the principal may merge two partners (moving agreements and contacts). */
export function canMergePartners(p: Principal): boolean {
  return isStrategyOffice(p);
}

/** Whether the principal may read an agreement naming `unitIds` (none: a group agreement). */
export function canReadAgreement(
  p: Principal,
  unitIds: readonly string[],
  groupUnitId: string,
): boolean {
  if (!canReadRegistry(p)) return false;
  if (unitIds.length === 0) return true;
  return unitIds.some((u) => canReadUnit(p, u, groupUnitId));
}

/** Whether the principal may create or change an agreement naming `unitIds`. */
export function canWriteAgreement(p: Principal, unitIds: readonly string[]): boolean {
  if (isStrategyOffice(p)) return true;
  if (!canWriteAnything(p) || p.role !== 'unit_editor' || unitIds.length === 0) return false;
  return unitIds.every((u) => p.unitIds.includes(u));
}

/** Whether the principal may read a funding line of `unitId` (null: the group). */
export function canReadFunding(p: Principal, unitId: string | null, groupUnitId: string): boolean {
  return canReadRegistry(p) && canReadUnit(p, unitId, groupUnitId);
}

/** Whether the principal may create or change a funding line of `unitId` (null: the group). */
export function canWriteFunding(p: Principal, unitId: string | null): boolean {
  if (isStrategyOffice(p)) return true;
  if (!canWriteAnything(p) || p.role !== 'unit_editor' || unitId === null) return false;
  return p.unitIds.includes(unitId);
}

/** Whether the principal could ever see contacts (whatever the partner). */
export function mayHandleContacts(p: Principal): boolean {
  return (
    p.role === 'system' ||
    p.role === 'admin' ||
    p.role === 'strategy_office' ||
    p.role === 'unit_editor'
  );
}

/**
 * Whether the principal may see a partner's contacts; `involvedUnitIds` are the schools named
 * by the partner's agreements.
 */
export function canReadContacts(p: Principal, involvedUnitIds: readonly string[]): boolean {
  if (p.role === 'system' || p.role === 'admin' || p.role === 'strategy_office') return true;
  return p.role === 'unit_editor' && involvedUnitIds.some((u) => p.unitIds.includes(u));
}

/** Whether the principal may record or change a partner's contacts. */
export function canWriteContacts(p: Principal, involvedUnitIds: readonly string[]): boolean {
  return !p.readOnly && canReadContacts(p, involvedUnitIds);
}

/** Whether the principal may export everything about a contact (a read: read-only tokens may). */
export function canExportContact(p: Principal): boolean {
  return p.role === 'system' || p.role === 'admin' || p.role === 'strategy_office';
}

/** Whether the principal may erase (anonymise) a contact on the person's request. */
export function canEraseContact(p: Principal): boolean {
  return isStrategyOffice(p);
}
