import type { Browser, Page } from 'playwright-core';
import { launchChromium, watchPageErrors } from './browser';

/**
 * One Chromium and one page shared by the tests of a file: opened before them (before the
 * file's own beforeAll hooks, which jest runs in the order they were registered) and closed
 * after. `ready` receives the page and the list its uncaught errors are collected in.
 */
export function openPageForFile(
  ready: (page: Page, errors: string[]) => void,
  viewport: { width: number; height: number } = { width: 1440, height: 900 },
  options: { panels?: 'open' | 'default' } = {},
): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport });
    // The side panels fold away on smaller windows until the analyst opens them (apps/web/src/explorer/usePanels.ts).
    // Tests of what is in them start with them open, as an analyst who opened them once would (the choice is
    // remembered); tests of the screen's layout ask for the defaults.
    if ((options.panels ?? 'open') === 'open') await page.addInitScript(openPanels);
    ready(page, watchPageErrors(page));
  });
  afterAll(async () => {
    await browser?.close();
  });
}

/**
 * One Chromium for the file and a fresh page for each test: the returned function opens the test's page; after the
 * test, the page must have collected no errors, and it is closed.
 */
export function newPagePerTest(): (viewport: { width: number; height: number }) => Promise<{ page: Page; errors: string[] }> {
  let browser: Browser | undefined;
  let current: { page: Page; errors: string[] } | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    if (!current) return;
    const { page, errors } = current;
    current = undefined;
    expect(errors).toEqual([]);
    await page.close();
  });
  return async (viewport) => {
    const page = await browser!.newPage({ viewport });
    current = { page, errors: watchPageErrors(page) };
    return current;
  };
}

/** Runs in the page before its scripts: every side panel open, unless the test changed it already. */
export function openPanels(): void {
  if (!window.localStorage.getItem('steppe.panels')) {
    window.localStorage.setItem('steppe.panels', JSON.stringify({ sidebar: true, details: true, legend: true }));
  }
}
