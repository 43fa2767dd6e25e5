import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot, watchPageErrors } from '../src/browser';
import { api, tabTo, waitForCanvas } from '../src/explorer-page';
import { stackFromEnv } from '../src/stack';

jest.setTimeout(180_000);

/**
 * The document reader: from a quote of a contested claim, "Read in source" opens the
 * document at that quote (a visible <mark> holding it), and activating another mark
 * selects the relation it is cited for, keyboard only. What should be marked is asked of the API.
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

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  errors = watchPageErrors(page);
  await page.goto(stack.webUrl);
  await page.getByText('The canvas is empty.').waitFor();
});
afterEach(async () => {
  expect(errors).toEqual([]);
  await page.close();
});

const relationPanel = () => page.getByRole('region', { name: 'Relation details' });

describe('the document reader', () => {
  it('keyboard only: open a quote in its document, then select another passage’s relation', async () => {
    const claims = await contestedClaims();
    const first = claims[0]!;
    const quote = first.evidence[0]!;

    const contested = page.getByRole('button', { name: /^Contested claims/ });
    await page.waitForFunction(() => /Contested claims \(\d+\)/.test(document.body.innerText));
    await tabTo(page, contested, 120);
    await page.keyboard.press('Enter');
    await relationPanel().and(page.locator(`[data-relation-id="${first.id}"]`)).waitFor();

    const read = relationPanel().getByRole('button', { name: `Read in source: ${quote.source.title}` }).first();
    await tabTo(page, read, 200);
    await page.keyboard.press('Enter');

    const reader = page.getByRole('region', { name: `Document: ${quote.source.title}` });
    await reader.waitFor();
    const current = reader.locator('mark[aria-current="true"]');
    await current.waitFor({ state: 'visible' });
    expect(await current.textContent()).toContain(quote.quote);
    // Scrolled into view, and the keyboard is on it.
    expect(await current.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight && document.activeElement === el;
    })).toBe(true);
    // Every cited passage of the document is marked.
    const cited = await citations(quote.source.id);
    const marks = await reader.locator('mark').evaluateAll((els) => els.map((el) => ({ start: Number(el.getAttribute('data-start')), end: Number(el.getAttribute('data-end')) })));
    for (const c of cited) expect(marks.some((m) => m.start <= c.start && c.end <= m.end)).toBe(true);
    await screenshot(page, 'reader-01-opened-at-quote');

    // Tab to the next mark and activate it: its relation is selected in the details.
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { tag: el.tagName, start: Number(el.getAttribute('data-start')), end: Number(el.getAttribute('data-end')) };
    });
    expect(next.tag).toBe('MARK');
    await page.keyboard.press('Enter');
    const expected = cited.filter((c) => c.start < next.end && c.end > next.start).map((c) => c.id);
    expect(expected.length).toBeGreaterThan(0);
    await page.waitForFunction(
      (ids) => ids.includes(document.querySelector('[aria-label="Relation details"]')?.getAttribute('data-relation-id') ?? ''),
      expected,
    );
    await waitForCanvas(page, 'arg.some((id) => cy.edges().some((e) => e.data("relationId") === id))', expected);
    await reader.getByRole('region', { name: 'Cited for' }).waitFor();
    await screenshot(page, 'reader-02-another-passage-selected');

    // Escape closes the reader.
    await page.keyboard.press('Escape');
    await reader.waitFor({ state: 'detached' });
  });

  it('puts everything a document supports on the canvas', async () => {
    const claims = await contestedClaims();
    const quote = claims[0]!.evidence[0]!;
    await page.getByRole('button', { name: /^Contested claims \(\d+\)/ }).click();
    await relationPanel().getByRole('button', { name: `Read in source: ${quote.source.title}` }).first().click();
    const reader = page.getByRole('region', { name: `Document: ${quote.source.title}` });
    await reader.getByRole('button', { name: /^Show everything this document supports/ }).click();
    const ids = [...new Set((await citations(quote.source.id)).map((c) => c.id))];
    await waitForCanvas(page, 'arg.every((id) => cy.edges().some((e) => e.data("relationId") === id))', ids);
    await reader.getByRole('region', { name: 'Named in this document' }).getByRole('button').first().waitFor();
    await screenshot(page, 'reader-03-everything-it-supports');
  });
});
