/**
 * What survives a crash and a restore (SECURITY-BAR 22, 29), with `strata` run as a user runs
 * it, in child processes, on both engines: an import killed with SIGKILL midway leaves none of
 * its rows (all or nothing, one transaction), the same big file then imports whole and a second
 * time changes nothing; `strata backup` then `strata restore` into an empty database gives every
 * table the same row count and checksum.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withLibpqDefaults } from '../../src/db/connection.ts';
import { IMT_DIR, ROOT } from '../support/app.ts';
import { testEngines } from '../support/engines.ts';

const BIN = resolve(ROOT, 'bin/strata.mjs');
const OWN = ['DATABASE_URL', 'STRATA_DATA_DIR', 'STRATA_WORKSPACE', 'STRATA_SEED', 'LOG_LEVEL'];
const ADMIN_URL = withLibpqDefaults(
  process.env.STRATA_TEST_DATABASE_URL ?? 'postgresql:///postgres',
);

/** Yearly indicators of the seed and the units reporting them. */
const INDICATORS = [
  'GRAD-ENG',
  'INTAKE-ENG',
  'APPRENTICES',
  'PHD-STUDENTS',
  'STARTUPS',
  'INTL-STUDENTS',
  'EU-PROJECTS',
  'SME-SUPPORTED',
];
const UNITS = [
  'IMT-ATL',
  'IMT-ALBI',
  'IMT-ALES',
  'IMT-NE',
  'MINES-SE',
  'TPARIS',
  'TSP',
  'EURECOM',
  'INSIC',
];

const children = new Set<ChildProcess>();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const clean of cleanups.reverse()) await clean();
});

function start(args: string[], env: Record<string, string>): ChildProcess {
  const inherited = Object.entries(process.env).filter(([k]) => !OWN.includes(k));
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...Object.fromEntries(inherited), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  return child;
}

function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = start(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((done) =>
    child.on('close', (code) => {
      done({ code, stdout, stderr });
    }),
  );
}

async function must(args: string[], env: Record<string, string>): Promise<string> {
  const r = await run(args, env);
  if (r.code !== 0) throw new Error(`strata ${args.join(' ')} → ${String(r.code)}\n${r.stderr}`);
  return r.stdout;
}

async function fingerprints(env: Record<string, string>): Promise<Map<string, string>> {
  const out = await must(['fingerprint'], env);
  return new Map(
    out
      .trim()
      .split('\n')
      .map((line) => {
        const [table, rows, sum] = line.split('\t');
        return [table ?? '', `${rows ?? ''} ${sum ?? ''}`];
      }),
  );
}

async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh place for a database: a data folder (PGlite) or an empty database (PostgreSQL). */
async function freshTarget(
  engine: 'pglite' | 'postgres',
  dir: string,
): Promise<Record<string, string>> {
  if (engine === 'pglite')
    return { STRATA_DATA_DIR: join(dir, `data-${randomBytes(4).toString('hex')}`) };
  const name = `strata_test_${randomBytes(8).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  cleanups.push(() =>
    admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  );
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { DATABASE_URL: url.href };
}

/** A CSV of `rows` distinct figures (indicator × unit × year), French format. */
function bigCsv(file: string, rows: number): void {
  const lines = ['\ufeffIndicateur;Unité;Période;Valeur;Note'];
  let n = 0;
  for (let year = 1901; year <= 2199 && n < rows; year++) {
    for (const indicator of INDICATORS) {
      for (const unit of UNITS) {
        if (n++ >= rows) break;
        lines.push(`${indicator};${unit};${String(year)};${String(n)},5;big import`);
      }
    }
  }
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
}

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason !== null)(`crash and restore [${engine.name}]`, () => {
    let dir: string;
    let env: Record<string, string>;
    let file: string;
    const ROWS = 20_000;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'strata-recovery-'));
      cleanups.push(() => {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      });
      env = await freshTarget(engine.name, dir);
      await must(['plan', 'import', IMT_DIR], env);
      file = join(dir, 'big.csv');
      bigCsv(file, ROWS);
    }, 120_000);

    it('an import killed midway leaves none of its rows; rerun, it imports whole, then changes nothing', async () => {
      const before = await fingerprints(env);
      const child = start(['import', file], env);
      let stderr = '';
      const killedAt = await new Promise<string>((done, fail) => {
        child.stderr?.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          const m = /progress (\d+)\/(\d+) rows/.exec(stderr);
          if (m && Number(m[1]) > 0 && Number(m[1]) < Number(m[2])) {
            child.kill('SIGKILL');
            done(m[0]);
          }
        });
        child.on('close', () => {
          fail(new Error(`import ended before it could be killed:\n${stderr}`));
        });
      });
      expect(killedAt).toMatch(/progress \d+\/20000 rows/);
      await new Promise((done) => child.once('close', done));
      expect(child.signalCode).toBe('SIGKILL');
      const after = await fingerprints(env);
      expect(after.get('measurement')).toBe(before.get('measurement'));
      expect(after.get('audit_event')).toBe(before.get('audit_event'));

      const whole = await must(['import', file, '--json'], env);
      const first = JSON.parse(whole) as {
        committed: boolean;
        created: number;
        updated: number;
        skipped: number;
      };
      // A few points (the seed's own years) exist already: they are corrected or kept.
      expect(first.committed).toBe(true);
      expect(first.created + first.updated + first.skipped).toBe(ROWS);
      expect(first.created).toBeGreaterThan(ROWS - 500);
      const again = await must(['import', file, '--json'], env);
      expect(JSON.parse(again)).toMatchObject({
        committed: true,
        created: 0,
        updated: 0,
        skipped: ROWS,
      });
    }, 300_000);

    it('backup then restore into an empty database gives equal row counts and checksums', async () => {
      const backup = join(dir, engine.name === 'pglite' ? 'backup.tar.gz' : 'backup.dump');
      expect(await must(['backup', backup], env)).toContain(
        engine.name === 'pglite' ? 'PGlite' : 'pg_dump',
      );
      const target = await freshTarget(engine.name, dir);
      await must(['restore', backup], target);
      const original = await fingerprints(env);
      const restored = await fingerprints(target);
      expect(original.get('measurement')).toMatch(/^2\d{4} /);
      expect([...restored.entries()]).toEqual([...original.entries()]);
    }, 300_000);
  });
}
