/**
 * What the interface offers to the signed-in account, with the domain's own permission rules
 * (src/domain/access.ts) applied to what `/auth/me` tells. `me` does not list a contributor's
 * assignments: for them an item is assumed assigned, and the server, which knows, has the last
 * word (a 403 then says so).
 */
import { ROLES, canRecordFigure, canWriteAction } from '../../domain/access.ts';
import type { Principal, Role } from '../../domain/access.ts';
import { ApiError } from '../api/errors.ts';
import type { Me } from '../api/types.ts';
import type { Messages } from '../i18n/fr.ts';

/** An account role from the role `me` names (anything else reads as the public). */
export function roleOf(role: string): Role | 'public' {
  return ROLES.find((r) => r === role) ?? 'public';
}

interface Item {
  elementId?: string;
  indicatorId?: string;
  actionId?: string;
}

/** The principal the server sees for `me`, a contributor being assumed assigned `item`. */
export function principalOf(me: Me, item: Item): Principal {
  return {
    kind: me.authenticated ? 'user' : 'anonymous',
    userId: me.user?.id ?? null,
    role: roleOf(me.role),
    unitIds: me.unitIds,
    assigned: {
      elements: item.elementId ? [item.elementId] : [],
      indicators: item.indicatorId ? [item.indicatorId] : [],
      actions: item.actionId ? [item.actionId] : [],
    },
    readOnly: me.readOnly,
    label: me.user?.email ?? '',
  };
}

/** Whether `me` may update the action led by `leadUnitId`. */
export function mayWriteAction(me: Me, actionId: string, leadUnitId: string): boolean {
  return me.can.write && canWriteAction(principalOf(me, { actionId }), leadUnitId, actionId);
}

/**
 * The units `me` may record figures of `indicatorId` for: all of them for the strategy office,
 * an editor's own units, a contributor's units (all when they have none).
 */
export function recordableUnits<T extends { id: string }>(
  me: Me,
  indicatorId: string,
  units: readonly T[],
): T[] {
  if (!me.can.write) return [];
  const principal = principalOf(me, { indicatorId });
  return units.filter((unit) => canRecordFigure(principal, indicatorId, unit.id));
}

/** A write refused by the server (403, not a cross-site refusal), in words for this account. */
export function refusedWriteMessage(
  error: unknown,
  me: Me | undefined,
  t: Messages,
): string | null {
  if (!(error instanceof ApiError) || error.status !== 403 || error.code === 'cross_site_refused')
    return null;
  if (me?.role === 'contributor') return t.access.notAssigned;
  if (me?.role === 'unit_editor') return t.access.otherUnit;
  return t.errors.forbidden;
}
