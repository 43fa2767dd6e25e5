import type { Page } from 'playwright-core';
import type { EdgeSingular } from 'cytoscape';

/** Shared measurements of the explorer's canvas for the layout and picture tests. */

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Pairs of boxes that overlap by more than `tolerance` square pixels. */
export function overlappingPairs<T extends { id: string; box: Box }>(items: readonly T[], tolerance = 1): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (overlap(items[i]!.box, items[j]!.box) > tolerance) out.push([items[i]!.id, items[j]!.id]);
    }
  }
  return out;
}

/** Each visible entity's label on screen: its rendered font size (style × zoom) and its box in page pixels. */
export function renderedLabels(page: Page): Promise<{ id: string; fontPx: number; box: Box }[]> {
  return page.evaluate(() => {
    const cy = window.__steppeCy!;
    const z = cy.zoom();
    const pan = cy.pan();
    return cy
      .nodes(':visible')
      .not('.more')
      .map((n) => {
        const b = n.boundingBox({ includeLabels: true, includeNodes: false, includeEdges: false, includeOverlays: false } as never);
        return {
          id: n.id(),
          fontPx: parseFloat(String(n.style('font-size'))) * z,
          box: { x1: b.x1 * z + pan.x, y1: b.y1 * z + pan.y, x2: b.x2 * z + pan.x, y2: b.y2 * z + pan.y },
        };
      });
  });
}

/** Each visible entity's shape in model units. */
export function nodeBoxes(page: Page): Promise<{ id: string; box: Box }[]> {
  return page.evaluate(() =>
    window
      .__steppeCy!.nodes(':visible')
      .not('.more')
      .map((n) => {
        const b = n.boundingBox({ includeLabels: false, includeOverlays: false } as never);
        return { id: n.id(), box: { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 } };
      }),
  );
}

/** Where every entity is drawn, in pixels relative to the canvas. */
export function renderedPositions(page: Page): Promise<Record<string, { x: number; y: number }>> {
  return page.evaluate(() => {
    const out: Record<string, { x: number; y: number }> = {};
    window
      .__steppeCy!.nodes()
      .not('.more')
      .forEach((n) => void (out[n.id()] = n.renderedPosition()));
    return out;
  });
}

export function modelPositions(page: Page): Promise<Record<string, { x: number; y: number }>> {
  return page.evaluate(() => {
    const out: Record<string, { x: number; y: number }> = {};
    window
      .__steppeCy!.nodes()
      .not('.more')
      .forEach((n) => void (out[n.id()] = { ...n.position() }));
    return out;
  });
}

export function largestMove(
  a: Record<string, { x: number; y: number }>,
  b: Record<string, { x: number; y: number }>,
  ids = Object.keys(a),
): number {
  let worst = 0;
  for (const id of ids) {
    const p = a[id];
    const q = b[id];
    if (!p || !q) return Infinity;
    worst = Math.max(worst, Math.hypot(p.x - q.x, p.y - q.y));
  }
  return worst;
}

/**
 * Relations drawn over an entity that is not one of their ends: each visible relation as drawn (source endpoint,
 * the curve's midpoint, target endpoint: a straight line or a bezier's bow), against each other entity's shape.
 */
export function edgesThroughNodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type P = { x: number; y: number };
    const hits = (a: P, b: P, box: { x1: number; y1: number; x2: number; y2: number }) => {
      let t0 = 0;
      let t1 = 1;
      for (const [p, d, lo, hi] of [
        [a.x, b.x - a.x, box.x1, box.x2],
        [a.y, b.y - a.y, box.y1, box.y2],
      ] as const) {
        if (d === 0) {
          if (p < lo || p > hi) return false;
          continue;
        }
        const u = (lo - p) / d;
        const v = (hi - p) / d;
        t0 = Math.max(t0, Math.min(u, v));
        t1 = Math.min(t1, Math.max(u, v));
        if (t0 > t1) return false;
      }
      return true;
    };
    const cy = window.__steppeCy!;
    const nodes = cy.nodes(':visible').not('.more');
    const out: string[] = [];
    cy.edges(':visible')
      .not('.more')
      .forEach((e) => {
        const edge = e as unknown as EdgeSingular;
        const points = [edge.sourceEndpoint(), edge.midpoint(), edge.targetEndpoint()];
        nodes.forEach((n) => {
          if (n.id() === edge.source().id() || n.id() === edge.target().id()) return;
          const box = n.boundingBox({ includeLabels: false, includeOverlays: false } as never);
          if (hits(points[0]!, points[1]!, box) || hits(points[1]!, points[2]!, box)) out.push(`${edge.id()} over ${n.id()}`);
        });
      });
    return out;
  });
}
