/** Small helpers over the workspace overview: level names, units by id, school plans. */
import type { PlanSummary, Unit, WorkspaceOverview } from '../api/types.ts';

interface BilingualText {
  fr: string;
  en: string;
}

/** The display name of a plan level (e.g. `priority` → "Priorité"), or the key itself. */
export function levelName(
  workspace: WorkspaceOverview | undefined,
  planId: string | null | undefined,
  key: string,
  tx: (text: BilingualText) => string,
): string {
  const plan = workspace?.plans.find((p) => p.id === planId);
  const level = plan?.levels.find((l) => l.key === key);
  if (level) return tx(level.name);
  for (const other of workspace?.plans ?? []) {
    const found = other.levels.find((l) => l.key === key);
    if (found) return tx(found.name);
  }
  return key;
}

/** Units by id. */
export function unitsById(workspace: WorkspaceOverview | undefined): Map<string, Unit> {
  return new Map((workspace?.units ?? []).map((unit) => [unit.id, unit]));
}

/** The plans that align to the group plan (school and subsidiary plans), by unit name. */
export function schoolPlans(workspace: WorkspaceOverview | undefined): PlanSummary[] {
  if (!workspace) return [];
  const group = workspace.groupPlanId;
  return workspace.plans.filter((plan) => plan.id !== group && plan.status !== 'archived');
}
