import type { Page } from 'playwright-core';
import { screenshot } from '../src/browser';
import { api, openExplorer, readCanvas, SEARCH_LABEL, tabTo, TOKAYEV, TOKAYEV_NAME, visibleIds, waitForCanvas } from '../src/explorer-page';
import { stackFromEnv } from '../src/stack';
import { openPageForFile } from '../src/test-page';

jest.setTimeout(180_000);

/**
 * The key actions without a mouse: every step below is a key press (Tab to
 * reach a control, Enter/Space to press it, shortcuts on the canvas).
 */
const stack = stackFromEnv();

let page: Page;
let errors: string[];
openPageForFile((p, e) => {
  page = p;
  errors = e;
});

const focusedIs = (selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
const selection = () =>
  page.evaluate(() =>
    window
      .__steppeCy!.$(':selected')
      .map((e) => e.id())
      .sort(),
  );
const isHidden = (id: string) => page.evaluate((i) => window.__steppeCy!.getElementById(i).hasClass('filtered'), id);
const focusCanvas = async () => {
  await page.keyboard.press('Escape');
  await tabTo(page, page.locator('#graph-canvas'), 200);
};

describe('keyboard only', () => {
  it('searches with "/" and Enter (before the debounce fires) and adds the entity', async () => {
    await openExplorer(page, stack.webUrl);
    // The first Tab stop is the "Skip to the graph" link, and it works.
    await page.keyboard.press('Tab');
    expect(await focusedIs('a[href="#graph-canvas"]')).toBe(true);
    await page.keyboard.press('Enter');
    expect(await focusedIs('#graph-canvas')).toBe(true);
    await page.keyboard.press('/');
    expect(await focusedIs('input[role="combobox"]')).toBe(true);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent)).toBe(SEARCH_LABEL);
    await page.keyboard.type('Tokayev');
    await page.keyboard.press('Enter');
    await waitForCanvas(page, `cy.getElementById(arg).data('expanded') === true`, TOKAYEV);
    expect(await selection()).toEqual([TOKAYEV]);
  });

  it('steps through entities on the canvas with the arrow keys, and expands with Enter', async () => {
    await focusCanvas();
    const order = await page.evaluate(() =>
      window
        .__steppeCy!.nodes()
        .not('.more')
        .map((n) => n.id()),
    );
    await page.keyboard.press('ArrowRight');
    const first = await selection();
    expect(first).toHaveLength(1);
    expect(order).toContain(first[0]);
    await page.keyboard.press('ArrowRight');
    const second = await selection();
    expect(second).not.toEqual(first);
    const name = await page.getByRole('region', { name: 'Entity details' }).getByRole('heading', { level: 2 }).innerText();
    expect(await page.evaluate((id) => window.__steppeCy!.getElementById(id).data('label'), second[0]!)).toBe(name);
    const before = (await readCanvas(page)).nodes.length;
    await page.keyboard.press('Enter');
    await waitForCanvas(page, `cy.getElementById(arg).data('expanded') === true`, second[0]);
    // Expanded: its neighbourhood (one hop, as a double-click gives) is on the canvas now.
    const truth = await api<{ neighbourhood: { nodes: { id: string }[] } }>(
      stack.apiUrl,
      'query($ids: [ID!]!, $limit: Int!) { neighbourhood(ids: $ids, limit: $limit) { nodes { id } } }',
      { ids: [second[0]!], limit: 26 },
    );
    const after = await readCanvas(page);
    expect(after.nodes.length).toBeGreaterThanOrEqual(before);
    const onCanvas = new Set(after.nodes.map((n) => n.id));
    expect(truth.neighbourhood.nodes.map((n) => n.id).filter((id) => !onCanvas.has(id))).toEqual([]);
    await screenshot(page, 'keyboard-01-expanded');
  });

  it('hides, undoes (Ctrl+Z), redoes (Ctrl+Shift+Z) and shows hidden entities again', async () => {
    await focusCanvas();
    // Back to Tokayev.
    for (let i = 0; i < 100 && (await selection()).join() !== TOKAYEV; i++) await page.keyboard.press('ArrowRight');
    expect(await selection()).toEqual([TOKAYEV]);
    await page.keyboard.press('h');
    expect(await isHidden(TOKAYEV)).toBe(true);
    await page.keyboard.press('Control+z');
    expect(await isHidden(TOKAYEV)).toBe(false);
    await page.keyboard.press('Control+Shift+z');
    expect(await isHidden(TOKAYEV)).toBe(true);
    await page.keyboard.press('Shift+H');
    expect(await isHidden(TOKAYEV)).toBe(false);
  });

  it('pins, selects neighbours, keeps only the selection, removes, and undoes each', async () => {
    await focusCanvas();
    for (let i = 0; i < 100 && (await selection()).join() !== TOKAYEV; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('p');
    expect(await page.evaluate((id) => window.__steppeCy!.getElementById(id).hasClass('pinned'), TOKAYEV)).toBe(true);
    await page.keyboard.press('n');
    const neighbours = await selection();
    expect(neighbours.length).toBeGreaterThan(1);
    expect(neighbours).toContain(TOKAYEV);
    const all = (await readCanvas(page)).nodes.map((n) => n.id).sort();
    await page.keyboard.press('k');
    await waitForCanvas(page, 'true');
    const kept = (await readCanvas(page)).nodes.map((n) => n.id).sort();
    expect(kept).toEqual(neighbours.filter((id) => !id.startsWith('relation:')).sort());
    expect(kept.length).toBeLessThan(all.length);
    await page.keyboard.press('Control+z');
    await waitForCanvas(page, 'true');
    expect((await readCanvas(page)).nodes.map((n) => n.id).sort()).toEqual(all);
    await page.keyboard.press('Escape');
    await focusCanvas();
    for (let i = 0; i < 100 && (await selection()).join() !== TOKAYEV; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Delete');
    expect((await readCanvas(page)).nodes.some((n) => n.id === TOKAYEV)).toBe(false);
    await page.keyboard.press('Control+z');
    await waitForCanvas(page, `cy.getElementById(arg).nonempty()`, TOKAYEV);
    // Still pinned after coming back.
    expect(await page.evaluate((id) => window.__steppeCy!.getElementById(id).hasClass('pinned'), TOKAYEV)).toBe(true);
  });

  it('opens the context menu with Shift+F10 and runs an item with the arrow keys and Enter', async () => {
    await focusCanvas();
    for (let i = 0; i < 100 && (await selection()).join() !== TOKAYEV; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+F10');
    const menu = page.getByRole('menu', { name: TOKAYEV_NAME });
    await menu.waitFor();
    expect(await focusedIs('[role="menuitem"]')).toBe(true);
    // Walk down to "Unpin" (he was pinned above).
    for (let i = 0; i < 12; i++) {
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'UnpinP') break;
      await page.keyboard.press('ArrowDown');
    }
    await screenshot(page, 'keyboard-02-context-menu');
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'detached' });
    expect(await page.evaluate((id) => window.__steppeCy!.getElementById(id).hasClass('pinned'), TOKAYEV)).toBe(false);
    expect(await focusedIs('#graph-canvas')).toBe(true);
  });

  it('filters by kind from the legend and reads the canvas in the table view (sortable)', async () => {
    const people = page.getByRole('list', { name: 'Entity kinds' }).getByRole('button', { name: /People/ });
    await tabTo(page, people, 200);
    await page.keyboard.press('Enter');
    expect(await people.getAttribute('aria-pressed')).toBe('false');
    expect(await isHidden(TOKAYEV)).toBe(true);
    await page.keyboard.press('Space');
    expect(await isHidden(TOKAYEV)).toBe(false);

    const tableToggle = page.getByRole('button', { name: 'Table view' });
    await tabTo(page, tableToggle, 200);
    await page.keyboard.press('Enter');
    const entities = page.getByRole('table', { name: 'Entities on the canvas' });
    await entities.waitFor();
    const canvas = await readCanvas(page);
    expect(await entities.locator('tbody tr').count()).toBe(visibleIds(canvas.nodes).length);
    const relations = page.getByRole('table', { name: 'Relations on the canvas' });
    expect(await relations.locator('tbody tr').count()).toBe(visibleIds(canvas.edges).length);

    // Sort entities by name, descending, from the keyboard.
    const nameHeader = entities.getByRole('columnheader', { name: 'Name' });
    expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending');
    await tabTo(page, nameHeader.getByRole('button'), 50);
    await page.keyboard.press('Enter');
    expect(await nameHeader.getAttribute('aria-sort')).toBe('descending');
    const names = await entities.locator('tbody th').allInnerTexts();
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a)));

    // A row selects its entity and opens its details.
    const row = entities.getByRole('button', { name: TOKAYEV_NAME, exact: true });
    await tabTo(page, row, 80);
    await page.keyboard.press('Enter');
    expect(await selection()).toEqual([TOKAYEV]);
    await page.getByRole('region', { name: 'Entity details' }).getByRole('heading', { name: TOKAYEV_NAME }).waitFor();
    // And a relation row opens its evidence.
    const relationButton = relations.locator('tbody th button').first();
    await tabTo(page, relationButton, 120);
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Relation details' }).waitFor();
    await screenshot(page, 'keyboard-03-table');
    expect(errors).toEqual([]);
  });
});
