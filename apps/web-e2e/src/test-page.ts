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
): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport });
    ready(page, watchPageErrors(page));
  });
  afterAll(async () => {
    await browser?.close();
  });
}
