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
 * The predicate is compiled once by Playwright (through the DevTools protocol,
 * which the page's Content-Security-Policy allows), never with `eval` or
 * `new Function` inside the page, which the explorer's CSP forbids.
 */
export async function waitForCanvas(page: Page, predicate: string, arg?: unknown, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    `(arg) => {
      const cy = window.__steppeCy;
      const el = document.querySelector('[data-testid="graph-canvas"]');
      if (!cy || !el || el.dataset.layout !== 'idle') return false;
      return (${predicate});
    }`,
    arg,
    { timeout },
  );
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
  return items.filter((i) => i.visible).map((i) => i.id).sort();
}
