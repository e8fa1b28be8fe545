// Builds the web app (`vite build` → dist/web) only when dist/web/index.html is missing or older
// than one of its sources: vite.config.ts, an index.html at the repository root, package-lock.json
// and everything under src/web and src/domain (the web app bundles the domain code).
// Prints one line saying whether it built or reused the build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const output = join(root, 'dist', 'web', 'index.html');
const sourceFiles = [
  'vite.config.ts',
  'scripts/precompress-plugin.ts',
  'index.html',
  'package-lock.json',
];
const sourceDirs = ['src/web', 'src/domain'];

/** The newest file among the sources: { path, mtimeMs }, or null when there is none. */
function newestSource() {
  let newest = null;
  const consider = (path) => {
    const { mtimeMs } = statSync(path);
    if (!newest || mtimeMs > newest.mtimeMs) newest = { path, mtimeMs };
  };
  for (const file of sourceFiles) {
    const path = join(root, file);
    if (existsSync(path)) consider(path);
  }
  for (const dir of sourceDirs) {
    const path = join(root, dir);
    if (!existsSync(path)) continue;
    for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) consider(join(entry.parentPath, entry.name));
    }
  }
  return newest;
}

function fail(message) {
  console.error(`web build: FAILED — ${message}`);
  process.exit(1);
}

if (!existsSync(join(root, 'vite.config.ts'))) {
  fail('vite.config.ts is missing, so the web app cannot be built');
}

const newest = newestSource();
let reason;
if (!existsSync(output)) {
  reason = 'dist/web/index.html is missing';
} else if (newest && newest.mtimeMs > statSync(output).mtimeMs) {
  reason = `${relative(root, newest.path)} changed since the last build`;
}

if (!reason) {
  console.log(
    'web build: reused dist/web (up to date with src/web, src/domain and vite.config.ts)',
  );
  process.exit(0);
}

const viteBin = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
if (!existsSync(viteBin)) fail('node_modules/vite is missing; run `npm ci` first');

const started = performance.now();
const result = spawnSync(process.execPath, [viteBin, 'build'], { cwd: root, stdio: 'inherit' });
if (result.error) fail(`could not run vite: ${result.error.message}`);
if (result.status !== 0) fail(`vite build exited with ${result.status ?? result.signal}`);
if (!existsSync(output)) {
  fail('vite build did not write dist/web/index.html (check build.outDir in vite.config.ts)');
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`web build: built dist/web in ${seconds} s (${reason})`);
