/**
 * What a principal may see of a snapshot: the reading side of the permission rules. Hidden
 * things are answered as if they did not exist (404), and left out of lists, searches and
 * dashboards, so school A never receives school B's plan, figures or actions.
 */
import { canReadUnit, readsEverything, type Principal } from '../domain/access.ts';
import type { Snapshot } from './snapshot.ts';

/** The visibility filter of one principal over one snapshot. */
export function visibility(snapshot: Snapshot, principal: Principal) {
  const all = readsEverything(principal);
  const isPublic = principal.role === 'public';
  const group = snapshot.groupUnitId;

  const unit = (unitId: string | null): boolean =>
    all ||
    (!isPublic && canReadUnit(principal, unitId, group)) ||
    (isPublic && (unitId === null || unitId === group));

  const plan = (planId: string): boolean => {
    const p = snapshot.planById.get(planId);
    if (!p) return false;
    if (all) return true;
    if (isPublic) return p.unit_id === group && p.status === 'adopted';
    return unit(p.unit_id);
  };

  const element = (elementId: string): boolean => {
    const e = snapshot.elementById.get(elementId);
    return !!e && plan(e.plan_id);
  };

  const indicator = (indicatorId: string): boolean => {
    const i = snapshot.indicatorById.get(indicatorId);
    if (!i) return false;
    return isPublic ? i.is_public : true;
  };

  const action = (actionId: string): boolean => {
    const a = snapshot.actionById.get(actionId);
    if (!a) return false;
    if (all) return true;
    if (isPublic) return false;
    return (
      unit(a.lead_unit_id) ||
      (snapshot.actionUnits.get(actionId) ?? []).some((u) => unit(u) && u !== group)
    );
  };

  /** Records of a unit (notes, who recorded them, unit-level alerts): only of units it reads. */
  const figuresOf = (unitId: string): boolean => (isPublic ? unitId === group : unit(unitId));

  /**
   * A unit's series of an indicator (values, provenance, source): a public indicator's figures
   * are published for every unit; a confidential one's only to readers of the unit.
   */
  const seriesOf = (indicatorId: string, unitId: string): boolean =>
    figuresOf(unitId) ||
    (indicator(indicatorId) && !!snapshot.indicatorById.get(indicatorId)?.is_public);

  return { all, unit, plan, element, indicator, action, figuresOf, seriesOf };
}

export type Visibility = ReturnType<typeof visibility>;
