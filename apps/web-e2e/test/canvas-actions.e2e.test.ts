import type { Page } from 'playwright-core';
import { screenshot } from '../src/browser';
import { api, nodeOnPage, putUnrestOnCanvas, readCanvas, UNREST, visibleIds, waitForCanvas } from '../src/explorer-page';
import { stackFromEnv } from '../src/stack';
import { openPageForFile } from '../src/test-page';

jest.setTimeout(180_000);

/** Canvas actions against the real API: capped expansion, expand by type, layouts with pins, filters, contested claims. */
const stack = stackFromEnv();
/** An entity on the canvas, not yet expanded, with outgoing relations of a type that reach entities not on the canvas. */
let target: { id: string; name: string; type: string; label: string };

let page: Page;
let errors: string[];
openPageForFile((p, e) => {
  page = p;
  errors = e;
});

beforeAll(async () => {
  await putUnrestOnCanvas(page, stack.webUrl);
});

async function neighbours(ids: string[], variables: Record<string, unknown> = {}) {
  const data = await api<{ neighbourhood: { nodes: { id: string }[]; omittedNodes: number } }>(
    stack.apiUrl,
    `query($ids: [ID!]!, $limit: Int!, $types: [RelationType!], $direction: Direction) {
      neighbourhood(ids: $ids, limit: $limit, relationTypes: $types, direction: $direction) { nodes { id } omittedNodes } }`,
    { ids, limit: 26, types: null, direction: 'BOTH', ...variables },
  );
  return data.neighbourhood;
}

async function selectInTable(name: string) {
  const toggle = page.getByRole('button', { name: 'Table view' });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await page.getByRole('table', { name: 'Entities on the canvas' }).getByRole('button', { name, exact: true }).click();
}

describe('canvas actions', () => {
  it('caps an expansion and shows "+N more", which fetches the rest', async () => {
    const truth = await neighbours([UNREST]);
    expect(truth.omittedNodes).toBeGreaterThan(0);
    let canvas = await readCanvas(page);
    expect(canvas.nodes.map((n) => n.id).sort()).toEqual(truth.nodes.map((n) => n.id).sort());
    const label = await page.evaluate((id) => window.__steppeCy!.getElementById(`more:${id}`).data('label'), UNREST);
    expect(label).toBe(`+${truth.omittedNodes} more`);
    await page.getByRole('region', { name: 'Entity details' }).getByText(`${truth.omittedNodes} more neighbour`).waitFor();
    await screenshot(page, 'actions-01-capped');

    const at = await nodeOnPage(page, `more:${UNREST}`);
    await page.mouse.click(at.x, at.y);
    await waitForCanvas(page, `cy.getElementById('more:' + arg).empty() && cy.nodes().length > 26`, UNREST);
    const all = await neighbours([UNREST], { limit: 51 });
    canvas = await readCanvas(page);
    expect(canvas.nodes.map((n) => n.id).sort()).toEqual(all.nodes.map((n) => n.id).sort());
    expect(all.omittedNodes).toBe(0);
  });

  it('expands by relation type and direction from the toolbar', async () => {
    const canvas = await readCanvas(page);
    const onCanvas = new Set(canvas.nodes.map((n) => n.id));
    for (const node of canvas.nodes.filter((n) => !n.expanded)) {
      const data = await api<{
        entity: { name: string; relations: { edges: { node: { type: string; label: string; to: { id: string } } }[] } };
      }>(
        stack.apiUrl,
        'query($id: ID!, $first: Int!) { entity(id: $id) { name relations(direction: OUT, first: $first) { edges { node { type label to { id } } } } } }',
        { id: node.id, first: 50 },
      );
      const outward = data.entity.relations.edges.map((e) => e.node).find((r) => !onCanvas.has(r.to.id));
      if (outward) {
        target = { id: node.id, name: data.entity.name, type: outward.type, label: outward.label };
        break;
      }
    }
    expect(target).toBeDefined();
    await selectInTable(target.name);
    await page.getByLabel('Expand by').selectOption(target.type);
    await page.getByLabel('Direction').selectOption('OUT');
    await page.getByRole('toolbar', { name: 'Canvas actions' }).getByRole('button', { name: 'Expand', exact: true }).click();
    await waitForCanvas(page, `cy.getElementById(arg).data('expanded') === true`, target.id);
    const truth = await neighbours([target.id], { types: [target.type], direction: 'OUT' });
    const ids = new Set((await readCanvas(page)).nodes.map((n) => n.id));
    for (const n of truth.nodes) expect(ids.has(n.id)).toBe(true);
    // Only that type, that way: nothing else joined.
    const added = [...ids].filter((id) => !onCanvas.has(id));
    expect(added.length).toBeGreaterThan(0);
    for (const id of added) expect(truth.nodes.map((n) => n.id)).toContain(id);
    await page.getByRole('region', { name: 'Entity details' }).getByText(`Expanded (${target.label})`).waitFor();
  });

  it('switches layouts and keeps a pinned entity where it is; undo brings the layout back', async () => {
    await selectInTable(target.name);
    await page.getByRole('toolbar', { name: 'Canvas actions' }).getByRole('button', { name: 'Pin' }).click();
    const where = () => page.evaluate((id) => ({ ...window.__steppeCy!.getElementById(id).position() }), target.id);
    const positions = () =>
      page.evaluate(() => window.__steppeCy!.nodes().map((n) => `${n.id()}@${Math.round(n.position().x)},${Math.round(n.position().y)}`));
    const pinnedAt = await where();
    /** Does `change`, then waits until a layout has moved the nodes and finished. */
    const relayoutAfter = async (change: () => Promise<void>) => {
      const before = await positions();
      await change();
      await page.waitForFunction((b) => {
        const el = document.querySelector<HTMLElement>('[data-testid="graph-canvas"]')!;
        const now = window.__steppeCy!.nodes().map((n) => `${n.id()}@${Math.round(n.position().x)},${Math.round(n.position().y)}`);
        return el.dataset.layout === 'idle' && now.join() !== b.join();
      }, before);
      await waitForCanvas(page, 'true');
    };
    for (const layout of ['concentric', 'breadthfirst', 'grid', 'fcose']) {
      await relayoutAfter(() =>
        page
          .getByLabel('Layout')
          .selectOption(layout)
          .then(() => undefined),
      );
      expect(await where()).toEqual(pinnedAt);
      if (layout === 'grid') await screenshot(page, 'actions-02-grid-pinned');
    }
    // Undo and redo lay the canvas out again; each is waited for, so the next test starts on a still canvas.
    await relayoutAfter(() => page.getByRole('toolbar', { name: 'Canvas actions' }).getByRole('button', { name: 'Undo' }).click());
    expect(await page.getByLabel('Layout').inputValue()).toBe('grid');
    await relayoutAfter(() => page.getByRole('toolbar', { name: 'Canvas actions' }).getByRole('button', { name: 'Redo' }).click());
    expect(await page.getByLabel('Layout').inputValue()).toBe('fcose');
    expect(await where()).toEqual(pinnedAt);
  });

  it('hides and shows from the context menu (right-click)', async () => {
    // The previous test ends with a redo to fcose: wait until that layout and any viewport or node
    // animation have settled, and until the node is inside the canvas, before clicking on it.
    await waitForCanvas(page, '!cy.animated() && cy.nodes().every((n) => !n.animated())');
    const box = (await page.locator('[data-testid="graph-canvas"]').boundingBox())!;
    const inside = (p: { x: number; y: number }) =>
      p.x > box.x + 10 && p.x < box.x + box.width - 10 && p.y > box.y + 10 && p.y < box.y + box.height - 10;
    if (!inside(await nodeOnPage(page, target.id))) {
      await page.getByRole('button', { name: 'Fit', exact: true }).click();
      await waitForCanvas(page, '!cy.animated()');
    }
    const at = await nodeOnPage(page, target.id);
    expect(inside(at)).toBe(true);
    await page.mouse.click(at.x, at.y, { button: 'right' });
    const menu = page.getByRole('menu', { name: target.name });
    await menu.getByRole('menuitem', { name: /^Hide/ }).click();
    // The canvas follows the workspace state a render later: wait for it rather than read at once.
    await waitForCanvas(page, '!cy.getElementById(arg).visible()', target.id);
    expect((await readCanvas(page)).nodes.find((n) => n.id === target.id)?.visible).toBe(false);
    await page.getByRole('button', { name: 'Show hidden (1)' }).click();
    await waitForCanvas(page, 'cy.getElementById(arg).visible()', target.id);
    expect((await readCanvas(page)).nodes.find((n) => n.id === target.id)?.visible).toBe(true);
  });

  it('filters by the minimum number of sources and by kind, hiding (not removing) elements', async () => {
    const canvas = await readCanvas(page);
    const truth = await api<{ subgraph: { edges: { id: string; sourceCount: number }[] } }>(
      stack.apiUrl,
      'query($ids: [ID!]!) { subgraph(ids: $ids) { edges { id sourceCount } } }',
      { ids: canvas.nodes.map((n) => n.id) },
    );
    const filters = page.getByRole('region', { name: 'Filters' });
    await filters.getByLabel('Minimum number of sources').fill('2');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('ms') === '2');
    const expected = truth.subgraph.edges
      .filter((e) => e.sourceCount >= 2)
      .map((e) => `relation:${e.id}`)
      .sort();
    // The canvas follows the filter a render later (the same wait as for the other canvas changes).
    await waitForCanvas(
      page,
      `cy.edges().not('.more').filter((e) => e.visible()).map((e) => e.id()).sort().join() === arg`,
      expected.join(),
    );
    const after = await readCanvas(page);
    expect(visibleIds(after.edges)).toEqual(expected);
    expect(after.edges).toHaveLength(canvas.edges.length);
    await filters.getByLabel('Minimum number of sources').fill('1');

    await filters.locator('summary', { hasText: 'Entity kinds' }).click();
    await filters.getByRole('checkbox', { name: /Places/ }).uncheck();
    await waitForCanvas(page, `cy.nodes().not('.more').every((n) => n.visible() === (n.data('kind') !== 'Place'))`);
    const noPlaces = await readCanvas(page);
    for (const n of noPlaces.nodes) expect(n.visible).toBe(n.kind !== 'Place');
    expect(
      await page
        .getByRole('list', { name: 'Entity kinds' })
        .getByRole('button', { name: /Places/ })
        .getAttribute('aria-pressed'),
    ).toBe('false');
    await filters.getByRole('checkbox', { name: /Places/ }).check();
    await waitForCanvas(page, `cy.nodes().not('.more').every((n) => n.visible())`);
  });

  it('shows the sources of a contested claim side by side', async () => {
    const truth = await api<{ subgraph: { edges: { id: string; contested: boolean; evidence: { quote: string; stance: string }[] }[] } }>(
      stack.apiUrl,
      'query($ids: [ID!]!) { subgraph(ids: $ids) { edges { id contested evidence { quote stance } } } }',
      { ids: (await readCanvas(page)).nodes.map((n) => n.id) },
    );
    const contested = truth.subgraph.edges.find((e) => e.contested);
    expect(contested).toBeDefined();
    const table = page.getByRole('table', { name: 'Relations on the canvas' });
    await table.locator(`tr[data-relation-id="${contested!.id}"] th button`).click();
    const panel = page.locator(`section[aria-label="Relation details"][data-relation-id="${contested!.id}"]`);
    await panel.waitFor();
    const support = panel.getByRole('region', { name: 'Sources that support the claim' });
    const dispute = panel.getByRole('region', { name: 'Sources that dispute the claim' });
    const quotes = (stances: (s: string) => boolean) =>
      contested!.evidence
        .filter((e) => stances(e.stance))
        .map((e) => `“${e.quote}”`)
        .sort();
    expect((await support.locator('blockquote').allInnerTexts()).sort()).toEqual(quotes((s) => s !== 'DENIED'));
    expect((await dispute.locator('blockquote').allInnerTexts()).sort()).toEqual(quotes((s) => s === 'DENIED'));
    const a = (await support.boundingBox())!;
    const b = (await dispute.boundingBox())!;
    expect(b.x).toBeGreaterThan(a.x + a.width - 1); // side by side, not stacked
    await screenshot(page, 'actions-03-contested');
    expect(errors).toEqual([]);
  });
});
