/** Contracts of the group dashboard, the unit (school) page and search. */
import Type, { type Static } from 'typebox';
import { Bilingual, ElementRef, Id, StatusSummary, UnitRef } from './common.ts';
import { IndicatorCard } from './indicators.ts';
import { ActionCard } from './actions.ts';

export const AttentionItem = Type.Object({
  kind: Type.Union([
    Type.Literal('indicator'),
    Type.Literal('action'),
    Type.Literal('element'),
    Type.Literal('risk'),
  ]),
  id: Id,
  code: Type.String(),
  title: Bilingual,
  reason: Type.Union([
    Type.Literal('off_track'),
    Type.Literal('at_risk'),
    Type.Literal('stale'),
    Type.Literal('overdue'),
  ]),
  unit: Type.Union([UnitRef, Type.Null()]),
  /** e.g. the stale figure's period, the overdue action's due date or risk's review date. */
  detail: Type.String(),
});
export type AttentionItem = Static<typeof AttentionItem>;

export const Dashboard = Type.Object({
  asOf: Type.String(),
  planId: Id,
  etag: Type.String(),
  /** Every element of the group plan with its rolled-up status, in tree order. */
  elements: Type.Array(
    Type.Object({
      element: ElementRef,
      parentId: Type.Union([Id, Type.Null()]),
      status: StatusSummary,
    }),
  ),
  /** The focus facet's values (columns of the priority × focus matrix). */
  focuses: Type.Array(Type.Object({ id: Id, code: Type.String(), name: Bilingual })),
  /** Units evaluated (columns of the priority × unit heatmap). */
  units: Type.Array(UnitRef),
  /** The level whose elements are the matrix rows (e.g. priority). */
  rowLevel: Type.String(),
  byFocus: Type.Array(Type.Object({ elementId: Id, focusId: Id, status: StatusSummary })),
  byUnit: Type.Array(Type.Object({ elementId: Id, unitId: Id, status: StatusSummary })),
  headlines: Type.Array(IndicatorCard),
  attention: Type.Array(AttentionItem),
  totals: Type.Object({
    elements: StatusSummary,
    indicators: Type.Record(Type.String(), Type.Integer()),
    actions: Type.Record(Type.String(), Type.Integer()),
    stale: Type.Integer(),
  }),
});
export type Dashboard = Static<typeof Dashboard>;

export const UnitPage = Type.Object({
  unit: UnitRef,
  city: Type.String(),
  region: Type.String(),
  asOf: Type.String(),
  /** The unit's own plan, when it has one. */
  plan: Type.Union([
    Type.Object({
      id: Id,
      code: Type.String(),
      title: Bilingual,
      elements: Type.Array(
        Type.Object({
          element: ElementRef,
          parentId: Type.Union([Id, Type.Null()]),
          status: StatusSummary,
          alignsTo: Type.Array(ElementRef),
        }),
      ),
    }),
    Type.Null(),
  ]),
  /** The unit's status on each group priority. */
  priorities: Type.Array(Type.Object({ element: ElementRef, status: StatusSummary })),
  /** The unit's figures on every indicator it reports. */
  indicators: Type.Array(IndicatorCard),
  actions: Type.Array(ActionCard),
});
export type UnitPage = Static<typeof UnitPage>;

export const SearchHit = Type.Object({
  kind: Type.Union([
    Type.Literal('element'),
    Type.Literal('indicator'),
    Type.Literal('action'),
    Type.Literal('unit'),
  ]),
  id: Id,
  code: Type.String(),
  title: Bilingual,
  rank: Type.Number(),
});
export type SearchHit = Static<typeof SearchHit>;

export const SearchResult = Type.Object({ query: Type.String(), hits: Type.Array(SearchHit) });
export type SearchResult = Static<typeof SearchResult>;

export const SearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 200 }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
});

export { ElementRef };
