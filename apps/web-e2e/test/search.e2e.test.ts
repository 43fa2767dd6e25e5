import type { Page } from 'playwright-core';
import { screenshot } from '../src/browser';
import { openExplorer, SEARCH_LABEL, waitForCanvas } from '../src/explorer-page';
import { stackFromEnv } from '../src/stack';
import { openPageForFile } from '../src/test-page';

jest.setTimeout(180_000);

/** Search as analysts type: multi-word names with common words, roles, places with generic words, typos. */
const stack = stackFromEnv();

let page: Page;
let errors: string[];
openPageForFile(
  (p, e) => {
    page = p;
    errors = e;
  },
  { width: 1280, height: 720 },
);

async function optionsFor(text: string): Promise<string[]> {
  const search = page.getByRole('combobox', { name: SEARCH_LABEL });
  // Empty first, so that the options that appear are the answer to `text`, not the previous query's.
  await search.fill('');
  await page.locator('[role="listbox"][aria-label]').first().waitFor({ state: 'hidden' });
  await search.fill(text);
  const list = page.getByRole('listbox', { name: /Search results|Did you mean/ });
  await list.getByRole('option').first().waitFor();
  // Entity hits only: passages "In the documents" follow them in the same list.
  return list.locator('[role="option"][data-entity-id]').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.entityId ?? ''));
}

describe('search finds what people type', () => {
  beforeAll(async () => {
    await openExplorer(page, stack.webUrl);
  });

  it.each([
    ['state of emergency', 'state-of-emergency-2022'],
    ['Security Council of Kazakhstan', 'security-council-of-kazakhstan'],
    ['protests in Zhanaozen', 'zhanaozen-outbreak-2022'],
    ['Kazakh president', 'kassym-jomart-tokayev'],
    ['Alma-Ata airport', 'almaty-international-airport'],
  ])('%j lists %s', async (text, id) => {
    expect(await optionsFor(text)).toContain(id);
    expect(errors).toEqual([]);
  });

  it('offers the closest names when nothing matches, and choosing one puts it on the canvas', async () => {
    const ids = await optionsFor('Tokjv');
    expect(ids).toContain('kassym-jomart-tokayev');
    expect(await page.getByRole('status').filter({ hasText: 'Did you mean' }).innerText()).toMatch(
      /No entities match “Tokjv”\. Did you mean .*Kassym-Jomart Tokayev/,
    );
    await screenshot(page, 'search-did-you-mean');
    await page
      .getByRole('listbox', { name: 'Did you mean' })
      .getByRole('option', { name: /^Kassym-Jomart Tokayev/ })
      .click();
    await waitForCanvas(page, `cy.getElementById(arg).length === 1`, 'kassym-jomart-tokayev');
    expect(errors).toEqual([]);
  });
});
