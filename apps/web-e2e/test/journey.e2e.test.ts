import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { NodeSingular } from 'cytoscape';
import { launchChromium, screenshot, watchPageErrors } from '../src/browser';
import {
  AID,
  api,
  CSTO,
  nodeOnPage,
  openExplorer,
  readCanvas,
  SEARCH_LABEL,
  TOKAYEV,
  TOKAYEV_NAME,
  visibleIds,
  waitForCanvas,
} from '../src/explorer-page';
import { stackFromEnv } from '../src/stack';

// Set here, not only in jest.config.js: in a multi-project run jest ignores per-project timeouts.
jest.setTimeout(180_000);

/**
 * The analyst's journey, against the real API and the seeded graph: search
 * Tokayev, add him, expand a neighbour, read the evidence of his request for
 * aid, find the path to Ablyazov, narrow the dates to 5 January 2022 with the
 * timeline brush, copy the permalink and open it in a fresh browser.
 */
const stack = stackFromEnv();
const ABLYAZOV = 'mukhtar-ablyazov';
const DAY = '2022-01-05';

interface ApiRelation {
  id: string;
  label: string;
  stance: string;
  contested: boolean;
  date: string | null;
  startDate: string | null;
  endDate: string | null;
  from: { id: string; name: string };
  to: { id: string; name: string };
  evidence: { quote: string; stance: string; source: { title: string; outlet: string | null; publishedAt: string | null } }[];
}

const RELATION = `id label stance contested date startDate endDate from { id name } to { id name }
  evidence { quote stance source { title outlet publishedAt } }`;

/** The days a partial date covers, as the explorer's filter reads them. */
function overlapsDay(r: Pick<ApiRelation, 'date' | 'startDate' | 'endDate'>, day: string): boolean | null {
  // No start means open towards the past; a start without an end is still going on.
  const start = r.date ?? r.startDate;
  const end = r.date ?? r.endDate ?? (r.startDate ? '9999' : null);
  if (!end) return null;
  const first = !start ? '0000-01-01' : start.length === 4 ? `${start}-01-01` : start.length === 7 ? `${start}-01` : start;
  const lastOf = (d: string) => {
    if (d.length === 10) return d;
    if (d.length === 4) return `${d}-12-31`;
    const [y, m] = d.split('-').map(Number);
    return `${d}-${String(new Date(Date.UTC(y!, m!, 0)).getUTCDate()).padStart(2, '0')}`;
  };
  return first <= day && lastOf(end) >= day;
}

let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
let permalink = '';
let canvasBeforeLink: Awaited<ReturnType<typeof readCanvas>>;

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.webUrl });
  page = await context.newPage();
  pageErrors = watchPageErrors(page);
});
afterAll(async () => {
  await browser?.close();
});

describe("the analyst's journey", () => {
  it('1. searches "Tokayev": results grouped by kind, with icons', async () => {
    await openExplorer(page, stack.webUrl);
    const search = page.getByRole('combobox', { name: SEARCH_LABEL });
    await search.fill('Tokayev');
    const listbox = page.getByRole('listbox', { name: 'Search results' }).first();
    const option = listbox.getByRole('option', { name: new RegExp(`^${TOKAYEV_NAME}`) });
    await option.waitFor();
    const people = listbox.getByRole('group', { name: /People/ });
    expect(await people.getByRole('option', { name: new RegExp(`^${TOKAYEV_NAME}`) }).count()).toBe(1);
    expect(await people.locator('svg[data-kind]').count()).toBeGreaterThan(0);
    await screenshot(page, 'journey-01-search');
  });

  it('2. adds him: he is centred and selected, with his neighbours (capped, with "N more" when held back)', async () => {
    await page
      .getByRole('listbox', { name: 'Search results' })
      .first()
      .getByRole('option', { name: new RegExp(`^${TOKAYEV_NAME}`) })
      .click();
    await waitForCanvas(page, `cy.getElementById(arg).data('expanded') === true && cy.nodes().length > 2`, TOKAYEV);
    await page.getByRole('region', { name: 'Entity details' }).getByRole('heading', { name: TOKAYEV_NAME }).waitFor();
    // Centred: his node sits in the middle of the canvas (once the centring animation is over).
    await page.waitForFunction((id) => {
      const cy = window.__steppeCy!;
      const p = cy.getElementById(id).renderedPosition();
      return Math.abs(p.x - cy.width() / 2) < 8 && Math.abs(p.y - cy.height() / 2) < 8;
    }, TOKAYEV);

    const truth = await api<{ neighbourhood: { nodes: { id: string }[]; omittedNodes: number } }>(
      stack.apiUrl,
      'query($ids: [ID!]!, $limit: Int!) { neighbourhood(ids: $ids, limit: $limit) { nodes { id } omittedNodes } }',
      { ids: [TOKAYEV], limit: 26 },
    );
    const canvas = await readCanvas(page);
    expect(canvas.nodes.map((n) => n.id).sort()).toEqual(truth.neighbourhood.nodes.map((n) => n.id).sort());
    expect(canvas.nodes.find((n) => n.id === TOKAYEV)).toMatchObject({ selected: true, expanded: true, kind: 'Person' });
    const more = await page.evaluate(() => window.__steppeCy!.nodes('.more').map((n) => String(n.data('label'))));
    expect(more).toEqual(truth.neighbourhood.omittedNodes > 0 ? [`+${truth.neighbourhood.omittedNodes} more`] : []);
    // Every relation among the entities on the canvas is drawn (the same as a link to this view would show).
    const sub = await api<{ subgraph: { edges: { id: string }[] } }>(
      stack.apiUrl,
      'query($ids: [ID!]!) { subgraph(ids: $ids) { edges { id } } }',
      {
        ids: canvas.nodes.map((n) => n.id),
      },
    );
    expect(canvas.edges.map((e) => e.relationId).sort()).toEqual(sub.subgraph.edges.map((e) => e.id).sort());
    await screenshot(page, 'journey-02-added');
  });

  it('3. expands the CSTO with a double-click: one hop of its neighbours joins the canvas', async () => {
    const before = await readCanvas(page);
    expect(before.nodes.some((n) => n.id === CSTO)).toBe(true);
    // Model positions (not screen positions: the view may pan to show the newcomers).
    const positions = () =>
      page.evaluate(() =>
        Object.fromEntries(
          window
            .__steppeCy!.nodes()
            .not('.more')
            .map((n) => [n.id(), { ...(n as unknown as NodeSingular).position() }] as const),
        ),
      );
    const placedBefore = await positions();
    const at = await nodeOnPage(page, CSTO);
    await page.mouse.dblclick(at.x, at.y);
    await waitForCanvas(page, `cy.getElementById(arg).data('expanded') === true`, CSTO);
    const truth = await api<{ neighbourhood: { nodes: { id: string }[] } }>(
      stack.apiUrl,
      'query($ids: [ID!]!, $limit: Int!) { neighbourhood(ids: $ids, limit: $limit) { nodes { id } } }',
      { ids: [CSTO], limit: 26 },
    );
    const after = await readCanvas(page);
    const ids = new Set(after.nodes.map((n) => n.id));
    for (const n of truth.neighbourhood.nodes) expect(ids.has(n.id)).toBe(true);
    for (const n of before.nodes) expect(ids.has(n.id)).toBe(true);
    expect(after.nodes.length).toBeGreaterThan(before.nodes.length);
    expect(new Set(after.nodes.map((n) => n.id)).size).toBe(after.nodes.length);
    // Nodes already placed stayed where they were (only the newcomers were laid out around them).
    const placedAfter = await positions();
    for (const n of before.nodes) {
      const [was, is] = [placedBefore[n.id]!, placedAfter[n.id]!];
      expect({ id: n.id, moved: Math.round(Math.hypot(is.x - was.x, is.y - was.y)) }).toEqual({ id: n.id, moved: 0 });
    }
    await screenshot(page, 'journey-03-expanded');
  });

  it('4. opens the evidence of his request for aid (REQUESTED_AID_FROM): claim, stance, every source and quote', async () => {
    const edge = await page.evaluate((id) => {
      const e = window.__steppeCy!.getElementById(`relation:${id}`);
      return { exists: e.nonempty(), visible: e.visible() };
    }, AID);
    expect(edge).toEqual({ exists: true, visible: true });
    // Click the edge where it is drawn (the midpoint; centred first so nothing covers it).
    await page.evaluate((id) => {
      const cy = window.__steppeCy!;
      cy.center(cy.getElementById(`relation:${id}`));
    }, AID);
    const box = (await page.locator('[data-testid="graph-canvas"]').boundingBox())!;
    const mid = await page.evaluate((id) => window.__steppeCy!.getElementById(`relation:${id}`).renderedMidpoint(), AID);
    await page.mouse.click(box.x + mid.x, box.y + mid.y);
    const panel = page.locator(`section[aria-label="Relation details"][data-relation-id="${AID}"]`);
    await panel.waitFor({ timeout: 10_000 });

    const truth = await api<{ entity: { relations: { edges: { node: ApiRelation }[] } } }>(
      stack.apiUrl,
      `query($id: ID!, $first: Int!) { entity(id: $id) { relations(types: [REQUESTED_AID_FROM], first: $first) { edges { node { ${RELATION} } } } } }`,
      { id: TOKAYEV, first: 10 },
    );
    const relation = truth.entity.relations.edges.map((e) => e.node).find((r) => r.id === AID)!;
    expect(relation).toBeDefined();
    const claim = (await panel.getByRole('heading', { level: 2 }).innerText()).replace(/\s+/g, ' ');
    expect(claim).toBe(`${relation.from.name} ${relation.label} ${relation.to.name}`);
    expect(await panel.locator('dl dt + dd [data-stance]').first().innerText()).toBe(relation.stance.toLowerCase());
    const quotes = await panel.locator('blockquote').allInnerTexts();
    expect(quotes.sort()).toEqual(relation.evidence.map((e) => `“${e.quote}”`).sort());
    for (const e of relation.evidence) {
      expect(await panel.getByText(e.source.title, { exact: true }).first().isVisible()).toBe(true);
      if (e.source.outlet) expect(await panel.getByText(e.source.outlet, { exact: true }).first().isVisible()).toBe(true);
    }
    expect(await page.evaluate(() => window.__steppeCy!.$(':selected').map((e) => e.id()))).toEqual([`relation:${AID}`]);
    await screenshot(page, 'journey-04-evidence');
  });

  it('5. finds the path to Ablyazov (searched by name): hops listed with evidence, highlighted on the canvas', async () => {
    const paths = page.getByRole('region', { name: 'Paths' });
    const from = paths.getByRole('combobox', { name: 'Path from' });
    await from.fill('Tokayev');
    await paths.getByRole('option', { name: new RegExp(`^${TOKAYEV_NAME}`) }).click();
    await paths.getByTestId('path-from').filter({ hasText: TOKAYEV_NAME }).waitFor();
    const to = paths.getByRole('combobox', { name: 'Path to' });
    await to.fill('Ablyazov');
    await paths
      .getByRole('option', { name: /Ablyazov/ })
      .first()
      .click();
    await paths.getByTestId('path-to').filter({ hasText: 'Ablyazov' }).waitFor();
    await paths.getByRole('button', { name: 'Find shortest paths' }).click();
    await paths.getByText(/shortest paths? of \d+ hops?, highlighted on the canvas/).waitFor({ timeout: 30_000 });
    await waitForCanvas(page, `cy.nodes('.on-path').length > 0 && cy.getElementById(arg).nonempty()`, ABLYAZOV);

    const truth = await api<{ paths: { length: number; nodes: { id: string }[]; relations: ApiRelation[] }[] }>(
      stack.apiUrl,
      `query($from: ID!, $to: ID!, $maxHops: Int!, $limit: Int!) { paths(from: $from, to: $to, maxHops: $maxHops, mode: ALL_SHORTEST, limit: $limit) {
        length nodes { id } relations { ${RELATION} } } }`,
      { from: TOKAYEV, to: ABLYAZOV, maxHops: 4, limit: 5 },
    );
    expect(truth.paths.length).toBeGreaterThan(0);
    const shown = paths.locator('li[aria-label^="Path "]');
    expect(await shown.count()).toBe(truth.paths.length);
    for (const [i, p] of truth.paths.entries()) {
      const hops = await shown
        .nth(i)
        .locator('li[data-relation-id]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-relation-id')));
      expect(hops).toEqual(p.relations.map((r) => r.id));
      expect(p.nodes[0]!.id).toBe(TOKAYEV);
      expect(p.nodes[p.nodes.length - 1]!.id).toBe(ABLYAZOV);
      // Each hop quotes its first source.
      expect(await shown.nth(i).locator('blockquote').count()).toBe(p.relations.filter((r) => r.evidence.length > 0).length);
    }
    const canvas = await readCanvas(page);
    const onPath = new Set(truth.paths.flatMap((p) => [...p.nodes.map((n) => n.id), ...p.relations.map((r) => `relation:${r.id}`)]));
    for (const id of onPath) {
      const el = canvas.nodes.find((n) => n.id === id) ?? canvas.edges.find((e) => e.id === id);
      expect(el?.classes).toContain('on-path');
      expect(el?.visible).toBe(true);
    }
    expect(canvas.nodes.filter((n) => n.classes.includes('on-path')).length).toBe(
      new Set(truth.paths.flatMap((p) => p.nodes.map((n) => n.id))).size,
    );
    await screenshot(page, 'journey-05-path');
  });

  it('6. narrows the dates to 5 January 2022 by brushing the timeline: the rest is hidden, not removed', async () => {
    const before = await readCanvas(page);
    const filters = page.getByRole('region', { name: 'Filters' });
    // Drill down: brush the bar that holds 5 January (a year or month first), until the range is that day.
    for (let i = 0; i < 4; i++) {
      if ((await filters.getByLabel('From date').inputValue()) === DAY && (await filters.getByLabel('To date').inputValue()) === DAY) break;
      await filters.locator('figure[data-unit] svg').scrollIntoViewIfNeeded();
      const bar = filters.locator('rect[data-count]');
      const target = await bar.evaluateAll(
        (els, day) => els.findIndex((el) => (el.getAttribute('data-start') ?? '') <= day && (el.getAttribute('data-end') ?? '') >= day),
        DAY,
      );
      expect(target).toBeGreaterThanOrEqual(0);
      const slot = await bar.nth(target).boundingBox();
      const svg = (await filters.locator('figure[data-unit] svg').boundingBox())!;
      const x = slot!.x + slot!.width / 2;
      const y = svg.y + svg.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + 0.5, y);
      await page.mouse.up();
    }
    expect(await filters.getByLabel('From date').inputValue()).toBe(DAY);
    expect(await filters.getByLabel('To date').inputValue()).toBe(DAY);
    expect(await filters.locator('figure[data-unit]').getAttribute('data-unit')).toBe('day');

    const truth = await api<{ subgraph: { edges: ApiRelation[] } }>(
      stack.apiUrl,
      `query($ids: [ID!]!) { subgraph(ids: $ids) { edges { ${RELATION} } } }`,
      { ids: before.nodes.map((n) => n.id) },
    );
    // Undated relations stay (the API's rule); dated ones only if they cover 5 January.
    const expected = truth.subgraph.edges
      .filter((r) => overlapsDay(r, DAY) !== false)
      .map((r) => `relation:${r.id}`)
      .sort();
    const after = await readCanvas(page);
    expect(visibleIds(after.edges)).toEqual(expected);
    expect(truth.subgraph.edges.some((r) => overlapsDay(r, DAY) === false)).toBe(true);
    expect(visibleIds(after.edges)).toContain(`relation:${AID}`);
    // Hidden, not removed: every element is still on the canvas.
    expect(after.nodes.map((n) => n.id).sort()).toEqual(before.nodes.map((n) => n.id).sort());
    expect(after.edges.map((e) => e.id).sort()).toEqual(before.edges.map((e) => e.id).sort());
    expect(await page.getByTestId('canvas-counts').innerText()).toMatch(
      new RegExp(`${expected.length} of ${after.edges.length} relations shown`),
    );
    await screenshot(page, 'journey-06-dates');
  });

  it('7. copies the permalink', async () => {
    await page.getByRole('button', { name: 'Copy link' }).click();
    const field = page.getByRole('textbox', { name: 'Permalink' });
    await field.waitFor();
    permalink = await field.inputValue();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(permalink);
    expect(await page.getByText('Link copied.').isVisible()).toBe(true);
    const url = new URL(permalink);
    expect(url.searchParams.get('from')).toBe(DAY);
    expect(url.searchParams.get('to')).toBe(DAY);
    expect(url.searchParams.get('e')?.split(',')).toContain(TOKAYEV);
    expect(url.searchParams.get('pt')).toBe(ABLYAZOV);
    canvasBeforeLink = await readCanvas(page);
    await screenshot(page, 'journey-07-permalink');
    expect(pageErrors).toEqual([]);
  });

  it('8. opens the permalink in a fresh browser and sees the same view', async () => {
    const fresh = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const other = await fresh.newPage();
      const errors = watchPageErrors(other);
      await other.goto(permalink);
      await waitForCanvas(other, `cy.nodes().length >= arg && cy.nodes('.on-path').length > 0`, canvasBeforeLink.nodes.length);
      const canvas = await readCanvas(other);
      expect(canvas.nodes.map((n) => n.id).sort()).toEqual(canvasBeforeLink.nodes.map((n) => n.id).sort());
      expect(canvas.edges.map((e) => e.id).sort()).toEqual(canvasBeforeLink.edges.map((e) => e.id).sort());
      expect(visibleIds(canvas.nodes)).toEqual(visibleIds(canvasBeforeLink.nodes));
      expect(visibleIds(canvas.edges)).toEqual(visibleIds(canvasBeforeLink.edges));
      const selected = (s: typeof canvas) =>
        [...s.nodes, ...s.edges]
          .filter((e) => e.selected)
          .map((e) => e.id)
          .sort();
      expect(selected(canvas)).toEqual(selected(canvasBeforeLink));
      const onPath = (s: typeof canvas) =>
        [...s.nodes, ...s.edges]
          .filter((e) => e.classes.includes('on-path'))
          .map((e) => e.id)
          .sort();
      expect(onPath(canvas)).toEqual(onPath(canvasBeforeLink));
      const expanded = (s: typeof canvas) =>
        s.nodes
          .filter((n) => n.expanded)
          .map((n) => n.id)
          .sort();
      expect(expanded(canvas)).toEqual(expanded(canvasBeforeLink));
      const filters = other.getByRole('region', { name: 'Filters' });
      expect(await filters.getByLabel('From date').inputValue()).toBe(DAY);
      expect(await filters.getByLabel('To date').inputValue()).toBe(DAY);
      expect(await other.getByLabel('Layout').inputValue()).toBe(await page.getByLabel('Layout').inputValue());
      // The address bar holds the same view, picture included, once the canvas has drawn it (the positions and
      // the viewport are written back after the layout settles, as first-hour.e2e waits for after a restore).
      await other.waitForURL((url) => url.href === permalink, { timeout: 15_000 }).catch(() => undefined);
      expect(other.url()).toBe(permalink);
      await screenshot(other, 'journey-08-permalink-opened');

      // Filter changes replace the history entry instead of piling up (issue 12): clearing them adds none,
      // and every relation is shown again.
      const entries = await other.evaluate(() => history.length);
      await filters.getByRole('button', { name: 'Clear filters' }).click();
      await other.waitForFunction(() => !new URL(location.href).searchParams.has('from'));
      await filters.getByLabel('From date').and(other.locator('[value=""]')).waitFor();
      expect(await other.evaluate(() => history.length)).toBe(entries);
      await waitForCanvas(other, 'true');
      expect(visibleIds((await readCanvas(other)).edges)).toEqual(canvas.edges.map((e) => e.id).sort());
      expect(errors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
