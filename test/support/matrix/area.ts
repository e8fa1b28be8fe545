/**
 * One area's rows of the role matrix (test/integration/access-matrix.test.ts): the expected
 * outcome of each of its operations for every principal, and the request each principal sends.
 * Each area of the API keeps its rows in a file of this folder; the matrix test loads them all,
 * so a new area adds a file instead of editing the shared table.
 */
import type { TestApp } from '../app.ts';
import type { RoleName, Roles } from '../roles.ts';

export type Outcome = 'ok' | 401 | 403 | 404;
export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface MatrixRequest {
  method: Method;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  /** Sent instead of the role's cookie (a fresh session of the same account). */
  cookie?: string;
  /** The request ends every session of the account: sign the role in again afterwards. */
  endsSessions?: boolean;
}

/** What an area's requests may use: the app, the principals and their ids, helpers. */
export interface MatrixContext {
  t: TestApp;
  roles: Roles;
  /** A number not used before in this run (for unique codes and names). */
  next: () => string;
  /** The current ETag of a resource, read as the strategy office unless another cookie is given. */
  etagOf: (url: string, cookie?: string) => Promise<string>;
  cookieOf: (role: RoleName) => string;
}

export interface MatrixArea {
  name: string;
  /** Operation key (`METHOD /path` as in the OpenAPI document) → outcome per principal. */
  rows: Record<string, Record<RoleName, Outcome>>;
  /** Runs once after the principals exist, before any row (creates the area's fixtures). */
  setup?: (ctx: MatrixContext) => Promise<void>;
  /** The request a principal sends for one of this area's rows. */
  request: (key: string, role: RoleName, ctx: MatrixContext) => Promise<MatrixRequest>;
}

/** One row, in the column order of ROLE_NAMES. */
export function row(
  anonymous: Outcome,
  schoolA: Outcome,
  schoolB: Outcome,
  contributor: Outcome,
  office: Outcome,
  governance: Outcome,
  admin: Outcome,
): Record<RoleName, Outcome> {
  return { anonymous, schoolA, schoolB, contributor, office, governance, admin };
}

export const ALL_OK = row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok');
/** Readable by any signed-in account; anonymous must sign in. */
export const SIGNED_IN = row(401, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok');
/** Hidden from the public and from school B: school A's things (its plan, unit, elements). */
export const SCHOOL_A_READ = row(404, 'ok', 404, 'ok', 'ok', 'ok', 'ok');
/** Account administration: the admin only. */
export const ADMIN_ONLY = row(401, 403, 403, 403, 403, 403, 'ok');
/** Not there for anyone. */
export const NOWHERE = row(404, 404, 404, 404, 404, 404, 404);
/** Strategy office and admin. */
export const OFFICE_ONLY = row(401, 403, 403, 403, 'ok', 403, 'ok');
