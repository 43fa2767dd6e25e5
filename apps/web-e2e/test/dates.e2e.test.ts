import type { Page } from 'playwright-core';
import { screenshot } from '../src/browser';
import { putTokayevOnCanvas as putTokayevOnCanvasAt, TOKAYEV } from '../src/explorer-page';
import { stackFromEnv } from '../src/stack';
import { openPageForFile } from '../src/test-page';

jest.setTimeout(180_000);

/**
 * Typed dates: a half-typed or mistyped date never reaches the filters, the
 * field says what is wrong, and the page stays up. The keystrokes are the
 * ones that once took the page down ("Invalid time value"): Tokayev on the
 * canvas, a To date set, then 0 1 0 4 2 0 2 2 typed into From.
 */
const stack = stackFromEnv();

const putTokayevOnCanvas = (page: Page) => putTokayevOnCanvasAt(page, stack.webUrl);

const urlParam = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
]) {
  describe(`typed dates at ${viewport.width}×${viewport.height}`, () => {
    let page: Page;
    let errors: string[];
    openPageForFile((p, e) => {
      page = p;
      errors = e;
    }, viewport);

    it('typing 01042022 into From (with To set) marks the field invalid and keeps the page and the filters', async () => {
      await putTokayevOnCanvas(page);
      const filters = page.getByRole('region', { name: 'Filters' });
      const to = filters.getByRole('textbox', { name: 'To date' });
      const from = filters.getByRole('textbox', { name: 'From date' });
      await to.click();
      await page.keyboard.type('2022-01-31');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('to') === '2022-01-31');

      await from.click();
      for (const key of '01042022') await page.keyboard.press(key);
      await page.waitForTimeout(300);
      expect(errors).toEqual([]);
      expect(await from.inputValue()).toBe('01042022');
      expect(await from.getAttribute('aria-invalid')).toBe('true');
      expect(await filters.getByText(/Type a date as YYYY-MM-DD/).isVisible()).toBe(true);
      // Nothing half-typed became a filter; the canvas is still there.
      expect(urlParam(page, 'from')).toBeNull();
      expect(urlParam(page, 'to')).toBe('2022-01-31');
      expect(await page.locator('[data-testid="graph-canvas"]').isVisible()).toBe(true);
      expect(await page.evaluate((id) => window.__steppeCy!.getElementById(id).length, TOKAYEV)).toBe(1);
      await screenshot(page, `dates-invalid-${viewport.width}`);

      // Mending it to an ISO day applies the filter; the error goes away.
      await from.fill('');
      await page.keyboard.type('2022-01-04');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('from') === '2022-01-04');
      expect(await from.getAttribute('aria-invalid')).toBe('false');
      expect(errors).toEqual([]);
    });

    it('a half-typed year never reaches the filters, and a day outside the calendar is refused', async () => {
      const filters = page.getByRole('region', { name: 'Filters' });
      const from = filters.getByRole('textbox', { name: 'From date' });
      await from.fill('');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('from') === null);
      for (const key of '0002-01-04') {
        await page.keyboard.press(key);
        expect(urlParam(page, 'from')).toBeNull();
      }
      await from.blur();
      expect(await from.getAttribute('aria-invalid')).toBe('true');
      await from.fill('2022-02-30');
      await from.blur();
      expect(await filters.getByText('2022-02-30 is not a day in the calendar.').isVisible()).toBe(true);
      expect(urlParam(page, 'from')).toBeNull();
      expect(errors).toEqual([]);
    });
  });
}
