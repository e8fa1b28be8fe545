/**
 * The web app: JavaScript shipped at first load, read from the build (dist/web/index.html: its
 * entry script, its modulepreloads and, transitively, their static imports; gzip at the default
 * level), and the time to the first rendered dashboard in headless Chromium (playwright-core),
 * each run in a fresh browser context (empty cache), against a running Strata server.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Result } from '../lib/report.ts';
import { median } from '../lib/stats.ts';

export const CHROMIUM = process.env.STRATA_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Builds dist/web when it is missing or older than its sources (scripts/ensure-web-build.mjs). */
export function ensureWebBuild(root: string): string {
  const run = spawnSync(process.execPath, [join(root, 'scripts/ensure-web-build.mjs')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`web build failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout.trim().split('\n').pop() ?? '';
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w-]+)\s*=\s*"([^"]*)"/g)) {
    if (m[1] && m[2] !== undefined) out[m[1].toLowerCase()] = m[2];
  }
  return out;
}

/** Static imports of an ES module chunk (not dynamic `import()`): relative specifiers. */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:\bimport|\bfrom)\s*["']([^"']+\.js)["']/g)) {
    if (m[1]) found.add(m[1]);
  }
  return [...found];
}

export interface FirstLoad {
  files: { file: string; raw: number; gzip: number }[];
  jsRaw: number;
  jsGzip: number;
  cssRaw: number;
  cssGzip: number;
  allJsGzip: number;
}

/** The JavaScript (and CSS) a first visit downloads before anything is lazily loaded. */
export function firstLoad(webDir: string): FirstLoad {
  const html = readFileSync(join(webDir, 'index.html'), 'utf8');
  const entry: string[] = [];
  const css: string[] = [];
  for (const m of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (m[1] === 'script' && a.type === 'module' && a.src) entry.push(a.src);
    if (m[1] === 'link' && a.rel === 'modulepreload' && a.href) entry.push(a.href);
    if (m[1] === 'link' && a.rel === 'stylesheet' && a.href) css.push(a.href);
  }
  const toFile = (url: string) => join(webDir, url.replace(/^\//, ''));
  const seen = new Set<string>();
  const queue = entry.map((u) => posix.normalize(u.startsWith('/') ? u : `/${u}`));
  const files: FirstLoad['files'] = [];
  while (queue.length > 0) {
    const url = queue.shift() ?? '';
    if (seen.has(url)) continue;
    seen.add(url);
    const path = toFile(url);
    if (!existsSync(path)) throw new Error(`index.html names ${url}, which is not in ${webDir}`);
    const code = readFileSync(path);
    files.push({ file: url, raw: code.length, gzip: gzipSync(code).length });
    for (const spec of staticImports(code.toString('utf8'))) {
      if (spec.startsWith('.')) queue.push(posix.normalize(posix.join(posix.dirname(url), spec)));
      else if (spec.startsWith('/')) queue.push(spec);
    }
  }
  const cssSizes = css
    .map((u) => readFileSync(toFile(u)))
    .map((b) => ({ raw: b.length, gzip: gzipSync(b).length }));
  const assets = join(webDir, 'assets');
  const allJsGzip = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).length, 0);
  return {
    files,
    jsRaw: files.reduce((s, f) => s + f.raw, 0),
    jsGzip: files.reduce((s, f) => s + f.gzip, 0),
    cssRaw: cssSizes.reduce((s, f) => s + f.raw, 0),
    cssGzip: cssSizes.reduce((s, f) => s + f.gzip, 0),
    allJsGzip,
  };
}

export function firstLoadResults(webDir: string, buildLine: string): Result[] {
  const load = firstLoad(webDir);
  const kB = (bytes: number) => bytes / 1000;
  return [
    {
      id: 'web.firstLoad.js',
      section: 'web app',
      measure: `JavaScript at first load, gzip (${load.files.length} files, ${kB(load.jsRaw).toFixed(0)} kB raw)`,
      value: kB(load.jsGzip),
      unit: 'kB',
      reference: {
        label: 'all JavaScript of the build, gzip',
        value: kB(load.allJsGzip),
        unit: 'kB',
      },
      ratio: load.jsGzip / load.allJsGzip,
      budget: { text: '≤ 300 kB', pass: kB(load.jsGzip) <= 300 },
      details: { files: load.files, build: buildLine },
    },
    {
      id: 'web.firstLoad.css',
      section: 'web app',
      measure: `CSS at first load, gzip (${kB(load.cssRaw).toFixed(0)} kB raw)`,
      value: kB(load.cssGzip),
      unit: 'kB',
    },
  ];
}

/** Why Chromium cannot run here, or null. */
export function chromiumSkipReason(): string | null {
  return existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM} (set STRATA_CHROMIUM)`;
}

/** Marks, in the page, when the rendered dashboard first appears (performance.now() ms). */
const OBSERVER = `
  (() => {
    const mark = () => {
      if (window.__strataDashboardAt === undefined && document.querySelector('[data-testid="dashboard-as-of"]')) {
        window.__strataDashboardAt = performance.now();
      }
    };
    new MutationObserver(mark).observe(document, { childList: true, subtree: true });
  })();
`;

export interface FirstDashboardOptions {
  url: string;
  runs: number;
}

export async function measureFirstDashboard(options: FirstDashboardOptions): Promise<Result[]> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  const dashboard: number[] = [];
  const loaded: number[] = [];
  const transfers: { js: number; encodings: string[] }[] = [];
  try {
    for (let i = 0; i < options.runs + 1; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(OBSERVER);
      const encodings = new Set<string>();
      page.on('response', (response) => {
        if (response.url().endsWith('.js'))
          encodings.add(response.headers()['content-encoding'] ?? 'identity');
      });
      await page.goto(options.url, { waitUntil: 'load' });
      await page.waitForFunction(
        () =>
          (window as unknown as { __strataDashboardAt?: number }).__strataDashboardAt !== undefined,
        null,
        {
          timeout: 60_000,
          polling: 50,
        },
      );
      const timing = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as
          PerformanceNavigationTiming | undefined;
        const js = performance
          .getEntriesByType('resource')
          .filter((e) => e.name.endsWith('.js'))
          .reduce((s, e) => s + (e as PerformanceResourceTiming).transferSize, 0);
        return {
          dashboardAt: (window as unknown as { __strataDashboardAt: number }).__strataDashboardAt,
          loadEventEnd: nav?.loadEventEnd ?? Number.NaN,
          js,
        };
      });
      if (i > 0) {
        dashboard.push(timing.dashboardAt);
        loaded.push(timing.loadEventEnd);
        transfers.push({ js: timing.js, encodings: [...encodings] });
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const value = median(dashboard);
  return [
    {
      id: 'web.firstDashboard',
      section: 'web app',
      measure: 'first rendered dashboard in headless Chromium (fresh context)',
      value,
      unit: 'ms',
      reference: { label: 'page load event (HTML + JS + CSS)', value: median(loaded), unit: 'ms' },
      ratio: value / median(loaded),
      budget: { text: '≤ 1500 ms', pass: value <= 1500 },
      samples: dashboard,
      details: { loadEventEnd: loaded, transfers },
    },
  ];
}
