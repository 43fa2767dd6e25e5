import type { Page } from 'playwright-core';
import { putUnrestOnCanvas, readCanvas } from '../src/explorer-page';
import { stackFromEnv } from '../src/stack';
import { openPageForFile } from '../src/test-page';

jest.setTimeout(180_000);

/**
 * The layout worker in the built app. Large views (from 200 entities) are laid
 * out by fcose in a Web Worker; the seeded graph is small, so the page is opened
 * with `?layoutWorkerFrom=5` to send this view there too. Checks that the
 * worker chunk the bundler made loads and answers (a failing worker would fall
 * back to the main thread, which `data-layout-thread` would show).
 */
const stack = stackFromEnv();

let page: Page;
let errors: string[];
openPageForFile((p, e) => {
  page = p;
  errors = e;
});

describe('layout worker', () => {
  it('lays a view out off the main thread and draws the result', async () => {
    await putUnrestOnCanvas(page, `${stack.webUrl}/?layoutWorkerFrom=5`);
    const thread = await page.getByTestId('graph-canvas').getAttribute('data-layout-thread');
    expect(thread).toBe('worker');
    const canvas = await readCanvas(page);
    expect(canvas.nodes.length).toBeGreaterThanOrEqual(5);
    const positions = await page.evaluate(() =>
      window.__steppeCy!.nodes().map((n) => `${Math.round(n.position().x)},${Math.round(n.position().y)}`),
    );
    // Every entity has its own place (fcose spreads them; nothing is left piled up).
    expect(new Set(positions).size).toBe(positions.length);
    expect(errors).toEqual([]);
  });
});
