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

/** Starts the server, with `extraAccounts` too (all use TEST_PASSWORD); `close()` stops it and drops its database. */
export async function startTestServer(
  extraAccounts: readonly { email: string; role: Role }[] = [],
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
  for (const extra of extraAccounts) {
    await strata.services.users.create(scope, { ...extra, password: TEST_PASSWORD });
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
