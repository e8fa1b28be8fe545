/**
 * The `strata` command as a user runs it: `node bin/strata.mjs …` in a child process, on a fresh
 * embedded database folder (STRATA_DATA_DIR) per scenario. Help, migrations, plan import and
 * export, demo reset, a refused bad bundle, the data-folder lock against a running server, and
 * configuration errors.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { IMT_DIR, ROOT } from '../support/app.ts';
import { environment, freePort, waitForHealth } from '../support/processes.ts';

const BIN = resolve(ROOT, 'bin/strata.mjs');
const MIGRATIONS_DIR = resolve(ROOT, 'src/db/migrations');
/** Any single command; PGlite starts in 1–3 s, an IMT import takes about 5 s. */
const SPAWN_TIMEOUT_MS = 45_000;

const children = new Set<ChildProcess>();
const tempDirs: string[] = [];

afterAll(() => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'strata-cli-'));
  tempDirs.push(dir);
  return dir;
}

/** Starts `strata …args`; the child is killed in afterAll if a test leaves it running. */
function start(args: readonly string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: environment(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  return child;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `strata …args` to its end; rejects when it outlives the timeout (and kills it). */
function run(
  args: readonly string[],
  env: Record<string, string>,
  timeoutMs = SPAWN_TIMEOUT_MS,
): Promise<Run> {
  const child = start(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`strata ${args.join(' ')} did not end within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** Resolves with the exit code once `child` has ended. */
function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((r) => {
    child.once('exit', (code) => {
      r(code);
    });
  });
}

interface BundleCounts {
  units: number;
  plans: number;
  elements: number;
  indicators: number;
  actions: number;
  figures: number;
  targets: number;
}

interface BundleDocument {
  units?: unknown[];
  plans?: { elements?: TreeNode[] }[];
  indicators?: { targets?: unknown[] }[];
  actions?: unknown[];
  measurements?: { indicator: string; unit: string; values: Record<string, number> }[];
}

interface TreeNode {
  children?: TreeNode[];
}

/** Counts what a plan bundle holds, straight from its YAML (independently of the importer). */
function countBundle(texts: readonly string[]): BundleCounts {
  const counts: BundleCounts = {
    units: 0,
    plans: 0,
    elements: 0,
    indicators: 0,
    actions: 0,
    figures: 0,
    targets: 0,
  };
  const nodes = (list: readonly TreeNode[] = []): number =>
    list.reduce((n, node) => n + 1 + nodes(node.children), 0);
  const figures = new Set<string>();
  for (const text of texts) {
    const doc = parse(text) as BundleDocument;
    counts.units += doc.units?.length ?? 0;
    counts.plans += doc.plans?.length ?? 0;
    for (const plan of doc.plans ?? []) counts.elements += nodes(plan.elements);
    counts.indicators += doc.indicators?.length ?? 0;
    for (const indicator of doc.indicators ?? []) counts.targets += indicator.targets?.length ?? 0;
    counts.actions += doc.actions?.length ?? 0;
    for (const m of doc.measurements ?? []) {
      for (const period of Object.keys(m.values)) figures.add(`${m.indicator}|${m.unit}|${period}`);
    }
  }
  counts.figures = figures.size;
  return counts;
}

function imtTexts(): string[] {
  return readdirSync(IMT_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => readFileSync(join(IMT_DIR, name), 'utf8'));
}

function reportLine(verb: 'Created' | 'Updated', slug: string, c: BundleCounts): string {
  return (
    `${verb} workspace ${slug}: ${c.units} units, ${c.plans} plans, ${c.elements} elements, ` +
    `${c.indicators} indicators, ${c.actions} actions; ${c.figures} figures and ${c.targets} ` +
    `target points recorded.`
  );
}

describe('help', () => {
  it.each<[string, string, string[]]>([
    ['--help', 'Usage: strata [options] [command]', ['serve', 'migrate', 'plan', 'demo']],
    ['serve --help', 'Usage: strata serve [options]', ['PORT']],
    ['migrate --help', 'Usage: strata migrate [options] [direction]', ['--steps <n>']],
    ['plan import --help', 'Usage: strata plan import [options] <file>', ['<file>']],
    ['plan export --help', 'Usage: strata plan export [options]', ['--out <file>']],
    ['demo reset --help', 'Usage: strata demo reset [options]', ['STRATA_SEED']],
  ])(
    'strata %s prints its usage and exits 0, touching no data',
    async (command, usage, mentions) => {
      const dataDir = join(tempDir(), 'data');
      const result = await run(command.split(' '), { STRATA_DATA_DIR: dataDir });
      expect(result.code).toBe(0);
      expect(result.stdout.startsWith(`${usage}\n`)).toBe(true);
      for (const word of mentions) expect(result.stdout).toContain(word);
      expect(result.stderr).toBe('');
      expect(existsSync(dataDir)).toBe(false);
    },
  );

  it('an unknown command exits non-zero and names it', async () => {
    const result = await run(['frobnicate'], { STRATA_DATA_DIR: join(tempDir(), 'data') });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error: unknown command 'frobnicate'");
  });
});

/** The migrations shipped in src/db/migrations, in order. */
function migrationNames(): string[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((file) => file.endsWith('.up.sql'))
    .map((file) => file.slice(0, -'.up.sql'.length))
    .sort();
}

describe('migrate', () => {
  it('applies every migration to a fresh folder, then status lists none pending', async () => {
    const names = migrationNames();
    const last = names.at(-1) ?? '';
    const env = { STRATA_DATA_DIR: join(tempDir(), 'data') };
    const up = await run(['migrate'], env);
    expect(up.code).toBe(0);
    expect(up.stdout).toBe(
      `${names.length} migration(s) applied: ${names.join(', ')}\napplied: ${names.join(', ')}\n`,
    );
    const status = await run(['migrate', 'status'], env);
    expect(status.code).toBe(0);
    expect(status.stdout).toBe(`0 migration(s) pending\napplied: ${names.join(', ')}\n`);

    const down = await run(['migrate', 'down'], env);
    expect(down.code).toBe(0);
    expect(down.stdout.split('\n')[0]).toBe(`1 migration(s) reverted: ${last}`);
    const after = await run(['migrate', 'status'], env);
    expect(after.stdout.split('\n')[0]).toBe(`1 migration(s) pending: ${last}`);
  });

  it('refuses an unknown direction before opening anything', async () => {
    const dataDir = join(tempDir(), 'data');
    const result = await run(['migrate', 'sideways'], { STRATA_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('strata: direction must be up, down or status, not "sideways"\n');
    expect(existsSync(dataDir)).toBe(false);
  });
});

describe('plan import, plan export and demo reset on one data folder', () => {
  const imt = countBundle(imtTexts());
  let env: Record<string, string>;
  let work: string;
  let firstImport: Run;
  let exportFile: string;
  let exported: Run;

  beforeAll(async () => {
    work = tempDir();
    env = { STRATA_DATA_DIR: join(work, 'data') };
    firstImport = await run(['plan', 'import', IMT_DIR], env);
    exportFile = join(work, 'export.yaml');
    exported = await run(['plan', 'export', '--out', exportFile], env);
  });

  it('the premise: the IMT bundle holds 13 units and some of everything', () => {
    expect(imt.units).toBe(13);
    expect(Object.values(imt).every((n) => n > 0)).toBe(true);
  });

  it('plan import of the IMT folder reports what it created and exits 0', () => {
    expect(firstImport.stderr).toBe('');
    expect(firstImport.code).toBe(0);
    expect(firstImport.stdout).toBe(`${reportLine('Created', 'imt', imt)}\n`);
  });

  it('a bad file exits non-zero with file:line:column path: message and imports nothing', async () => {
    const file = join(work, 'broken.yaml');
    const lines = [
      'strata: 1',
      'workspace: { slug: broken, name: { fr: Cassé, en: Broken }, mission: { fr: M, en: M } }',
      'units:',
      '  - { code: G, kind: group, name: { fr: Groupe, en: Group } }',
      '  - { code: S, kind: school, name: { fr: École, en: School }, parent: NOPE }',
    ];
    writeFileSync(file, `${lines.join('\n')}\n`);
    const result = await run(['plan', 'import', file], env);
    expect(result.code).toBe(1);
    // line 5, column 71: where NOPE starts (70 characters before it on that line)
    expect(result.stderr).toBe(
      'strata: The plan file has 1 error(s); nothing was imported\n' +
        `  ${file}:5:71 units[1].parent: unknown unit "NOPE"\n`,
    );
    expect(result.stdout).toBe('');

    const exported = await run(['plan', 'export', '--workspace', 'broken'], env);
    expect(exported.code).toBe(1);
    expect(exported.stderr).toBe('strata: Workspace broken not found\n');

    // fixed, the same file creates the workspace: it did not exist before
    writeFileSync(file, `${lines.join('\n').replace('parent: NOPE', 'parent: G')}\n`);
    const fixed = await run(['plan', 'import', file], env);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toBe(
      'Created workspace broken: 2 units, 0 plans, 0 elements, 0 indicators, 0 actions; ' +
        '0 figures and 0 target points recorded.\n',
    );
  });

  it('plan export --out writes YAML that re-imports with nothing new recorded', async () => {
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe('');
    const text = readFileSync(exportFile, 'utf8');
    expect((parse(text) as { workspace: { slug: string } }).workspace.slug).toBe('imt');
    expect(countBundle([text])).toEqual(imt);

    const again = await run(['plan', 'import', exportFile], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(
      `${reportLine('Updated', 'imt', { ...imt, figures: 0, targets: 0 })}\n`,
    );
  });

  it('the exported file alone rebuilds the whole workspace in an empty folder', async () => {
    expect(exported.code).toBe(0);
    const fresh = await run(['plan', 'import', exportFile], {
      STRATA_DATA_DIR: join(tempDir(), 'data'),
    });
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toBe(`${reportLine('Created', 'imt', imt)}\n`);
  });

  it('demo reset deletes the demo workspace and loads the default plan again', async () => {
    const result = await run(['demo', 'reset'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `Reset workspace imt: ${imt.indicators} indicators, ${imt.figures} figures.\n`,
    );
  });
});

describe('the data-folder lock', () => {
  it('a second process on the folder of a running serve fails at once, naming the folder', async () => {
    const dataDir = join(tempDir(), 'data');
    const port = await freePort();
    const server = start(['serve'], {
      STRATA_DATA_DIR: dataDir,
      PORT: String(port),
      STRATA_SEED: 'none',
      LOG_LEVEL: 'warn',
    });
    try {
      const health = await waitForHealth(`http://127.0.0.1:${port}/api/health`, server);
      expect(health).toEqual({ status: 'ok', engine: 'pglite' });

      const second = await run(['migrate'], { STRATA_DATA_DIR: dataDir }, 15_000);
      expect(second.code).toBe(1);
      expect(second.stdout).toBe('');
      expect(second.stderr).toBe(
        `strata: The data folder ${dataDir} is in use by another Strata process ` +
          `(pid ${server.pid ?? -1}). Stop that process, or set STRATA_DATA_DIR to another folder.\n`,
      );
      // the server is unharmed
      expect(await waitForHealth(`http://127.0.0.1:${port}/api/health`, server, 5_000)).toEqual({
        status: 'ok',
        engine: 'pglite',
      });
    } finally {
      server.kill('SIGTERM');
    }
    expect(await exited(server)).toBe(0);
    // stopped cleanly, the server released the folder
    const after = await run(['migrate', 'status'], { STRATA_DATA_DIR: dataDir });
    expect(after.code).toBe(0);
    expect(after.stdout.split('\n')[0]).toBe('0 migration(s) pending');
  });
});

describe('configuration errors', () => {
  it.each<[string, string, Record<string, string>, string]>([
    [
      'PORT=abc',
      'serve',
      { PORT: 'abc' },
      'Configuration error: PORT must be a whole number, got "abc"',
    ],
    [
      'PORT=70000',
      'serve',
      { PORT: '70000' },
      'Configuration error: PORT must be between 0 and 65535, got 70000',
    ],
    [
      'STRATA_SEED=none',
      'demo reset',
      { STRATA_SEED: 'none' },
      'STRATA_SEED is "none": there is no demo plan to load',
    ],
  ])('%s strata %s fails at once with a clear message', async (_label, command, extra, message) => {
    const dataDir = join(tempDir(), 'data');
    const result = await run(command.split(' '), { STRATA_DATA_DIR: dataDir, ...extra }, 15_000);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`strata: ${message}\n`);
    expect(existsSync(dataDir)).toBe(false);
  });
});
