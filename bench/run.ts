/**
 * `npm run bench`: every measure beside its limit or reference in the same run, with medians,
 * ratios and budgets (BENCHMARKS.md explains each). Writes bench/results/latest.json (and .md).
 *
 *   npm run bench                         size S on PGlite and on PostgreSQL (when reachable),
 *                                         web app, cold start, memory (about 5 minutes)
 *   npm run bench -- --size M             also size M (10 groups, 1.8 M figures) on PostgreSQL
 *   npm run bench -- --size L             also size L (100 groups, 18 M figures): hours, by hand
 *   npm run bench -- --only dashboard,http --engines pglite --runs 5
 *
 * PostgreSQL: STRATA_BENCH_DATABASE_URL (default postgresql:///postgres); a throw-away
 * strata_bench_<hex> database is created and dropped. Chromium: STRATA_CHROMIUM
 * (default /usr/bin/chromium).
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readFileSync, rmSync } from 'node:fs';
import { createServices } from '../src/services/index.ts';
import type { Engine } from '../src/db/connection.ts';
import {
  BENCH_NOW,
  SIZES,
  figuresPerGroup,
  loadSize,
  type SizeName,
  type SizeSpec,
} from './generate.ts';
import { openBench, postgresSkipReason, type BenchDatabase } from './lib/engines.ts';
import { table, writeReport, type Result, type Skipped } from './lib/report.ts';
import { maxRssMiB } from './lib/stats.ts';
import { measureDashboard } from './measures/dashboard.ts';
import { WEB_DIR, measureHttp } from './measures/http.ts';
import { measureImport } from './measures/import.ts';
import { dataDirFromDump, measureSizedServe, measureStart } from './measures/start.ts';
import {
  chromiumSkipReason,
  ensureWebBuild,
  firstLoadResults,
  measureFirstDashboard,
} from './measures/web.ts';

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS_DIR = join(ROOT, 'bench/results');
const loadAtStart = loadavg();
const SECTIONS = ['dashboard', 'http', 'import', 'web', 'start'] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    size: { type: 'string', multiple: true, default: [] },
    engines: { type: 'string', default: 'pglite,postgres' },
    only: { type: 'string', default: SECTIONS.join(',') },
    runs: { type: 'string', default: '3' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0]);
  process.exit(0);
}
const runs = Number.parseInt(values.runs, 10);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number ≥ 1');
const only = new Set(values.only.split(',').filter(Boolean));
for (const s of only) {
  if (!(SECTIONS as readonly string[]).includes(s))
    throw new Error(`--only: unknown section ${s} (${SECTIONS.join(', ')})`);
}
const wants = (s: Section) => only.has(s);
const engines = values.engines.split(',').filter(Boolean) as Engine[];
const extraSizes = values.size.flatMap((s) => s.split(',')).map((s) => s.toUpperCase());
for (const s of extraSizes) {
  if (s !== 'M' && s !== 'L') throw new Error(`--size: M or L (size S always runs), not ${s}`);
}

const started = performance.now();
const results: Result[] = [];
const skipped: Skipped[] = [];
const findings: string[] = [];

function log(message: string): void {
  const s = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  console.log(`[${s} s] ${message}`);
}

function reportOf(durationS: number, complete: boolean) {
  return {
    date: new Date().toISOString(),
    complete,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      loadAverageAtStart: loadAtStart.map((l) => Math.round(l * 100) / 100).join(' '),
      loadAverageAtEnd: loadavg()
        .map((l) => Math.round(l * 100) / 100)
        .join(' '),
    },
    options: { runs, engines, only: [...only], sizes: ['S', ...extraSizes] },
    results,
    skipped,
    findings,
    durationS,
  };
}

async function section(name: string, work: () => Promise<Result[]>): Promise<void> {
  try {
    const out = await work();
    results.push(...out);
    // Partial results survive an interrupted run.
    writeReport(RESULTS_DIR, reportOf((performance.now() - started) / 1000, false));
  } catch (error) {
    const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
    skipped.push({ section: name, reason: `failed: ${reason.split('\n').slice(0, 6).join('\n')}` });
    log(`${name} FAILED: ${reason}`);
  }
}

async function loadInto(bench: BenchDatabase, spec: SizeSpec): Promise<string[]> {
  const services = createServices({ db: bench.database.db, now: () => BENCH_NOW });
  const rssBefore = maxRssMiB();
  const report = await loadSize(services, spec, (g, ms) => {
    if (spec.groups > 1)
      log(`  ${spec.name} group ${g + 1}/${spec.groups} imported in ${(ms / 1000).toFixed(1)} s`);
  });
  const rate = (report.figures / report.importMs) * 1000;
  log(
    `${bench.label} ${spec.name}: ${report.figures.toLocaleString('en-US')} figures imported in ${(report.importMs / 1000).toFixed(1)} s`,
  );
  results.push({
    id: `${bench.engine}.${spec.name}.generate`,
    section: `data · ${bench.label} · ${spec.name}`,
    measure: `generate + import size ${spec.name} (${report.figures.toLocaleString('en-US')} figures, plan-file import)`,
    value: report.importMs / 1000,
    unit: 's',
    details: {
      buildMs: report.buildMs,
      importMs: report.importMs,
      figuresPerSecond: rate,
      maxRssMiBBefore: rssBefore,
      maxRssMiBAfter: maxRssMiB(),
    },
  });
  if (spec.name === 'S' && bench.engine === 'pglite') {
    results.push({
      id: 'memory.inprocess.importS',
      section: `data · ${bench.label} · ${spec.name}`,
      measure: 'peak RSS of this process after generating + importing S (PGlite in process)',
      value: maxRssMiB(),
      unit: 'MiB',
    });
  }
  if (report.importMs > 60_000 * spec.groups) {
    findings.push(
      `Importing size ${spec.name} on ${bench.label} took ${(report.importMs / 1000).toFixed(0)} s (${rate.toFixed(0)} figures/s).`,
    );
  }
  return report.slugs;
}

async function engineRun(engine: Engine): Promise<string | null> {
  let dataDir: string | null = null;
  if (engine === 'postgres') {
    const reason = await postgresSkipReason();
    if (reason) {
      skipped.push({ section: 'PostgreSQL', reason });
      log(`PostgreSQL skipped: ${reason}`);
      return null;
    }
  }
  const bench = await openBench(engine);
  try {
    log(`${bench.label}: generating and importing size S…`);
    const [slug = 'bench-s-0'] = await loadInto(bench, SIZES.S);
    if (wants('dashboard')) {
      log(`${bench.label}: dashboard computation…`);
      await section(`dashboard · ${bench.label}`, () =>
        measureDashboard(bench, slug, 'S', { runs, warmup: 1 }),
      );
    }
    if (wants('http')) {
      log(`${bench.label}: dashboard over HTTP…`);
      await section(`HTTP · ${bench.label}`, () =>
        measureHttp(bench, slug, 'S', { runs, concurrency: 8, seconds: 2, rate: 100 }),
      );
    }
    if (engine === 'pglite' && (wants('start') || wants('web')) && bench.dumpDataDir) {
      log('PGlite: writing the S data folder for `strata serve`…');
      dataDir = await dataDirFromDump(await bench.dumpDataDir());
    }
    if (wants('import')) {
      log(`${bench.label}: import of 100,000 figures vs COPY…`);
      await section(`import · ${bench.label}`, () => measureImport(bench, { runs }));
    }
  } finally {
    await bench.close();
  }
  return dataDir;
}

async function largerSize(name: SizeName): Promise<void> {
  const spec = SIZES[name];
  const reason = await postgresSkipReason();
  if (reason) {
    skipped.push({ section: `size ${name}`, reason: `PostgreSQL only: ${reason}` });
    return;
  }
  const bench = await openBench('postgres');
  try {
    log(
      `PostgreSQL: generating and importing size ${name} (${spec.groups} groups, ${(spec.groups * figuresPerGroup(spec)).toLocaleString('en-US')} figures)…`,
    );
    const slugs = await loadInto(bench, spec);
    await section(`dashboard · PostgreSQL · ${name}`, () =>
      measureDashboard(bench, slugs[0] ?? `bench-${name.toLowerCase()}-0`, name, {
        runs,
        warmup: 1,
        absoluteBudgetMs: 200,
      }),
    );
  } finally {
    await bench.close();
  }
}

async function main(): Promise<void> {
  log(
    `Strata benchmarks — sections ${[...only].join(', ')}; engines ${engines.join(', ')}; runs ${runs}${extraSizes.length ? `; sizes S, ${extraSizes.join(', ')}` : ''}`,
  );
  if (wants('web')) {
    await section('web app · build', () => {
      const line = ensureWebBuild(ROOT);
      log(line);
      return Promise.resolve(firstLoadResults(WEB_DIR, line));
    });
  }
  let dataDir: string | null = null;
  for (const engine of engines) {
    const dir = await engineRun(engine);
    dataDir ??= dir;
  }
  if (wants('start')) {
    log('cold start of `strata serve` (IMT seed) and memory…');
    await section('cold start', () => measureStart({ root: ROOT, runs }));
  }
  if (dataDir && (wants('start') || wants('web'))) {
    const chromium = chromiumSkipReason();
    if (wants('web') && chromium) skipped.push({ section: 'web app · Chromium', reason: chromium });
    log('`strata serve` on the S data folder: start, memory, first dashboard in Chromium…');
    const folder = dataDir;
    await section('serve S', () =>
      measureSizedServe({
        root: ROOT,
        dataDir: folder,
        workspace: 'bench-s-0',
        size: 'S',
        ...(wants('web') && !chromium
          ? {
              during: (url: string) =>
                measureFirstDashboard({ url: `${url}/`, runs: Math.max(3, runs) }),
            }
          : {}),
      }),
    );
    rmSync(folder, { recursive: true, force: true });
  } else if (wants('web') && !engines.includes('pglite')) {
    skipped.push({
      section: 'web app · Chromium',
      reason: 'needs the PGlite run (its S data folder)',
    });
  }
  for (const name of extraSizes) await largerSize(name as SizeName);

  for (const r of results) {
    if (r.budget && !r.budget.pass)
      findings.unshift(`MISS ${r.section} — ${r.measure}: budget ${r.budget.text}`);
  }
  const durationS = (performance.now() - started) / 1000;
  const report = reportOf(durationS, true);
  const path = writeReport(RESULTS_DIR, report);
  console.log(`\n${table(results)}\n`);
  for (const s of skipped) console.log(`skipped ${s.section}: ${s.reason}`);
  for (const f of findings) console.log(f);
  console.log(`\n${results.length} measures in ${durationS.toFixed(0)} s; written to ${path}`);
}

await main();
