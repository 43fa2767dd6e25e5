import type { Locator, Page } from 'playwright-core';
import type { Core, EdgeSingular } from 'cytoscape';

declare global {
  interface Window {
    /** The explorer's test hook (apps/web/src/graph/test-hook.ts). */
    __steppeCy?: Core;
  }
}

export const SEARCH_LABEL = 'Search people, organisations, places and events';

export interface CanvasNode {
  id: string;
  label: string;
  kind: string;
  classes: string[];
  visible: boolean;
  selected: boolean;
  expanded: boolean;
}

export interface CanvasEdge {
  id: string;
  relationId: string;
  source: string;
  target: string;
  classes: string[];
  visible: boolean;
  selected: boolean;
}

export interface CanvasSnapshot {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
}

/** What Cytoscape holds right now (entities and relations; "+N more" pseudo-elements apart). */
export function readCanvas(page: Page): Promise<CanvasSnapshot> {
  return page.evaluate(() => {
    const cy = window.__steppeCy;
    if (!cy) throw new Error('window.__steppeCy is not set');
    return {
      nodes: cy
        .nodes()
        .not('.more')
        .map((n) => ({
          id: n.id(),
          label: String(n.data('label')),
          kind: String(n.data('kind')),
          classes: n.classes(),
          visible: n.visible(),
          selected: n.selected(),
          expanded: n.data('expanded') === true,
        })),
      edges: cy
        .edges()
        .not('.more')
        .map((e) => ({
          id: e.id(),
          relationId: String(e.data('relationId')),
          source: (e as unknown as EdgeSingular).source().id(),
          target: (e as unknown as EdgeSingular).target().id(),
          classes: e.classes(),
          visible: e.visible(),
          selected: e.selected(),
        })),
    };
  });
}

/**
 * Waits until the canvas holds what `predicate` wants and no layout is running.
 * `predicate` is an expression over `cy` (the canvas's Cytoscape) and `arg`.
 *
 * It is polled from here, one `page.evaluate` at a time, rather than with
 * `page.waitForFunction`: a string given to waitForFunction is an *expression*
 * (the string of an arrow function evaluates to the function, which is truthy,
 * so such a wait returned at once), and waitForFunction's later polls run as the
 * page's own tasks, where its Content-Security-Policy (no 'unsafe-eval') rightly
 * forbids compiling a string. Each `page.evaluate` runs through the DevTools
 * protocol, which that policy does not govern, so the page keeps its real policy.
 */
export async function waitForCanvas(page: Page, predicate: string, arg?: unknown, timeout = 30_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last: unknown = null;
  for (;;) {
    try {
      const done = await page.evaluate(
        ({ body, value }) => {
          const cy = window.__steppeCy;
          const el = document.querySelector<HTMLElement>('[data-testid="graph-canvas"]');
          if (!cy || !el || el.dataset.layout !== 'idle') return false;
          // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the test's own predicate, compiled over the DevTools protocol
          return Boolean(new Function('cy', 'arg', `return (${body});`)(cy, value));
        },
        { body: predicate, value: arg ?? null },
      );
      if (done) return;
      last = null;
    } catch (error) {
      // A navigation replaced the page's context: poll the new one. A broken predicate fails at the deadline, with its error.
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `waitForCanvas: \`${predicate}\` (arg ${JSON.stringify(arg)}) did not hold within ${timeout} ms${last ? `: ${String(last)}` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Where a node is drawn, in page coordinates. */
export async function nodeOnPage(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator('[data-testid="graph-canvas"]').boundingBox())!;
  const p = await page.evaluate((nodeId) => window.__steppeCy!.getElementById(nodeId).renderedPosition(), id);
  return { x: box.x + p.x, y: box.y + p.y };
}

/** A GraphQL request from Node, to know what the page should show. */
export async function api<T>(apiUrl: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(`GraphQL error: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

/** Presses Tab until `target` has focus (proves it is reachable from the keyboard). */
export async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach ${String(target)} with ${max} Tab presses`);
}

export function visibleIds<T extends { id: string; visible: boolean }>(items: readonly T[]): string[] {
  return items
    .filter((i) => i.visible)
    .map((i) => i.id)
    .sort();
}

/** Entities and a relation of the seeded graph (graph-seed) that several browser tests start from. */
export const TOKAYEV = 'kassym-jomart-tokayev';
export const TOKAYEV_NAME = 'Kassym-Jomart Tokayev';
export const CSTO = 'csto';
export const AID = 'kassym-jomart-tokayev-requested-aid-from-csto';
export const UNREST = 'kazakhstan-unrest-2022';

/**
 * Opens the explorer with an empty canvas and waits until it is live. "The canvas is empty." is in the server's
 * HTML, so it alone is not enough: the explorer (its keyboard shortcuts included) is there once the canvas is.
 */
export async function openExplorer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByText('The canvas is empty.').waitFor();
  await waitForCanvas(page, 'true');
}

/**
 * Puts an entity on the canvas from the search, the way an analyst does: types `text`, then either presses Enter
 * on the first hit or clicks the first option named `option`; waits until `id` is expanded and `also` holds.
 */
export async function addFromSearch(
  page: Page,
  { text, option, id, how = 'enter', also = 'true' }: { text: string; option: RegExp; id: string; how?: 'enter' | 'click'; also?: string },
): Promise<void> {
  const search = page.getByRole('combobox', { name: SEARCH_LABEL });
  await search.fill(text);
  const first = page.getByRole('option', { name: option }).first();
  if (how === 'click') {
    await first.click();
  } else {
    await first.waitFor();
    await search.press('Enter');
  }
  await waitForCanvas(page, `cy.getElementById(arg).data('expanded') === true && (${also})`, id);
}

/**
 * Opens the explorer with an empty canvas and puts Kassym-Jomart Tokayev on it the way an analyst does
 * (type, then Enter on the first hit), waiting until he is expanded and `also` holds.
 */
export async function putTokayevOnCanvas(page: Page, webUrl: string, also = 'true'): Promise<void> {
  await openExplorer(page, webUrl);
  await addFromSearch(page, { text: 'Tokayev', option: /^Kassym-Jomart Tokayev/, id: TOKAYEV, also });
}

/** Opens the explorer and puts the January 2022 unrest (the event at the middle of the seeded graph) on the canvas. */
export async function putUnrestOnCanvas(page: Page, url: string): Promise<void> {
  await openExplorer(page, url);
  await addFromSearch(page, { text: 'January 2022 unrest', option: /January 2022 unrest in Kazakhstan/, id: UNREST, how: 'click' });
}
