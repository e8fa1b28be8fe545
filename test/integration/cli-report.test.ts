/**
 * `strata report` as a user runs it: `node bin/strata.mjs report …` in a child process on a fresh
 * embedded data folder with the IMT plan imported: a board pack written as PDF, a bad --kind refused.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { IMT_DIR, ROOT } from '../support/app.ts';
import { pdfPageCount } from '../support/pdf-text.ts';

const BIN = resolve(ROOT, 'bin/strata.mjs');
const dir = mkdtempSync(join(tmpdir(), 'strata-report-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, STRATA_DATA_DIR: join(dir, 'data') };
  delete env.DATABASE_URL;
  delete env.STRATA_SEED;
  return spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 120_000 });
}

it('writes the board pack of a school as PDF and refuses an unknown kind', () => {
  expect(run(['plan', 'import', IMT_DIR]).status).toBe(0);
  const out = join(dir, 'board.pdf');
  const result = run([
    'report',
    '--kind',
    'board',
    '--unit',
    'IMT-ALES',
    '--lang',
    'en',
    '--out',
    out,
  ]);
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toContain('Board briefing pack');
  const pdf = readFileSync(out);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(3);
  const bad = run(['report', '--kind', 'weekly', '--out', out]);
  expect(bad.status).not.toBe(0);
  expect(bad.stderr).toContain('--kind must be one of annual, board');
}, 240_000);
