/**
 * The real Strata app over a test database: migrated, loaded with the IMT 2023–2027 bundle, and
 * driven through `app.inject` (integration tests) or listening on a loopback port (e2e tests).
 */
import { resolve } from 'node:path';
import { buildApp } from '../../src/http/app.ts';
import { strataFromDatabase } from '../../src/services/runtime.ts';
import type { App } from '../../src/http/types.ts';
import type { TestEngine } from './engines.ts';
import type { Role } from '../../src/domain/access.ts';
import type { Database } from '../../src/db/connection.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const IMT_DIR = resolve(ROOT, 'data/imt-2023-2027');
export const WEB_DIR = resolve(ROOT, 'dist/web');

export interface TestApp {
  app: App;
  strata: Awaited<ReturnType<typeof strataFromDatabase>>;
  /** The database under the app (for tests that build a second service graph over it). */
  database?: Database;
  close(): Promise<void>;
}

/** The app on a fresh database of `engine`, seeded with the IMT bundle unless `seed` is false. */
export async function openTestApp(
  engine: TestEngine,
  options: { seed?: boolean; now?: () => Date } = {},
): Promise<TestApp> {
  const database = await engine.open();
  const strata = await strataFromDatabase(database, options.seed === false ? null : IMT_DIR, {
    now: options.now,
  });
  const app = await buildApp({ strata, workspace: 'imt', webDir: WEB_DIR });
  await app.ready();
  return {
    app,
    strata,
    database,
    close: async () => {
      await app.close();
      await strata.close();
    },
  };
}

export const TEST_PASSWORD = 'correct horse battery staple 2027';

/** Creates an account (as the machine operator) that can sign in with TEST_PASSWORD. */
export async function createAccount(
  t: TestApp,
  input: { email: string; role: Role; unitCodes?: string[] },
): Promise<string> {
  const scope = await t.strata.services.workspace.resolve('imt');
  const overview = await t.strata.services.workspace.overview(scope);
  const unitIds = (input.unitCodes ?? []).map((code) => {
    const unit = overview.units.find((u) => u.code === code);
    if (!unit) throw new Error(`no unit ${code}`);
    return unit.id;
  });
  const user = await t.strata.services.users.create(scope, {
    email: input.email,
    role: input.role,
    unitIds,
    password: TEST_PASSWORD,
  });
  return user.id;
}

/** Signs in through the API; returns the Cookie header to send with later requests. */
export async function signIn(t: TestApp, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  if (res.statusCode !== 200)
    throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find(
    (c) => c.name === 'strata_session' || c.name === '__Host-strata_session',
  );
  if (!cookie) throw new Error('no session cookie');
  return `${cookie.name}=${cookie.value}`;
}
