/**
 * The browser harness itself: Chromium opens pages from a local server, axe-core passes an
 * accessible page and names the rule an inaccessible one breaks, and screenshots are saved.
 */
import { existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { checkA11y, describeWithBrowser, launchBrowser, screenshot } from '../support/browser.ts';

// A 1×1 transparent PNG.
const PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

function html(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>${title}</title></head>
  <body><main><h1>${title}</h1>${body}</main></body>
</html>`;
}

const PAGES: Record<string, string> = {
  '/accessible': html(
    'Accessible page',
    `<p>Plain text, default colours.</p><img src="${PIXEL}" alt="A blank pixel">
     <form><label for="q">Search</label> <input id="q" name="q"> <button>Go</button></form>`,
  ),
  '/missing-alt': html(
    'Broken page',
    `<p>An image without a text alternative:</p><img src="${PIXEL}">`,
  ),
};

describeWithBrowser('browser harness', () => {
  let server: Server | undefined;
  let baseUrl = '';
  let browser: Browser | undefined;
  let page: Page | undefined;

  const currentPage = (): Page => {
    if (!page) throw new Error('no page open');
    return page;
  };

  beforeAll(async () => {
    server = createServer((request, response) => {
      const body = PAGES[request.url ?? ''];
      response.writeHead(body === undefined ? 404 : 200, {
        'content-type': 'text/html; charset=utf-8',
      });
      response.end(body ?? 'not found');
    });
    const listening = server;
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });

  afterEach(async () => {
    await page?.close();
    page = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    const open = server;
    if (open)
      await new Promise<void>((resolve) => {
        open.close(() => {
          resolve();
        });
      });
  });

  async function visit(path: string): Promise<Page> {
    if (!browser) throw new Error('the browser did not start');
    page = await browser.newPage();
    const response = await page.goto(`${baseUrl}${path}`);
    expect(response?.status()).toBe(200);
    return page;
  }

  it('passes axe on an accessible page and saves a screenshot', async () => {
    await visit('/accessible');
    expect(await currentPage().getByRole('heading', { level: 1 }).textContent()).toBe(
      'Accessible page',
    );
    await checkA11y(currentPage(), 'the accessible harness page');
    const file = await screenshot(currentPage(), 'browser-harness accessible');
    expect(file).toMatch(/test-results\/screenshots\/browser-harness-accessible\.png$/);
    expect(existsSync(file) && statSync(file).size > 0).toBe(true);
  });

  it('reports an image without alt text, naming the rule, the page and the element', async () => {
    await visit('/missing-alt');
    const check = checkA11y(currentPage(), 'the broken harness page');
    await expect(check).rejects.toThrow(/1 violation on the broken harness page/);
    await expect(check).rejects.toThrow(
      /- image-alt \[critical\] Images must have alternative text/,
    );
    await expect(check).rejects.toThrow(/on: img/);
  });
});
