/**
 * What the cross-file checks share: located items, the reporter, the bundle with its indexes, and
 * the small checks every kind of item uses (unit references, facet tags, thresholds, sources).
 */
import type { Thresholds } from '../types.ts';
import type { PathSegment } from './locate.ts';
import type {
  PlanFileAction,
  PlanFileElement,
  PlanFileFacet,
  PlanFileFacetTags,
  PlanFileIndicator,
  PlanFileMeasurement,
  PlanFilePlan,
  PlanFileUnit,
} from './schema.ts';

/** An item of the bundle with where it comes from: file index and path in that file. */
export interface Located<T> {
  item: T;
  file: number;
  path: PathSegment[];
}

/** Where checks send their findings. */
export interface Reporter {
  /** Reports a problem at `subPath` under the item (at the key itself with `atKey`). */
  error(at: Located<unknown>, subPath: PathSegment[], message: string, atKey?: boolean): void;
  /** `file.yaml line N` of a place, for messages that point at a first definition. */
  where(at: Located<unknown>, subPath: PathSegment[], atKey?: boolean): string;
}

/** The valid items of a bundle, in file-name order, and the codes of items that failed. */
export interface BundleItems {
  units: Located<PlanFileUnit>[];
  facets: Located<PlanFileFacet>[];
  plans: Located<PlanFilePlan>[];
  indicators: Located<PlanFileIndicator>[];
  measurements: Located<PlanFileMeasurement>[];
  actions: Located<PlanFileAction>[];
  /** codes of items that failed their schema: references to them are not reported again */
  invalid: Record<'units' | 'facets' | 'plans' | 'indicators' | 'actions', Set<string>>;
  /** nested items (elements, trajectory points, facet values) with a shape error: skipped */
  broken: WeakSet<object>;
}

/** A plan with its elements by code. */
export interface PlanInfo {
  at: Located<PlanFilePlan>;
  elements: Map<string, Located<PlanFileElement>>;
}

/** What the checks share: the reporter, the bundle and its indexes. */
export interface Context {
  report: Reporter;
  bundle: BundleItems;
  units: Map<string, Located<PlanFileUnit>>;
  facets: Map<string, Set<string>>;
  plans: Map<string, PlanInfo>;
  indicators: Map<string, Located<PlanFileIndicator>>;
  /** plans and facets with a skipped element or value: references into them are not judged */
  partial: Set<string>;
}

/** First occurrence of each code; later ones are reported as duplicates. */
export function indexByCode<T extends { code: string }>(
  items: readonly Located<T>[],
  what: string,
  report: Reporter,
  subPath: (at: Located<T>) => PathSegment[] = () => ['code'],
): Map<string, Located<T>> {
  const index = new Map<string, Located<T>>();
  for (const at of items) {
    const first = index.get(at.item.code);
    if (first) {
      const where = report.where(first, subPath(first));
      report.error(at, subPath(at), `duplicate ${what} code "${at.item.code}" (first at ${where})`);
    } else {
      index.set(at.item.code, at);
    }
  }
  return index;
}

/** Reports a unit code that names no unit. */
export function checkUnitRef(
  ctx: Context,
  at: Located<unknown>,
  path: PathSegment[],
  code: string,
) {
  if (!ctx.units.has(code) && !ctx.bundle.invalid.units.has(code)) {
    ctx.report.error(at, path, `unknown unit "${code}"`);
  }
}

/** Checks a list of unit codes: known, each at most once. */
export function checkUnitList(ctx: Context, at: Located<unknown>, key: string, codes?: string[]) {
  const seen = new Set<string>();
  codes?.forEach((code, i) => {
    if (seen.has(code)) ctx.report.error(at, [key, i], `unit "${code}" is listed twice`);
    seen.add(code);
    checkUnitRef(ctx, at, [key, i], code);
  });
}

/** Checks facet tags: known facets and values, each value at most once. */
export function checkFacetTags(
  ctx: Context,
  at: Located<unknown>,
  tags: PlanFileFacetTags | undefined,
) {
  for (const [facet, values] of Object.entries(tags ?? {})) {
    const known = ctx.facets.get(facet);
    if (!known) {
      if (!ctx.bundle.invalid.facets.has(facet)) {
        ctx.report.error(at, ['facets', facet], `unknown facet "${facet}"`, true);
      }
      continue;
    }
    const seen = new Set<string>();
    values.forEach((value, i) => {
      if (seen.has(value)) {
        ctx.report.error(at, ['facets', facet, i], `"${value}" is listed twice`);
      } else if (!known.has(value) && !ctx.partial.has(`facet:${facet}`)) {
        ctx.report.error(at, ['facets', facet, i], `unknown value "${value}" of facet "${facet}"`);
      }
      seen.add(value);
    });
  }
}

/** Reports thresholds with atRisk above onTrack. */
export function checkThresholds(ctx: Context, at: Located<unknown>, key: string, t?: Thresholds) {
  if (t && t.atRisk > t.onTrack) {
    ctx.report.error(
      at,
      [key, 'atRisk'],
      `atRisk (${t.atRisk}) must not be greater than onTrack (${t.onTrack})`,
    );
  }
}

/** Reports an official figure without a source. */
export function checkOfficialSource(
  ctx: Context,
  at: Located<unknown>,
  path: PathSegment[],
  figure: { provenance: string; source?: string },
) {
  if (figure.provenance === 'official' && !figure.source?.trim()) {
    ctx.report.error(at, [...path, 'source'], 'an official figure must name its source');
  }
}
