/**
 * End-to-end tests drive the system Chromium (`/usr/bin/chromium`, or `STRATA_CHROMIUM`) through
 * playwright-core, check pages with axe-core against WCAG 2.1 A/AA and save screenshots under
 * test-results/screenshots. A missing Chromium skips browser tests on a developer machine and
 * fails them under CI (`CI=true`), like an unavailable database engine.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AxeResults, RunOptions } from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
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
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SHOWN_TARGETS = 3;

/** The Chromium to launch, or why there is none. */
function findChromium(): { path: string } | { missing: string } {
  const fromEnv = process.env.STRATA_CHROMIUM;
  if (fromEnv) {
    return existsSync(fromEnv)
      ? { path: fromEnv }
      : { missing: `STRATA_CHROMIUM points at ${fromEnv}, which does not exist` };
  }
  if (existsSync(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM };
  return {
    missing: `no Chromium at ${SYSTEM_CHROMIUM} (install it with \`apt-get install chromium\`, or set STRATA_CHROMIUM)`,
  };
}

function requiredUnderCi(missing: string): string {
  return `Chromium is required under CI: ${missing}`;
}

/**
 * Why browser tests cannot run here, or null when they can. Under CI a missing Chromium is never
 * a reason to skip: this returns null and `launchBrowser()` fails with the reason instead.
 */
export function browserSkipReason(): string | null {
  const found = findChromium();
  if ('path' in found || process.env.CI === 'true') return null;
  return found.missing;
}

/** Launches headless Chromium; close it in `afterAll`. */
export async function launchBrowser(): Promise<Browser> {
  const found = findChromium();
  if ('missing' in found) {
    throw new Error(
      process.env.CI === 'true' ? requiredUnderCi(found.missing) : `Chromium: ${found.missing}`,
    );
  }
  return chromium.launch({ executablePath: found.path, headless: true, args: CHROMIUM_FLAGS });
}

let announced = false;

/**
 * A `describe` for tests needing the browser: skipped with the reason in its title when Chromium
 * is missing, or under CI a single failing test saying so.
 */
export function describeWithBrowser(title: string, body: () => void): void {
  const found = findChromium();
  if ('path' in found) {
    describe(title, body);
  } else if (process.env.CI === 'true') {
    describe(title, () => {
      it('needs Chromium', () => {
        throw new Error(requiredUnderCi(found.missing));
      });
    });
  } else {
    if (!announced) {
      announced = true;
      console.warn(`[strata tests] browser tests skipped: ${found.missing}.`);
    }
    describe.skip(`${title} (skipped: ${found.missing})`, body);
  }
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  targets: string[];
}

/** The axe-core API as the page sees it once the script is injected. */
interface AxeInPage {
  run(context: Document, options: RunOptions): Promise<AxeResults>;
}

let axeSource: string | undefined;

async function injectAxe(page: Page): Promise<void> {
  const present = (): Promise<boolean> => page.evaluate(() => 'axe' in window);
  if (await present()) return;
  axeSource ??= readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  try {
    await page.addScriptTag({ content: axeSource });
  } catch {
    // A Content-Security-Policy without 'unsafe-inline' refuses the tag; evaluation bypasses it.
  }
  if (!(await present())) await page.evaluate(axeSource);
  if (!(await present())) throw new Error('axe-core could not be injected into the page');
}

function describeViolation(violation: Violation): string {
  const shown = violation.targets.slice(0, SHOWN_TARGETS).join(', ');
  const more =
    violation.targets.length > SHOWN_TARGETS
      ? ` (+${violation.targets.length - SHOWN_TARGETS} more)`
      : '';
  return (
    `  - ${violation.id} [${violation.impact ?? 'unknown impact'}] ${violation.help}\n` +
    `      on: ${shown}${more}\n      see: ${violation.helpUrl}`
  );
}

/**
 * Runs axe-core on the page with the WCAG 2.1 A and AA rules; throws an Error listing every
 * violation (rule id, impact, help, first targets). `context` names the page in the message.
 */
export async function checkA11y(page: Page, context: string): Promise<void> {
  await injectAxe(page);
  const violations = await page.evaluate(async (tags: string[]): Promise<Violation[]> => {
    const axe = (window as unknown as { axe: AxeInPage }).axe;
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      helpUrl: violation.helpUrl,
      targets: violation.nodes.map((node) =>
        node.target
          .map((selector) => (Array.isArray(selector) ? selector.join(' >>> ') : selector))
          .join(' '),
      ),
    }));
  }, WCAG_TAGS);
  if (violations.length === 0) return;
  const count = violations.length === 1 ? '1 violation' : `${violations.length} violations`;
  throw new Error(
    `Accessibility (WCAG 2.1 A/AA) ${count} on ${context} (${page.url()}):\n` +
      violations.map(describeViolation).join('\n'),
  );
}

/** Saves a full-page screenshot to test-results/screenshots/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(ROOT, 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
