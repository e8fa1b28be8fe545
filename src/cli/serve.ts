/** `strata serve`: the HTTP server (API and web app) on the configured port. */
import { buildApp } from '../http/app.ts';
import { loggerOptions } from '../http/log.ts';
import { loadConfig, type Config } from '../config.ts';
import { openStrata, type Strata } from '../services/runtime.ts';
import { seedDemoRegistry } from '../services/partners/demo.ts';
import { startJobs } from './jobs.ts';
import { warmUp } from './warm-up.ts';

/**
 * A fresh install has no password: while the workspace has no administrator, each start prints a
 * one-time link (valid 48 hours) to create the first one; `strata user create --admin` also works.
 */
async function announceSetupLink(strata: Strata, config: Config, log: (line: string) => void) {
  const scope = await strata.services.workspace.resolve(config.workspace).catch(() => null);
  if (!scope) return;
  const link = await strata.services.users.setupLink(scope);
  if (link)
    log(
      `No administrator yet. Create the first one at ${config.publicUrl}/setup#token=${link.token} (valid 48 hours).`,
    );
}

/** Starts the server; resolves once it listens. Stops cleanly on SIGINT/SIGTERM. */
export async function serve(): Promise<void> {
  const config = loadConfig();
  const started = Date.now();
  const strata = await openStrata(config, { sessions: config.sessions });
  const app = await buildApp({
    strata,
    workspace: config.workspace,
    webDir: config.webDir,
    trustProxy: config.trustProxy,
    oidc: config.oidc,
    logger: loggerOptions(config.logLevel),
  });
  // A first start loads the default plan; its illustrative partner registry comes with it, as
  // after `strata demo reset` (it lives outside the plan bundle). Another seed plan has none.
  if (strata.seeded) {
    await seedDemoRegistry(strata.services, config.workspace).catch((error: unknown) => {
      app.log.warn(
        { event: 'seed.registry_skipped', reason: error instanceof Error ? error.message : '' },
        'the illustrative partner registry was not loaded',
      );
    });
  }
  const jobs = startJobs(strata, config, app.log);
  const stop = async (signal: string) => {
    app.log.info({ event: 'server.stopping', signal }, 'stopping');
    await jobs.stop();
    await app.close();
    await strata.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  await announceSetupLink(strata, config, (line) => {
    app.log.warn({ event: 'setup.link' }, line);
  });
  const where = config.databaseUrl ? 'PostgreSQL' : `embedded PGlite (${config.dataDir})`;
  app.log.info(
    {
      event: 'server.ready',
      engine: strata.engine,
      seeded: strata.seeded,
      ms: Date.now() - started,
    },
    `Strata is ready on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} — ${where}${strata.seeded ? ', IMT 2023–2027 plan loaded' : ''}`,
  );
  void warmUp(strata, config.workspace, app.log);
}
