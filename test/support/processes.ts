/**
 * Running `strata` as a user does, in child processes: a clean environment (the variables the
 * tests set themselves are never inherited from the shell), free ports, waiting for health.
 */
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** Variables the tests set themselves: never inherited from the shell that runs them. */
const OWN_VARIABLES = [
  'PORT',
  'HOST',
  'DATABASE_URL',
  'STRATA_DATA_DIR',
  'STRATA_DB_POOL',
  'STRATA_SEED',
  'STRATA_WORKSPACE',
  'STRATA_WEB_DIR',
  'LOG_LEVEL',
];

/** This process's environment without the tests' own variables, plus `extra`. */
export function environment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !OWN_VARIABLES.includes(name));
  return { ...Object.fromEntries(inherited), ...extra };
}

/** A TCP port free at the time of asking. */
export function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        resolvePromise(port);
      });
    });
  });
}

/** Polls `url` until it answers 200 with JSON, or fails after `timeoutMs`. */
export async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`serve exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return (await response.json()) as unknown;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
