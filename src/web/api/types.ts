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
  AuditEvent,
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
  User,
  WorkspaceOverview,
} from '../../contracts/index.ts';

import type { Static } from 'typebox';
import type {
  Assignments as AssignmentsSchema,
  LinkAccept as LinkAcceptSchema,
  LoginBody as LoginBodySchema,
  OneTimeLink as OneTimeLinkSchema,
  PasswordChange as PasswordChangeSchema,
  ResetBody as ResetBodySchema,
  SessionInfo as SessionInfoSchema,
  SetupBody as SetupBodySchema,
  TokenCreate as TokenCreateSchema,
  TokenCreated as TokenCreatedSchema,
  TokenInfo as TokenInfoSchema,
  UserCreate as UserCreateSchema,
  UserUpdate as UserUpdateSchema,
} from '../../contracts/index.ts';

/** Bodies of the account endpoints (the contracts export only their schemas). */
export type LoginBody = Static<typeof LoginBodySchema>;
export type SetupBody = Static<typeof SetupBodySchema>;
export type LinkAccept = Static<typeof LinkAcceptSchema>;
export type ResetBody = Static<typeof ResetBodySchema>;

/** My account: sessions, API tokens, password change. */
export type SessionInfo = Static<typeof SessionInfoSchema>;
export type TokenInfo = Static<typeof TokenInfoSchema>;
export type TokenCreate = Static<typeof TokenCreateSchema>;
export type TokenCreated = Static<typeof TokenCreatedSchema>;
export type PasswordChange = Static<typeof PasswordChangeSchema>;

/** Account administration. */
export type UserCreate = Static<typeof UserCreateSchema>;
export type UserUpdate = Static<typeof UserUpdateSchema>;
export type Assignments = Static<typeof AssignmentsSchema>;
export type OneTimeLink = Static<typeof OneTimeLinkSchema>;

/** A page of a list, as every list endpoint returns it. */
export interface ListPage<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
