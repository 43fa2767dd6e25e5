import type { Page } from 'playwright-core';
import { screenshot } from '../src/browser';
import { api, openExplorer, SEARCH_LABEL, tabTo, waitForCanvas } from '../src/explorer-page';
import { stackFromEnv } from '../src/stack';
import { newPagePerTest } from '../src/test-page';

jest.setTimeout(180_000);

/**
 * The document reader: from a quote of a contested claim, "Read in source" opens the document at that quote
 * (a visible <mark> holding it, scrolled into view), activating another mark selects the relation it is cited
 * for, and Escape gives the keyboard back to the quote; keyboard only, at two window sizes. The explorer's
 * search lists passages of the documents ("In the documents") and opens the reader at one. What should be
 * marked or found is asked of the API.
 */
const stack = stackFromEnv();

interface Evidence {
  quote: string;
  source: { id: string; title: string };
  selector: { start: number; end: number };
}
interface Claim {
  id: string;
  evidence: Evidence[];
}

async function contestedClaims(): Promise<Claim[]> {
  const data = await api<{ relations: { edges: { node: Claim }[] } }>(
    stack.apiUrl,
    '{ relations(contested: true, first: 50) { edges { node { id evidence { quote source { id title } selector { start end } } } } } }',
  );
  return data.relations.edges.map((e) => e.node);
}

/** Every relation the document is cited for, with where. */
async function citations(sourceId: string): Promise<{ id: string; start: number; end: number }[]> {
  const data = await api<{ source: { relations: { edges: { node: Claim }[] } } }>(
    stack.apiUrl,
    'query($id: ID!) { source(id: $id) { relations(first: 100) { edges { node { id evidence { quote source { id title } selector { start end } } } } } } }',
    { id: sourceId },
  );
  return data.source.relations.edges.flatMap(({ node }) =>
    node.evidence.filter((e) => e.source.id === sourceId).map((e) => ({ id: node.id, start: e.selector.start, end: e.selector.end })),
  );
}

let page: Page;
const newPage = newPagePerTest();

async function open(width: number, height: number) {
  ({ page } = await newPage({ width, height }));
  await openExplorer(page, stack.webUrl);
}

const relationPanel = () => page.getByRole('region', { name: 'Relation details' });

/** Whether the element is inside the window and inside every scrolling box around it. */
function inView(el: Element): boolean {
  const r = el.getBoundingClientRect();
  if (r.top < 0 || r.bottom > window.innerHeight) return false;
  for (let p = el.parentElement; p; p = p.parentElement) {
    const s = getComputedStyle(p);
    if (s.overflowY !== 'auto' && s.overflowY !== 'scroll') continue;
    const b = p.getBoundingClientRect();
    if (r.top < b.top - 1 || r.bottom > b.bottom + 1) return false;
  }
  return true;
}

describe.each([
  [1280, 720],
  [1024, 768],
])('the document reader at %ix%i', (width, height) => {
  it('keyboard only: opens a quote in its document, selects another passage’s relation, and Escape goes back to the quote', async () => {
    await open(width, height);
    const claims = await contestedClaims();
    const first = claims[0]!;
    const quote = first.evidence[0]!;

    // The claims panel is folded away below 1400 px: open it from the toolbar, then show the contested claims.
    const panelToggle = page.getByRole('button', { name: 'Claims, filters and paths' });
    await tabTo(page, panelToggle, 60);
    if ((await panelToggle.getAttribute('aria-pressed')) !== 'true') await page.keyboard.press('Enter');
    const contested = page.getByRole('button', { name: /^Contested claims \(\d+\)/ });
    await contested.waitFor();
    await tabTo(page, contested, 120);
    await page.keyboard.press('Enter');
    await relationPanel()
      .and(page.locator(`[data-relation-id="${first.id}"]`))
      .waitFor();

    const read = relationPanel()
      .getByRole('button', { name: `Read in source: ${quote.source.title}` })
      .first();
    await tabTo(page, read, 200);
    await page.keyboard.press('Enter');

    const reader = page.getByRole('region', { name: `Document: ${quote.source.title}` });
    await reader.waitFor();
    const current = reader.locator('mark[aria-current="true"]');
    await current.waitFor({ state: 'visible' });
    expect(await current.textContent()).toContain(quote.quote);
    // Scrolled into view (in the window and in the text's own scroll box), and the keyboard is on it.
    await page.waitForFunction(() => {
      const el = document.querySelector('mark[aria-current="true"]');
      return el !== null && document.activeElement === el;
    });
    expect(await current.evaluate(inView)).toBe(true);
    // The rest of the document is there around it, and every cited passage of it is marked.
    const docText = (await reader.getByRole('document', { name: 'Document text' }).textContent()) ?? '';
    expect(docText.length).toBeGreaterThan(quote.quote.length * 3);
    const cited = await citations(quote.source.id);
    const marks = await reader
      .locator('mark')
      .evaluateAll((els) => els.map((el) => ({ start: Number(el.getAttribute('data-start')), end: Number(el.getAttribute('data-end')) })));
    for (const c of cited) expect(marks.some((m) => m.start <= c.start && c.end <= m.end)).toBe(true);
    // Its metadata: the outlet or date where the document states them.
    await reader.getByText('Source document').waitFor();
    // The document and its side list scroll inside the reader, the panels inside their columns: the page never does.
    expect(await page.evaluate(() => [document.scrollingElement!.scrollHeight, window.innerHeight])).toEqual([height, height]);
    await screenshot(page, `reader-01-opened-at-quote-${width}`);

    // The next mark (or the previous one, when the quote is the document's last): activate it with Enter.
    await page.keyboard.press('Tab');
    let tag = await page.evaluate(() => document.activeElement?.tagName);
    if (tag !== 'MARK') {
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      tag = await page.evaluate(() => document.activeElement?.tagName);
    }
    expect(tag).toBe('MARK');
    const next = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { start: Number(el.getAttribute('data-start')), end: Number(el.getAttribute('data-end')) };
    });
    await page.keyboard.press('Enter');
    const expected = cited.filter((c) => c.start < next.end && c.end > next.start).map((c) => c.id);
    expect(expected.length).toBeGreaterThan(0);
    await page.waitForFunction(
      (ids) => ids.includes(document.querySelector('[aria-label="Relation details"]')?.getAttribute('data-relation-id') ?? ''),
      expected,
    );
    // On the canvas too (brought in when it was not there).
    await waitForCanvas(page, 'arg.some((id) => cy.edges().some((e) => e.data("relationId") === id))', expected);
    await reader.getByRole('region', { name: 'Cited for' }).waitFor();
    await screenshot(page, `reader-02-another-passage-selected-${width}`);

    // Escape closes the reader; the keyboard is back on the quote's "Read in source" in the details.
    await page.keyboard.press('Escape');
    await reader.waitFor({ state: 'detached' });
    await page.waitForFunction((id) => document.activeElement?.getAttribute('data-read-source') === id, quote.source.id);
  });
});

describe('the document reader', () => {
  it('puts everything a document supports on the canvas, and names the entities it mentions', async () => {
    await open(1280, 720);
    const claims = await contestedClaims();
    const quote = claims[0]!.evidence[0]!;
    await page.getByRole('button', { name: 'Claims, filters and paths' }).click();
    await page.getByRole('button', { name: /^Contested claims \(\d+\)/ }).click();
    // A handful of entities: once laid out, every one of them is in view (the selected claim is not centred
    // on where it stood before the layout, which left most of the picture off screen).
    await waitForCanvas(
      page,
      `cy.edges().length >= arg && cy.nodes().every((n) => { const p = n.renderedPosition(); return p.x >= 0 && p.y >= 0 && p.x <= cy.width() && p.y <= cy.height(); })`,
      claims.length,
    );
    await relationPanel()
      .getByRole('button', { name: `Read in source: ${quote.source.title}` })
      .first()
      .click();
    const reader = page.getByRole('region', { name: `Document: ${quote.source.title}` });
    await reader.getByRole('button', { name: /^Show everything this document supports/ }).click();
    const ids = [...new Set((await citations(quote.source.id)).map((c) => c.id))];
    expect(ids.length).toBeGreaterThan(1);
    await waitForCanvas(page, 'arg.every((id) => cy.edges().some((e) => e.data("relationId") === id))', ids);
    const named = reader.getByRole('region', { name: 'Named in this document' });
    await named
      .getByText(/on the canvas/)
      .first()
      .waitFor();
    await screenshot(page, 'reader-03-everything-it-supports');
  });

  it('search: "In the documents" lists passages under the entities, and choosing one opens the reader there', async () => {
    await open(1280, 720);
    const query = 'coordination';
    const found = await api<{ searchDocuments: { passages: { start: number; end: number; source: { id: string; title: string } }[] } }>(
      stack.apiUrl,
      'query($q: String!) { searchDocuments(query: $q, first: 5) { passages { start end source { id title } } } }',
      { q: query },
    );
    const best = found.searchDocuments.passages[0]!;
    expect(best).toBeDefined();

    await page.keyboard.press('/');
    const search = page.getByRole('combobox', { name: SEARCH_LABEL });
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(query);
    const group = page.getByRole('group', { name: 'In the documents' });
    await group.waitFor();
    const options = group.getByRole('option');
    expect(await options.count()).toBe(found.searchDocuments.passages.length);
    expect(await options.first().getAttribute('data-source-id')).toBe(best.source.id);
    await options.first().locator('mark').first().waitFor();
    await screenshot(page, 'reader-04-search-in-the-documents');

    // Arrow down to the first passage (after any entity options) and choose it with Enter.
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('ArrowDown');
      const on = await page.evaluate(() => {
        const id = document.activeElement?.getAttribute('aria-activedescendant');
        return id ? (document.getElementById(id)?.getAttribute('data-source-id') ?? null) : null;
      });
      if (on) break;
    }
    await page.keyboard.press('Enter');
    const reader = page.getByRole('region', { name: `Document: ${best.source.title}` });
    await reader.waitFor();
    // The passage is set apart (or, when a quote covers it, its mark is the current one) and scrolled into view.
    const target = reader.locator(`[data-found="true"], mark[aria-current="true"]`).first();
    await target.waitFor({ state: 'visible' });
    const range = { start: Number(await target.getAttribute('data-start')), end: Number(await target.getAttribute('data-end')) };
    expect(range.start).toBeLessThanOrEqual(best.start);
    expect(range.end).toBeGreaterThanOrEqual(best.end);
    await page.waitForFunction(() => document.activeElement?.matches('[data-found="true"], mark[aria-current="true"]') ?? false);
    expect(await target.evaluate(inView)).toBe(true);
    await screenshot(page, 'reader-05-opened-at-search-passage');
  });
});
