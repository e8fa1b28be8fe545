/**
 * The real Strata app over a test database: migrated, loaded with the IMT 2023–2027 bundle, and
 * driven through `app.inject` (integration tests) or listening on a loopback port (e2e tests).
 */
import { resolve } from 'node:path';
import { buildApp } from '../../src/http/app.ts';
import { strataFromDatabase } from '../../src/services/runtime.ts';
import type { App } from '../../src/http/types.ts';
import type { TestEngine } from './engines.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const IMT_DIR = resolve(ROOT, 'data/imt-2023-2027');
export const WEB_DIR = resolve(ROOT, 'dist/web');

export interface TestApp {
  app: App;
  strata: Awaited<ReturnType<typeof strataFromDatabase>>;
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
    close: async () => {
      await app.close();
      await strata.close();
    },
  };
}
