/** Resolution of element references (`PLAN/ELEMENT` or a bare `ELEMENT`) in a parsed bundle. */
import type { PlanFile, PlanFileElement } from './schema.ts';

/** A resolved element reference. */
export interface ElementRef {
  plan: string;
  element: string;
}

function hasElement(elements: readonly PlanFileElement[] | undefined, code: string): boolean {
  return (elements ?? []).some((e) => e.code === code || hasElement(e.children, code));
}

/**
 * The plan and element named by a reference: `PLAN/ELEMENT`, or a bare `ELEMENT` when exactly one
 * plan of the bundle has that code. Null when it names no element, or several.
 */
export function resolveElementRef(plan: PlanFile, ref: string): ElementRef | null {
  const slash = ref.indexOf('/');
  if (slash >= 0) {
    const planCode = ref.slice(0, slash);
    const element = ref.slice(slash + 1);
    const owner = plan.plans.find((p) => p.code === planCode);
    return owner && hasElement(owner.elements, element) ? { plan: planCode, element } : null;
  }
  const owners = plan.plans.filter((p) => hasElement(p.elements, ref));
  const [only] = owners;
  return owners.length === 1 && only ? { plan: only.code, element: ref } : null;
}
