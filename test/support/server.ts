/**
 * A real Strata server for browser tests: in-memory PGlite with the IMT plan, on a loopback
 * port, with a strategy-office account to sign in with (only signed-in accounts may write).
 */
import type { Role } from '../../src/domain/access.ts';
import { buildApp } from '../../src/http/app.ts';
import { openStrata } from '../../src/services/runtime.ts';
import { IMT_DIR, TEST_PASSWORD, WEB_DIR } from './app.ts';

export interface TestServer {
  url: string;
  /** An account of the strategy office (may record any figure). */
  account: { email: string; password: string };
  close(): Promise<void>;
}

/** An account more: its role, units (by code) and name; every one uses TEST_PASSWORD. */
export interface ExtraAccount {
  email: string;
  role: Role;
  unitCodes?: readonly string[];
  displayName?: string;
}

/** Starts the server, with `extraAccounts` too; `close()` stops it and drops its database. */
export async function startTestServer(
  extraAccounts: readonly ExtraAccount[] = [],
): Promise<TestServer> {
  const strata = await openStrata({
    databaseUrl: undefined,
    dataDir: 'memory://',
    dbPoolSize: 1,
    seedDir: IMT_DIR,
  });
  const account = { email: 'strategy@imt.example', password: TEST_PASSWORD };
  const scope = await strata.services.workspace.resolve('imt');
  await strata.services.users.create(scope, {
    email: account.email,
    role: 'strategy_office',
    password: account.password,
    displayName: 'Strategy office',
  });
  const { units } = await strata.services.workspace.overview(scope);
  for (const { unitCodes = [], ...extra } of extraAccounts) {
    const unitIds = unitCodes.map((code) => {
      const unit = units.find((u) => u.code === code);
      if (!unit) throw new Error(`no unit ${code} in the IMT data set`);
      return unit.id;
    });
    await strata.services.users.create(scope, { ...extra, unitIds, password: TEST_PASSWORD });
  }
  const app = await buildApp({ strata, workspace: 'imt', webDir: WEB_DIR });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    account,
    close: async () => {
      await app.close();
      await strata.close();
    },
  };
}
