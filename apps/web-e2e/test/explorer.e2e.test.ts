import type { Browser, Page } from 'playwright-core';
import type { Core } from 'cytoscape';
import { launchChromium, screenshot, watchPageErrors } from '../src/browser';
import { stackFromEnv } from '../src/stack';

declare global {
  interface Window {
    /** The explorer's test hook (apps/web/src/graph/test-hook.ts). */
    __steppeCy?: Core;
  }
}

// Set here, not only in jest.config.js: in a multi-project run (steppe-stack test) jest ignores per-project timeouts.
jest.setTimeout(120_000);

const stack = stackFromEnv();
const ENTITY_ID = 'kassym-jomart-tokayev';
const ENTITY_NAME = 'Kassym-Jomart Tokayev';
const SEARCH_LABEL = 'Search people, organisations, places and events';

interface ApiRelation {
  id: string;
  label: string;
  stance: string;
  contested: boolean;
  from: { id: string; name: string };
  to: { id: string; name: string };
  evidence: { quote: string; source: { title: string; outlet: string | null } }[];
}

/** Asks the API directly (from Node), to know what the page should show. */
async function apiRelations(entityId: string): Promise<ApiRelation[]> {
  const res = await fetch(stack.apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      // `first` as a variable, as the explorer sends it (the API's cost limit multiplies a literal `first`).
      query: `query($id: ID!, $first: Int!) { entity(id: $id) { relations(first: $first) { edges { node {
        id label stance contested from { id name } to { id name } evidence { quote source { title outlet } } } } } } }`,
      variables: { id: entityId, first: 50 },
    }),
  });
  const body = (await res.json()) as { data?: { entity: { relations: { edges: { node: ApiRelation }[] } } | null }; errors?: unknown };
  if (!body.data?.entity) throw new Error(`The API has no ${entityId}: ${JSON.stringify(body.errors ?? body)}`);
  return body.data.entity.relations.edges.map((e) => e.node);
}

/** What Cytoscape holds right now. */
function readCanvas(page: Page) {
  return page.evaluate(() => {
    const cy = window.__steppeCy;
    if (!cy) throw new Error('window.__steppeCy is not set');
    return {
      nodes: cy.nodes().map((n) => ({ id: n.id(), label: String(n.data('label')), kind: String(n.data('kind')) })),
      edges: cy
        .edges()
        .map((e) => ({ id: e.id(), relationId: String(e.data('relationId')), source: e.source().id(), target: e.target().id() })),
    };
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the explorer, against the real API and a seeded graph', () => {
  it('finds Tokayev, draws him with his neighbours, and shows the evidence behind an edge', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const pageErrors = watchPageErrors(page);
    try {
      await page.goto(stack.webUrl);
      await page.getByRole('heading', { name: 'Steppe', level: 1 }).waitFor();
      await page.getByText('The canvas is empty.').waitFor();

      // Search: debounced typing, results as a listbox grouped by kind.
      const search = page.getByRole('combobox', { name: SEARCH_LABEL });
      await search.fill('Tokayev');
      const listbox = page.getByRole('listbox', { name: 'Search results' });
      const option = listbox.getByRole('option', { name: new RegExp(`^${ENTITY_NAME}`) });
      await option.waitFor();
      expect(
        await listbox
          .getByRole('group', { name: /People/ })
          .getByRole('option', { name: new RegExp(`^${ENTITY_NAME}`) })
          .count(),
      ).toBe(1);
      expect(await search.getAttribute('aria-expanded')).toBe('true');
      await screenshot(page, '01-search-results');

      // Choose it: the entity and its neighbours arrive on the canvas.
      await option.click();
      await page.waitForFunction(
        (name) => {
          const cy = window.__steppeCy;
          const canvas = document.querySelector<HTMLElement>('[data-testid="graph-canvas"]');
          return !!cy && cy.nodes().length >= 2 && cy.nodes().some((n) => n.data('label') === name) && canvas?.dataset.layout === 'idle';
        },
        ENTITY_NAME,
        { timeout: 30_000 },
      );
      const canvas = await readCanvas(page);
      expect(canvas.nodes.length).toBeGreaterThanOrEqual(2);
      expect(canvas.nodes.map((n) => n.label)).toContain(ENTITY_NAME);
      expect(canvas.nodes.find((n) => n.id === ENTITY_ID)?.kind).toBe('Person');
      expect(new Set(canvas.nodes.map((n) => n.id)).size).toBe(canvas.nodes.length);
      // Every one of his relations to an entity on the canvas is drawn, and every edge drawn joins two entities on the canvas.
      const relations = await apiRelations(ENTITY_ID);
      const onCanvas = new Set(canvas.nodes.map((n) => n.id));
      const drawn = new Set(canvas.edges.map((e) => e.relationId));
      for (const r of relations) expect(drawn.has(r.id)).toBe(onCanvas.has(r.from.id) && onCanvas.has(r.to.id));
      for (const edge of canvas.edges) expect(onCanvas.has(edge.source) && onCanvas.has(edge.target)).toBe(true);
      expect(canvas.edges.filter((e) => e.source === ENTITY_ID || e.target === ENTITY_ID).length).toBeGreaterThan(0);
      // The chosen entity is selected and described.
      const entityPanel = page.getByRole('region', { name: 'Entity details' });
      await entityPanel.getByRole('heading', { name: ENTITY_NAME }).waitFor();
      await screenshot(page, '02-graph');

      // Click an edge on the canvas (at its drawn midpoint; the longest edges first, away from node clutter).
      const box = (await page.locator('[data-testid="graph-canvas"]').boundingBox())!;
      const targets = await page.evaluate(() =>
        window
          .__steppeCy!.edges()
          .map((e) => {
            const m = e.renderedMidpoint();
            const s = e.source().renderedPosition();
            const t = e.target().renderedPosition();
            return { relationId: String(e.data('relationId')), x: m.x, y: m.y, length: Math.hypot(s.x - t.x, s.y - t.y) };
          })
          .sort((a, b) => b.length - a.length),
      );
      let opened: ApiRelation | undefined;
      for (const target of targets.filter((t) => relations.some((r) => r.id === t.relationId)).slice(0, 6)) {
        await page.mouse.click(box.x + target.x, box.y + target.y);
        const panel = page.locator(`section[aria-label="Relation details"][data-relation-id="${target.relationId}"]`);
        if (
          await panel.waitFor({ timeout: 2_000 }).then(
            () => true,
            () => false,
          )
        ) {
          opened = relations.find((r) => r.id === target.relationId);
          break;
        }
      }
      expect(opened).toBeDefined();
      const relation = opened!;

      // The claim, its stance and contested flag, and every piece of evidence with its source.
      const panel = page.getByRole('region', { name: 'Relation details' });
      const claim = (await panel.getByRole('heading', { level: 2 }).innerText()).replace(/\s+/g, ' ');
      expect(claim).toBe(`${relation.from.name} ${relation.label} ${relation.to.name}`);
      const facts = panel.locator('dl').first();
      expect(await facts.locator('dt + dd', { has: page.locator('[data-stance]') }).innerText()).toBe(relation.stance.toLowerCase());
      expect(
        await facts.getByText(relation.contested ? 'Contested: sources disagree' : 'No source disputes it', { exact: true }).isVisible(),
      ).toBe(true);
      expect(relation.evidence.length).toBeGreaterThan(0);
      const quotes = panel.locator('blockquote');
      expect(await quotes.count()).toBe(relation.evidence.length);
      const shown = await quotes.allInnerTexts();
      for (const evidence of relation.evidence) {
        expect(shown).toContain(`“${evidence.quote}”`);
        expect(await panel.getByText(evidence.source.title, { exact: true }).first().isVisible()).toBe(true);
      }
      expect(await quotes.first().isVisible()).toBe(true);
      // Cytoscape agrees about what is selected.
      const selected = await page.evaluate(() => window.__steppeCy!.$(':selected').map((e) => String(e.data('relationId'))));
      expect(selected).toEqual([relation.id]);
      await screenshot(page, '03-edge-evidence');

      expect(pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("says it can't reach the API, and picks up again once the API answers", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      // The browser's requests to the API fail as if nothing listened there.
      await page.route(stack.apiUrl, (route) => route.abort('connectionrefused'));
      await page.goto(stack.webUrl);
      await page.getByRole('combobox', { name: SEARCH_LABEL }).fill('Tokayev');
      const banner = page.getByRole('alert').filter({ hasText: "Can't reach the Steppe API at" });
      await banner.waitFor({ timeout: 15_000 });
      expect(await banner.innerText()).toContain(`Can't reach the Steppe API at ${stack.apiUrl}.`);
      await screenshot(page, '04-api-unreachable');

      // The API "comes back": the health poll notices, the banner goes, the search runs again.
      await page.unroute(stack.apiUrl);
      await banner.waitFor({ state: 'detached', timeout: 15_000 });
      await page.getByRole('option', { name: new RegExp(`^${ENTITY_NAME}`) }).waitFor({ timeout: 15_000 });
      await screenshot(page, '05-api-back');
    } finally {
      await page.close();
    }
  });
});
