/**
 * Checks across a whole bundle, after each file passed its schema: unique codes, references
 * that resolve, element levels, aggregation rules, ranges, thresholds, periods, dates and unit
 * cycles. Every problem is reported at the line of the offending value; all are collected.
 */
import { checkFacetTags, checkUnitList, checkUnitRef, indexByCode } from './check-context.ts';
import type { BundleItems, Context, Located, Reporter } from './check-context.ts';
import { checkIndicator, checkMeasurements } from './check-figures.ts';
import {
  checkFacets,
  checkPlan,
  checkPlanCycles,
  checkUnits,
  collectElements,
} from './check-plans.ts';
import type { PlanFileAction } from './schema.ts';

export type { BundleItems, Located, Reporter } from './check-context.ts';

/** Resolves `PLAN/ELEMENT` or a bare `ELEMENT` (unique across plans); null with a message. */
function resolveElement(ctx: Context, ref: string): { key: string } | { message: string } | null {
  const slash = ref.indexOf('/');
  if (slash >= 0) {
    const planCode = ref.slice(0, slash);
    const code = ref.slice(slash + 1);
    const plan = ctx.plans.get(planCode);
    if (!plan) {
      if (ctx.bundle.invalid.plans.has(planCode)) return null;
      return { message: `unknown plan "${planCode}"` };
    }
    if (plan.elements.has(code)) return { key: ref };
    if (ctx.partial.has(`plan:${planCode}`)) return null;
    return { message: `unknown element "${code}" in plan "${planCode}"` };
  }
  const owners = [...ctx.plans.values()].filter((plan) => plan.elements.has(ref));
  const [only] = owners;
  if (owners.length === 1 && only) return { key: `${only.at.item.code}/${ref}` };
  if (owners.length > 1) {
    const codes = owners.map((plan) => plan.at.item.code).join(', ');
    return { message: `element "${ref}" exists in several plans (${codes}): write PLAN/${ref}` };
  }
  const unsure =
    ctx.bundle.invalid.plans.size > 0 || [...ctx.partial].some((p) => p.startsWith('plan:'));
  return unsure ? null : { message: `unknown element "${ref}"` };
}

function checkAction(ctx: Context, at: Located<PlanFileAction>) {
  const a = at.item;
  checkUnitRef(ctx, at, ['lead'], a.lead);
  checkUnitList(ctx, at, 'units', a.units);
  checkFacetTags(ctx, at, a.facets);
  if (a.start && a.due && a.start > a.due) {
    ctx.report.error(at, ['due'], `due ${a.due} is before start ${a.start}`);
  }
  const seen = new Set<string>();
  a.elements?.forEach((ref, i) => {
    const resolved = resolveElement(ctx, ref);
    if (!resolved) return;
    if ('message' in resolved) {
      ctx.report.error(at, ['elements', i], resolved.message);
    } else if (seen.has(resolved.key)) {
      ctx.report.error(at, ['elements', i], `element "${ref}" is listed twice`);
    }
    if (!('message' in resolved)) seen.add(resolved.key);
  });
}

/** Runs every cross-file check of a bundle. */
export function checkBundle(bundle: BundleItems, report: Reporter): void {
  const ctx: Context = {
    report,
    bundle,
    units: indexByCode(bundle.units, 'unit', report),
    facets: new Map(),
    plans: new Map(),
    indicators: indexByCode(bundle.indicators, 'indicator', report),
    partial: new Set(),
  };
  checkUnits(ctx);
  checkFacets(ctx, indexByCode(bundle.facets, 'facet', report));
  const firstPlans = new Set(indexByCode(bundle.plans, 'plan', report).values());
  const plans = bundle.plans.map((at) => collectElements(ctx, at));
  for (const info of plans) if (firstPlans.has(info.at)) ctx.plans.set(info.at.item.code, info);
  for (const info of plans) checkPlan(ctx, info);
  checkPlanCycles(ctx);
  for (const at of bundle.indicators) checkIndicator(ctx, at);
  checkMeasurements(ctx);
  indexByCode(bundle.actions, 'action', report);
  for (const at of bundle.actions) checkAction(ctx, at);
}
