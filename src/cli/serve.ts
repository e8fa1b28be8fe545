/** `strata serve`: the HTTP server (API and web app) on the configured port. */
import { buildApp } from '../http/app.ts';
import { loadConfig } from '../config.ts';
import { openStrata } from '../services/runtime.ts';

/** Starts the server; resolves once it listens. Stops cleanly on SIGINT/SIGTERM. */
export async function serve(): Promise<void> {
  const config = loadConfig();
  const started = Date.now();
  const strata = await openStrata(config);
  const app = await buildApp({
    strata,
    workspace: config.workspace,
    webDir: config.webDir,
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
  });
  const stop = async (signal: string) => {
    app.log.info({ event: 'server.stopping', signal }, 'stopping');
    await app.close();
    await strata.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
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
}
