import type { Core, NodeSingular } from 'cytoscape';
import { NODE_FONT_SIZE, READABLE_FONT_PX } from '../style';
import { READABLE_FIT_MAX_NODES, readableViewport, SEPARATE_MAX_NODES, separateBoxes, type Viewport } from './readable';

/**
 * The readable picture (readable.ts) applied to the canvas. Labels are measured with the stylesheet the caller
 * has put on: the explorer measures them at the mid tier's font, the largest a readable fit draws (see
 * GraphCanvas), so boxes that do not overlap there do not overlap closer up either.
 */

/** The zoom at which the mid tier's labels are drawn at READABLE_FONT_PX (and the near tier's, from its lower bound, larger). */
export const READABLE_ZOOM = READABLE_FONT_PX / NODE_FONT_SIZE.mid;

/** Nudges the `movable` entities apart so that no two visible entities' boxes (node and label) overlap. */
export function separateLabels(cy: Core, movable: ReadonlySet<string>): number {
  const nodes = cy.nodes().not('.filtered');
  if (movable.size === 0 || nodes.length > SEPARATE_MAX_NODES) return 0;
  const items = nodes.map((n) => {
    const b = n.boundingBox({ includeLabels: true, includeOverlays: false } as never);
    return { id: n.id(), box: { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 }, fixed: !movable.has(n.id()) };
  });
  const moves = separateBoxes(items);
  cy.batch(() => {
    for (const [id, { dx, dy }] of moves) {
      const n = cy.getElementById(id) as unknown as NodeSingular;
      const p = n.position();
      n.position({ x: p.x + dx, y: p.y + dy });
    }
  });
  return moves.size;
}

/** The default fit of the visible entities: readable up to READABLE_FIT_MAX_NODES entities, centred on `focus` ids when not all fit. */
export function readableFit(cy: Core, focus: readonly string[], padding = 40): Viewport | null {
  const visible = cy.nodes().not('.filtered');
  if (visible.empty() || cy.width() <= 2 * padding || cy.height() <= 2 * padding) return null;
  const b = visible.boundingBox({ includeLabels: true, includeOverlays: false } as never);
  const entities = visible.not('.more').length;
  const focused = visible.filter((n) => focus.includes(n.id()));
  let focusPoint: { x: number; y: number } | null = null;
  if (focused.nonempty()) {
    const fb = focused.boundingBox({ includeLabels: false, includeOverlays: false } as never);
    focusPoint = { x: (fb.x1 + fb.x2) / 2, y: (fb.y1 + fb.y2) / 2 };
  }
  return readableViewport({
    bounds: { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 },
    width: cy.width(),
    height: cy.height(),
    padding,
    readableZoom: entities <= READABLE_FIT_MAX_NODES ? READABLE_ZOOM : cy.minZoom(),
    maxZoom: cy.maxZoom(),
    focus: focusPoint,
  });
}
