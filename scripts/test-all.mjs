// `npm test`: builds the web app when needed, runs every Vitest project (unit, integration, e2e)
// with its output streamed, then closes with one line read from Vitest's JSON report:
//   tests: N passed, N failed[, N skipped]
// Exits non-zero when Vitest failed or when no test ran. Extra arguments go to Vitest
// (`npm test -- test/unit/foo.test.ts`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

function summary(passed, failed, skipped) {
  return `tests: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

function finish(code, counts = { passed: 0, failed: 0, skipped: 0 }, reason = '') {
  if (reason) console.error(`\n${reason}`);
  console.log(summary(counts.passed, counts.failed, counts.skipped));
  process.exit(code);
}

const build = spawnSync(process.execPath, [join(root, 'scripts', 'ensure-web-build.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) finish(1, undefined, 'The web app could not be built; no test ran.');

const reportDir = mkdtempSync(join(tmpdir(), 'strata-vitest-'));
const reportFile = join(reportDir, 'report.json');
const vitestBin = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const args = [
  vitestBin,
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${reportFile}`,
  ...process.argv.slice(2),
];

const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
const forward = (signal) => () => child.kill(signal);
process.on('SIGINT', forward('SIGINT'));
process.on('SIGTERM', forward('SIGTERM'));

const [code, signal] = await new Promise((resolve) => {
  child.on('exit', (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
  child.on('error', (error) => {
    console.error(`could not start vitest: ${error.message}`);
    resolve([1, null]);
  });
});

let report = null;
if (existsSync(reportFile)) {
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8'));
  } catch (error) {
    console.error(`Vitest's JSON report is unreadable: ${error.message}`);
  }
}
rmSync(reportDir, { recursive: true, force: true });

if (!report) {
  finish(
    1,
    undefined,
    `Vitest ${signal ? `was killed (${signal})` : `exited with ${code}`} without a JSON report.`,
  );
}

// A file that failed outside any test (an import error, a failing beforeAll with no test
// reached) has no failed test of its own: count it once as a failure so the line tells the truth.
const brokenFiles = report.testResults.filter(
  (file) =>
    file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
);
const counts = {
  passed: report.numPassedTests,
  failed: report.numFailedTests + brokenFiles.length,
  skipped: report.numPendingTests + report.numTodoTests,
};
for (const file of brokenFiles) {
  console.error(
    `failed outside its tests: ${file.name}${file.message ? ` — ${file.message}` : ''}`,
  );
}

if (report.testResults.length === 0) finish(code || 1, counts, 'No test file was found.');
if (code !== 0 || signal) {
  const why = signal ? `was killed (${signal})` : `exited with ${code}`;
  const hint = counts.failed === 0 ? ' (no test failed: look for errors outside tests above)' : '';
  finish(code || 1, counts, `Vitest ${why}${hint}.`);
}
if (counts.passed + counts.failed === 0) finish(1, counts, 'No test ran.');
finish(0, counts);
