/**
 * The API's data types, taken from the contracts as types only: no contract code reaches the
 * bundle. The rest of the web app imports its API types from here.
 */
export type {
  ActionCard,
  ActionDetail,
  ActionUpdate,
  AlignmentView,
  AttentionItem,
  Bilingual,
  Dashboard,
  ElementCreate,
  ElementDetail,
  ElementRef,
  ElementUpdate,
  Facet,
  FacetValue,
  ForecastDto,
  GroupPoint,
  Indicator,
  IndicatorCard,
  IndicatorDetail,
  IndicatorListItem,
  IndicatorStatusDto,
  Me,
  LevelDef,
  Measurement,
  MeasurementCreate,
  PeriodValue,
  PlanSummary,
  PlanTree,
  Problem,
  SearchHit,
  SearchResult,
  SeriesPoint,
  StatusSummary,
  TargetPointDto,
  TreeNode,
  Unit,
  UnitPage,
  UnitRef,
  WorkspaceOverview,
} from '../../contracts/index.ts';

import type { Static } from 'typebox';
import type {
  LinkAccept as LinkAcceptSchema,
  LoginBody as LoginBodySchema,
  ResetBody as ResetBodySchema,
  SetupBody as SetupBodySchema,
} from '../../contracts/index.ts';

/** Bodies of the account endpoints (the contracts export only their schemas). */
export type LoginBody = Static<typeof LoginBodySchema>;
export type SetupBody = Static<typeof SetupBodySchema>;
export type LinkAccept = Static<typeof LinkAcceptSchema>;
export type ResetBody = Static<typeof ResetBodySchema>;

/** A page of a list, as every list endpoint returns it. */
export interface ListPage<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
