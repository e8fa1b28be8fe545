/**
 * Who may see and change what: roles, principals and the pure permission rules. The services
 * apply these rules, so the HTTP API and the CLI obey the same ones.
 *
 * | role            | reads                                   | writes                                       |
 * |-----------------|-----------------------------------------|----------------------------------------------|
 * | admin           | everything                              | everything, accounts included                |
 * | strategy_office | everything                              | everything in the workspace but accounts     |
 * | unit_editor     | the group and its own units             | its units' plans, figures and actions        |
 * | contributor     | the group and its own units             | the elements, indicators, actions assigned   |
 * | governance      | everything                              | nothing                                      |
 * | public          | what is published (public indicators,   | nothing                                      |
 * |                 | the group's adopted plan)               |                                              |
 */

export const ROLES = [
  'admin',
  'strategy_office',
  'unit_editor',
  'contributor',
  'governance',
] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting. `system` is the machine operator (CLI without --as, seeding, migrations). */
export interface Principal {
  kind: 'user' | 'anonymous' | 'system';
  userId: string | null;
  role: Role | 'public' | 'system';
  /** Units the principal belongs to (editors, contributors). */
  unitIds: readonly string[];
  /** Items assigned to a contributor. */
  assigned: {
    elements: readonly string[];
    indicators: readonly string[];
    actions: readonly string[];
  };
  /** An API token limited to reading. */
  readOnly: boolean;
  /** Shown in the audit trail and on records (e-mail, or "system"). */
  label: string;
}

const NOTHING = { elements: [], indicators: [], actions: [] } as const;

/** The machine operator: every right, recorded as `label`. */
export function systemPrincipal(label = 'system'): Principal {
  return {
    kind: 'system',
    userId: null,
    role: 'system',
    unitIds: [],
    assigned: NOTHING,
    readOnly: false,
    label,
  };
}

/** A reader without an account: sees only what is published. */
export const ANONYMOUS: Principal = {
  kind: 'anonymous',
  userId: null,
  role: 'public',
  unitIds: [],
  assigned: NOTHING,
  readOnly: true,
  label: 'anonymous',
};

/** Whether the principal reads everything of the workspace (no per-unit filtering). */
export function readsEverything(p: Principal): boolean {
  return (
    p.role === 'system' ||
    p.role === 'admin' ||
    p.role === 'strategy_office' ||
    p.role === 'governance'
  );
}

/** Whether the principal may read what belongs to `unitId` (null: the group itself). */
export function canReadUnit(p: Principal, unitId: string | null, groupUnitId: string): boolean {
  if (readsEverything(p)) return true;
  if (p.role === 'public') return false;
  return unitId === null || unitId === groupUnitId || p.unitIds.includes(unitId);
}

/** Whether the principal may write at all (not governance, not public, not a read-only token). */
export function canWriteAnything(p: Principal): boolean {
  return !p.readOnly && p.role !== 'governance' && p.role !== 'public';
}

/** Whether the principal administers the workspace's structure (plans, indicators, everything). */
export function isStrategyOffice(p: Principal): boolean {
  return !p.readOnly && (p.role === 'system' || p.role === 'admin' || p.role === 'strategy_office');
}

/** Whether the principal may export the audit trail (a read: read-only tokens may). */
export function canExportAudit(p: Principal): boolean {
  return p.role === 'system' || p.role === 'admin' || p.role === 'strategy_office';
}

/** Whether the principal manages accounts. */
export function canManageUsers(p: Principal): boolean {
  return !p.readOnly && (p.role === 'system' || p.role === 'admin');
}

/** Writing a plan element: the strategy office, an editor of the plan's unit, or its assignee. */
export function canWriteElement(
  p: Principal,
  planUnitId: string,
  elementId: string | null,
): boolean {
  if (isStrategyOffice(p)) return true;
  if (!canWriteAnything(p)) return false;
  if (p.role === 'unit_editor') return p.unitIds.includes(planUnitId);
  if (p.role === 'contributor')
    return elementId !== null && p.assigned.elements.includes(elementId);
  return false;
}

/** Defining or changing an indicator: the strategy office, or an editor of its owner unit. */
export function canWriteIndicator(p: Principal, ownerUnitId: string | null): boolean {
  if (isStrategyOffice(p)) return true;
  if (!canWriteAnything(p) || p.role !== 'unit_editor') return false;
  return ownerUnitId !== null && p.unitIds.includes(ownerUnitId);
}

/** Recording a figure of `indicatorId` for `unitId`. */
export function canRecordFigure(p: Principal, indicatorId: string, unitId: string): boolean {
  if (isStrategyOffice(p)) return true;
  if (!canWriteAnything(p)) return false;
  if (p.role === 'unit_editor') return p.unitIds.includes(unitId);
  if (p.role === 'contributor') {
    return p.assigned.indicators.includes(indicatorId) && p.unitIds.includes(unitId);
  }
  return false;
}

/** Creating or changing an action led by `leadUnitId`. */
export function canWriteAction(p: Principal, leadUnitId: string, actionId: string | null): boolean {
  if (isStrategyOffice(p)) return true;
  if (!canWriteAnything(p)) return false;
  if (p.role === 'unit_editor') return p.unitIds.includes(leadUnitId);
  if (p.role === 'contributor') return actionId !== null && p.assigned.actions.includes(actionId);
  return false;
}

/**
 * Creating or changing a risk of `unitId`, as for actions: the strategy office, an editor of the
 * unit, or a contributor for a risk linked (`links`; null when creating) to an element or an
 * action assigned to it.
 */
export function canWriteRisk(
  p: Principal,
  unitId: string,
  links: { elementIds: readonly string[]; actionIds: readonly string[] } | null,
): boolean {
  if (isStrategyOffice(p)) return true;
  if (!canWriteAnything(p)) return false;
  if (p.role === 'unit_editor') return p.unitIds.includes(unitId);
  if (p.role === 'contributor' && links !== null) {
    return (
      links.actionIds.some((id) => p.assigned.actions.includes(id)) ||
      links.elementIds.some((id) => p.assigned.elements.includes(id))
    );
  }
  return false;
}
