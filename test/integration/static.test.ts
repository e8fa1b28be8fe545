/**
 * The built web app is sent compressed: the build writes Brotli and gzip copies of its text
 * assets (scripts/precompress-plugin.ts) and the server picks one by Accept-Encoding, so the
 * JavaScript a first visit downloads is its compressed size on the wire (issue #7).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, WEB_DIR, type TestApp } from '../support/app.ts';
import { testEngines } from '../support/engines.ts';

const ASSETS = join(WEB_DIR, 'assets');
const scripts = existsSync(ASSETS) ? readdirSync(ASSETS).filter((f) => f.endsWith('.js')) : [];
/** The largest script of the build: the one compression matters most for. */
const largest = scripts
  .map((name) => ({ name, size: readFileSync(join(ASSETS, name)).length }))
  .sort((a, b) => b.size - a.size)[0];

const pglite = testEngines().find((e) => e.name === 'pglite');

describe('static web assets', () => {
  let t: TestApp;
  beforeAll(async () => {
    if (!pglite) throw new Error('no PGlite engine');
    t = await openTestApp(pglite);
  });
  afterAll(async () => {
    await t.close();
  });

  it('has a built web app to serve (npm test builds it first)', () => {
    expect(largest, `no script under ${ASSETS}`).toBeDefined();
  });

  it('sends Brotli when the browser accepts it, and the bytes decompress to the file', async () => {
    if (!largest) return;
    const original = readFileSync(join(ASSETS, largest.name));
    const res = await t.app.inject({
      method: 'GET',
      url: `/assets/${largest.name}`,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.rawPayload.length).toBeLessThan(original.length / 2);
    expect(brotliDecompressSync(res.rawPayload).equals(original)).toBe(true);
  });

  it('sends gzip to a client without Brotli, and the plain file to one without either', async () => {
    if (!largest) return;
    const original = readFileSync(join(ASSETS, largest.name));
    const gz = await t.app.inject({
      method: 'GET',
      url: `/assets/${largest.name}`,
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(original)).toBe(true);
    const plain = await t.app.inject({
      method: 'GET',
      url: `/assets/${largest.name}`,
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(original)).toBe(true);
  });

  it('still answers the app page for client routes, not cached', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/indicators/some-page',
      headers: { 'accept-encoding': 'br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    const html =
      res.headers['content-encoding'] === 'br'
        ? brotliDecompressSync(res.rawPayload).toString()
        : res.body;
    expect(html).toContain('<div id="root"');
  });
});
