/** A real Strata server for browser tests: in-memory PGlite with the IMT plan, on a loopback port. */
import { buildApp } from '../../src/http/app.ts';
import { openStrata } from '../../src/services/runtime.ts';
import { IMT_DIR, WEB_DIR } from './app.ts';

/** Starts the server; `close()` stops it and drops its database. */
export async function startTestServer(): Promise<{ url: string; close(): Promise<void> }> {
  const strata = await openStrata({
    databaseUrl: undefined,
    dataDir: 'memory://',
    dbPoolSize: 1,
    seedDir: IMT_DIR,
  });
  const app = await buildApp({ strata, workspace: 'imt', webDir: WEB_DIR });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await strata.close();
    },
  };
}
