/**
 * The CLI obeys the same rules as the API: acting `--as` a school's editor, a figure of that
 * school is recorded and one of another school is refused, with nothing written; the audit
 * trail names the account. Accounts are created from the shell without any default password.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = resolve(ROOT, 'bin/strata.mjs');
const dir = mkdtempSync(join(tmpdir(), 'strata-cli-perm-'));
const env = { ...process.env, STRATA_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent' };

function run(
  args: string[],
  input?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
    child.stdin.end(input ?? '');
  });
}

const EDITOR = 'editor.ales@imt.example';
const PASSWORD = 'a long passphrase for the editor';

describe('strata CLI with --as', () => {
  beforeAll(async () => {
    expect((await run(['plan', 'import', 'data/imt-2023-2027'])).code).toBe(0);
    const created = await run(
      [
        'user',
        'create',
        '--email',
        EDITOR,
        '--role',
        'unit_editor',
        '--unit',
        'IMT-ALES',
        '--password-stdin',
      ],
      PASSWORD,
    );
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain(`Created unit_editor ${EDITOR}`);
  }, 120_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('records a figure of the editor’s own school', async () => {
    const result = await run([
      'figure',
      'record',
      '--as',
      EDITOR,
      '--indicator',
      'GRAD-ENG',
      '--unit',
      'IMT-ALES',
      '--period',
      '2026',
      '--value',
      '512',
      '--provenance',
      'estimated',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Recorded GRAD-ENG IMT-ALES 2026 = 512 (estimated).');
  });

  it('refuses a figure of another school, as the API does', async () => {
    const result = await run([
      'figure',
      'record',
      '--as',
      EDITOR,
      '--indicator',
      'GRAD-ENG',
      '--unit',
      'IMT-ALBI',
      '--period',
      '2026',
      '--value',
      '999',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^strata: /);
    expect(result.stderr).toContain('unitId');
    // Nothing was written: the operator sees no 2026 figure for IMT-ALBI.
    const exported = await run(['plan', 'export']);
    expect(exported.stdout).not.toMatch(/999/);
  });

  it('refuses a whole-plan import to a school editor', async () => {
    const result = await run(['plan', 'import', 'data/imt-2023-2027', '--as', EDITOR]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Only the strategy office imports whole plans');
  });

  it('refuses an unknown account', async () => {
    const result = await run([
      'figure',
      'record',
      '--as',
      'nobody@imt.example',
      '--indicator',
      'GRAD-ENG',
      '--unit',
      'IMT-ALES',
      '--period',
      '2026',
      '--value',
      '1',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Account nobody@imt.example not found');
  });
});
