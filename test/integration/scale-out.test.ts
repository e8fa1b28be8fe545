/**
 * Scale-out (issue #7): two `strata serve` processes on one PostgreSQL database behind a small
 * round-robin proxy, as a load balancer would put them. App nodes hold no state of their own: a
 * session opened through one is valid on the other, a write through one is read through the
 * other, and signing out on one ends the session on both. Each process caches session and
 * data-version reads and drops them when PostgreSQL notifies a change committed elsewhere
 * (src/db/change-watch.ts); the notification travels beside the HTTP answer, so the other
 * process is given a short while (at most 5 s, in practice under a millisecond) to have seen it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, Problem } from '../../src/contracts/index.ts';
import { ROOT, TEST_PASSWORD } from '../support/app.ts';
import { postgresTestDatabaseUrl, testEngines } from '../support/engines.ts';
import { environment, freePort, waitForHealth } from '../support/processes.ts';

const BIN = resolve(ROOT, 'bin/strata.mjs');
const postgres = testEngines().find((e) => e.name === 'postgres');
const skipReason = postgres ? postgres.skipReason : 'no PostgreSQL engine';
const runs = skipReason === null || process.env.CI === 'true';

/** A proxy that sends each request to the next backend in turn, and counts who served what. */
function roundRobin(ports: number[]): { server: Server; served: number[] } {
  const served = ports.map(() => 0);
  let next = 0;
  const server = createServer((req, res) => {
    const index = next++ % ports.length;
    served[index] = (served[index] ?? 0) + 1;
    const upstream = request(
      {
        host: '127.0.0.1',
        port: ports[index],
        path: req.url,
        method: req.method,
        headers: { ...req.headers, 'x-served-by': String(index) },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, {
          ...answer.headers,
          'x-served-by': String(index),
        });
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502).end();
    });
    req.pipe(upstream);
  });
  return { server, served };
}

(runs ? describe : describe.skip)(
  `two app processes on one PostgreSQL${runs ? '' : ` (skipped: ${skipReason})`}`,
  () => {
    const children: ChildProcess[] = [];
    let database: { url: string; drop(): Promise<void> } | undefined;
    let proxy: { server: Server; served: number[] } | undefined;
    let base = '';

    const start = (args: string[], env: Record<string, string>, input?: string) => {
      const child = spawn(process.execPath, [BIN, ...args], {
        cwd: ROOT,
        env: environment(env),
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stdin.end(input);
      children.push(child);
      return { child, output: () => output };
    };

    beforeAll(async () => {
      if (skipReason !== null) throw new Error(`PostgreSQL is required under CI: ${skipReason}`);
      database = await postgresTestDatabaseUrl();
      const env = { DATABASE_URL: database.url, LOG_LEVEL: 'warn', STRATA_DB_POOL: '4' };
      // The first process migrates and loads the IMT plan; the second finds it there.
      const ports = [await freePort(), await freePort()];
      for (const port of ports) {
        const { child } = start(['serve'], { ...env, PORT: String(port), HOST: '127.0.0.1' });
        await waitForHealth(`http://127.0.0.1:${String(port)}/api/health`, child, 120_000);
      }
      const created = start(
        [
          'user',
          'create',
          '--email',
          'office@scale.example',
          '--role',
          'strategy_office',
          '--password-stdin',
        ],
        env,
        TEST_PASSWORD,
      );
      const code = await new Promise<number | null>((r) => created.child.once('exit', r));
      expect(code, created.output()).toBe(0);
      proxy = roundRobin(ports);
      const server = proxy.server;
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const address = server.address();
      base = `http://127.0.0.1:${String(typeof address === 'object' && address ? address.port : 0)}`;
    }, 240_000);

    afterAll(async () => {
      await new Promise<void>((r) => {
        if (proxy)
          proxy.server.close(() => {
            r();
          });
        else r();
      });
      for (const child of children) {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      }
      await Promise.all(
        children.map(
          (c) =>
            new Promise((r) => {
              if (c.exitCode !== null || c.signalCode !== null) r(undefined);
              else c.once('exit', r);
            }),
        ),
      );
      await database?.drop();
    });

    /**
     * Asks until each process has given an answer that passes `check` (the change has reached
     * it), or fails after 5 s; answers that pass stay counted per process.
     */
    const untilBoth = async (ask: () => Promise<{ ok: boolean; servedBy: string | null }>) => {
      const passed = new Set<string | null>();
      const deadline = Date.now() + 5_000;
      while (passed.size < 2 && Date.now() < deadline) {
        const answer = await ask();
        if (answer.ok) passed.add(answer.servedBy);
        else await new Promise((r) => setTimeout(r, 20));
      }
      expect([...passed].sort()).toEqual(['0', '1']);
    };

    const call = async (method: string, path: string, cookie = '', body?: unknown) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...(cookie && { cookie }),
          ...(body !== undefined && { 'content-type': 'application/json' }),
          origin: base,
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      return { res, servedBy: res.headers.get('x-served-by') };
    };

    it('keeps a session opened on one process valid on the other, and ends it on both', async () => {
      const login = await call('POST', '/api/v1/auth/login', '', {
        email: 'office@scale.example',
        password: TEST_PASSWORD,
      });
      expect(login.res.status).toBe(200);
      const cookie = (login.res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      expect(cookie).toMatch(/^strata_session=/);
      const seen = new Set<string | null>();
      for (let i = 0; i < 4; i++) {
        const me = await call('GET', '/api/v1/auth/me', cookie);
        expect(me.res.status).toBe(200);
        const body = (await me.res.json()) as { user: { email: string } | null };
        expect(body.user?.email).toBe('office@scale.example');
        seen.add(me.servedBy);
      }
      expect([...seen].sort()).toEqual(['0', '1']);

      const logout = await call('POST', '/api/v1/auth/logout', cookie);
      expect(logout.res.status).toBeLessThan(300);
      await untilBoth(async () => {
        const me = await call('GET', '/api/v1/auth/me', cookie);
        const body = (await me.res.json()) as { user: unknown };
        return { ok: body.user === null, servedBy: me.servedBy };
      });
    });

    it('shows a write made through one process in the next read through the other', async () => {
      const login = await call('POST', '/api/v1/auth/login', '', {
        email: 'office@scale.example',
        password: TEST_PASSWORD,
      });
      const cookie = (login.res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      // Both processes build and cache the dashboard first.
      const first = await call('GET', '/api/v1/dashboard', cookie);
      const second = await call('GET', '/api/v1/dashboard', cookie);
      const before = (await first.res.json()) as Dashboard;
      await second.res.arrayBuffer();
      expect(new Set([first.servedBy, second.servedBy]).size).toBe(2);
      const action = before.attention.find((a) => a.kind === 'action');
      if (!action) throw new Error('no action in the attention list');
      const url = `/api/v1/actions/${action.id}`;
      const detail = await call('GET', url, cookie);
      const { etag } = (await detail.res.json()) as { etag: string };
      const patched = await fetch(`${base}${url}`, {
        method: 'PATCH',
        headers: { cookie, 'content-type': 'application/json', 'if-match': etag, origin: base },
        body: JSON.stringify({ state: 'done', progress: 100 }),
      });
      expect(patched.status, await patched.clone().text()).toBe(200);
      // Both processes come to show it (the other one once notified).
      await untilBoth(async () => {
        const after = await call('GET', '/api/v1/dashboard', cookie);
        const body = (await after.res.json()) as Dashboard | Problem;
        expect('attention' in body).toBe(true);
        const ok =
          'attention' in body &&
          body.etag !== before.etag &&
          !body.attention.some((a) => a.kind === 'action' && a.id === action.id);
        return { ok, servedBy: after.servedBy };
      });
    });
  },
);
