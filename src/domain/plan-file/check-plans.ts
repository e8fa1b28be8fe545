/** Cross-file checks of units, facets, plans and their elements. */
import { checkFacetTags, checkThresholds, checkUnitRef } from './check-context.ts';
import type { Context, Located, PlanInfo } from './check-context.ts';
import type { PathSegment } from './locate.ts';
import type { PlanFileElement, PlanFileFacet, PlanFilePlan, PlanFileUnit } from './schema.ts';

/** Unit parents: known, and no cycle. */
export function checkUnits(ctx: Context) {
  for (const at of ctx.bundle.units) {
    if (at.item.parent) checkUnitRef(ctx, at, ['parent'], at.item.parent);
  }
  const state = new Map<string, 'visiting' | 'done'>();
  for (const start of ctx.bundle.units) {
    const chain: Located<PlanFileUnit>[] = [];
    let current: Located<PlanFileUnit> | undefined = start;
    while (current && !state.has(current.item.code)) {
      state.set(current.item.code, 'visiting');
      chain.push(current);
      current = current.item.parent ? ctx.units.get(current.item.parent) : undefined;
    }
    if (current && state.get(current.item.code) === 'visiting') {
      const cycle = chain.slice(chain.indexOf(current));
      const names = [...cycle, current].map((u) => u.item.code).join(' → ');
      ctx.report.error(current, ['parent'], `unit parents form a cycle: ${names}`);
    }
    for (const u of chain) state.set(u.item.code, 'done');
  }
}

/** Facet values: unique codes; indexes the values of each facet. */
export function checkFacets(ctx: Context, facets: Map<string, Located<PlanFileFacet>>) {
  for (const at of facets.values()) {
    const values = new Set<string>();
    at.item.values.forEach((value, i) => {
      if (ctx.bundle.broken.has(value)) {
        ctx.partial.add(`facet:${at.item.code}`);
        return;
      }
      if (values.has(value.code)) {
        ctx.report.error(at, ['values', i, 'code'], `duplicate value code "${value.code}"`);
      }
      values.add(value.code);
    });
    ctx.facets.set(at.item.code, values);
  }
}

/** Walks a plan's tree, checking levels and collecting elements by code. */
export function collectElements(ctx: Context, at: Located<PlanFilePlan>): PlanInfo {
  const info: PlanInfo = { at, elements: new Map() };
  const keys = at.item.levels.map((level) => level.key);
  const visit = (elements: PlanFileElement[], path: PathSegment[], depth: number) => {
    elements.forEach((element, i) => {
      if (ctx.bundle.broken.has(element)) {
        ctx.partial.add(`plan:${at.item.code}`);
        return;
      }
      const here: Located<PlanFileElement> = {
        item: element,
        file: at.file,
        path: [...at.path, ...path, i],
      };
      const first = info.elements.get(element.code);
      if (first) {
        const where = ctx.report.where(first, ['code']);
        ctx.report.error(
          here,
          ['code'],
          `duplicate element code "${element.code}" (first at ${where})`,
        );
      } else {
        info.elements.set(element.code, here);
      }
      const expected = keys[depth];
      if (!keys.includes(element.level)) {
        ctx.report.error(
          here,
          ['level'],
          `unknown level "${element.level}" (levels: ${keys.join(', ')})`,
        );
      } else if (expected === undefined) {
        ctx.report.error(
          here,
          ['level'],
          `too deep: plan "${at.item.code}" has ${keys.length} level(s)`,
        );
      } else if (element.level !== expected) {
        ctx.report.error(
          here,
          ['level'],
          `level "${element.level}" does not match its depth: expected "${expected}"`,
        );
      }
      if (element.children) visit(element.children, [...path, i, 'children'], depth + 1);
    });
  };
  visit(at.item.elements ?? [], ['elements'], 0);
  return info;
}

/** A plan and its elements: references, years, levels, thresholds, alignment. */
export function checkPlan(ctx: Context, info: PlanInfo) {
  const { at } = info;
  const plan = at.item;
  checkUnitRef(ctx, at, ['unit'], plan.unit);
  if (plan.years[0] > plan.years[1]) {
    ctx.report.error(
      at,
      ['years'],
      `first year ${plan.years[0]} is after last year ${plan.years[1]}`,
    );
  }
  const levelKeys = new Set<string>();
  plan.levels.forEach((level, i) => {
    if (levelKeys.has(level.key)) {
      ctx.report.error(at, ['levels', i, 'key'], `duplicate level "${level.key}"`);
    }
    levelKeys.add(level.key);
  });
  checkThresholds(ctx, at, 'rollupThresholds', plan.rollupThresholds);
  const target = plan.alignsTo ? ctx.plans.get(plan.alignsTo) : undefined;
  if (plan.alignsTo === plan.code) {
    ctx.report.error(at, ['alignsTo'], 'a plan cannot align to itself');
  } else if (plan.alignsTo && !target && !ctx.bundle.invalid.plans.has(plan.alignsTo)) {
    ctx.report.error(at, ['alignsTo'], `unknown plan "${plan.alignsTo}"`);
  }
  for (const element of info.elements.values()) {
    const e = element.item;
    if (e.owner) checkUnitRef(ctx, element, ['owner'], e.owner);
    checkFacetTags(ctx, element, e.facets);
    const seen = new Set<string>();
    e.indicators?.forEach((ref, i) => {
      const code = typeof ref === 'string' ? ref : ref.code;
      const path = typeof ref === 'string' ? ['indicators', i] : ['indicators', i, 'code'];
      if (seen.has(code)) {
        ctx.report.error(element, path, `indicator "${code}" is listed twice`);
      } else if (!ctx.indicators.has(code) && !ctx.bundle.invalid.indicators.has(code)) {
        ctx.report.error(element, path, `unknown indicator "${code}"`);
      }
      seen.add(code);
    });
    if (!e.alignsTo || e.alignsTo.length === 0) continue;
    if (!plan.alignsTo) {
      ctx.report.error(
        element,
        ['alignsTo'],
        `plan "${plan.code}" has no alignsTo: its elements cannot align`,
      );
      continue;
    }
    e.alignsTo.forEach((code, i) => {
      if (target && !target.elements.has(code) && !ctx.partial.has(`plan:${target.at.item.code}`)) {
        ctx.report.error(
          element,
          ['alignsTo', i],
          `unknown element "${code}" in plan "${plan.alignsTo ?? ''}"`,
        );
      }
    });
  }
}

/** Plans that align to each other in a cycle. */
export function checkPlanCycles(ctx: Context) {
  const reported = new Set<string>();
  for (const info of ctx.plans.values()) {
    const seen = [info.at.item.code];
    let next = info.at.item.alignsTo;
    while (next && next !== info.at.item.code && !seen.includes(next)) {
      seen.push(next);
      next = ctx.plans.get(next)?.at.item.alignsTo;
    }
    const id = [...seen].sort().join('|');
    if (next === info.at.item.code && seen.length > 1 && !reported.has(id)) {
      reported.add(id);
      const names = [...seen, next].join(' → ');
      ctx.report.error(info.at, ['alignsTo'], `plans align in a cycle: ${names}`);
    }
  }
}
