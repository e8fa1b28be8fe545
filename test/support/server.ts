/**
 * A real Strata server for browser tests: in-memory PGlite with the IMT plan, on a loopback
 * port, with a strategy-office account to sign in with (only signed-in accounts may write).
 */
import { buildApp } from '../../src/http/app.ts';
import { openStrata } from '../../src/services/runtime.ts';
import { IMT_DIR, TEST_PASSWORD, WEB_DIR } from './app.ts';

export interface TestServer {
  url: string;
  /** An account of the strategy office (may record any figure). */
  account: { email: string; password: string };
  close(): Promise<void>;
}

/** Starts the server; `close()` stops it and drops its database. */
export async function startTestServer(): Promise<TestServer> {
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
