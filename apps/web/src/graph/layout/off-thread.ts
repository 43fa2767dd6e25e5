import type { Core, ElementDefinition, NodeSingular, Position } from 'cytoscape';
import { OFF_THREAD_LAYOUT_NODES } from './fcose';
import { layoutJobFrom } from './job';
import type { LayoutOutcome, OffThreadLayout } from './worker-client';
import { layoutOptions, type LayoutRequest } from './named';
import { pointBounds, quickPlacement, spiralBounds, type Bounds } from './placement';
import { viewRenderingFor } from '../rendering';
import { labelTier, type LabelTier } from '../style';

/** Whether the explorer lays this view out in its worker: fcose on a view large enough to block the page for a noticeable time. */
export function layOutOffThread(cy: Core, request: Pick<LayoutRequest, 'name'>, from = OFF_THREAD_LAYOUT_NODES): boolean {
  return request.name === 'fcose' && cy.nodes().not('.filtered').length >= from;
}

/** How many entities of `elements` will be visible (nodes not marked `filtered`). */
export function visibleNodeCount(elements: readonly ElementDefinition[]): number {
  let count = 0;
  for (const def of elements) {
    if (def.group === 'edges' || 'source' in def.data) continue;
    const classes = Array.isArray(def.classes) ? def.classes : typeof def.classes === 'string' ? def.classes.split(/\s+/) : [];
    if (!classes.includes('filtered')) count++;
  }
  return count;
}

/**
 * The label tier a fresh view (added to an empty canvas) will be drawn at when
 * it goes to the worker and so first to the quick placement, fitted; null when
 * it will not (smaller views, other layouts: their zoom is not known before
 * the layout). Pinned entities keep their places and can change the fit: the
 * explorer's zoom handler corrects the tier then, as for any zoom.
 */
export function freshViewTier(
  cy: Core,
  elements: readonly ElementDefinition[],
  request: Pick<LayoutRequest, 'name'>,
  from = OFF_THREAD_LAYOUT_NODES,
): LabelTier | null {
  if (request.name !== 'fcose') return null;
  const count = visibleNodeCount(elements);
  if (count < from) return null;
  const zoom = quickPlacementZoom(cy, count);
  return zoom === null ? null : labelTier(zoom);
}

/** Puts every visible, unpinned node on the quick placement (see placement.ts) and fits the view: drawn at once. */
export function applyQuickPlacement(cy: Core, pinned: ReadonlySet<string>, padding = 40): void {
  const visible = cy.elements().not('.filtered');
  const fixed = new Map<string, Position>();
  visible.nodes().forEach((n) => {
    if (pinned.has(n.id())) fixed.set(n.id(), { ...n.position() });
  });
  const placed = quickPlacement({
    nodes: visible.nodes().map((n) => n.id()),
    edges: visible.edges().map((e) => ({ source: e.source().id(), target: e.target().id() })),
    fixed,
  });
  cy.batch(() => {
    for (const [id, p] of placed) (cy.getElementById(id) as unknown as NodeSingular).position(p);
  });
  fitPositions(cy, [...placed.values(), ...fixed.values()], padding);
}

function fitVisible(cy: Core, padding: number): void {
  fitPositions(
    cy,
    cy
      .nodes()
      .not('.filtered')
      .map((n) => (n as NodeSingular).position()),
    padding,
  );
}

/** Model units kept around the outermost node centres when fitting (about half a node). */
const FIT_MARGIN = 30;

/**
 * Fits the view to node centres (plus a node's half-size): what `cy.fit` does,
 * without its bounding box of every element, which measures every label and
 * edge and took seconds for a few thousand entities.
 */
export function fitPositions(cy: Core, points: Iterable<Position>, padding = 40, margin = FIT_MARGIN): void {
  const view = fittedViewport(cy, points, padding, margin);
  if (view) cy.viewport(view);
}

/** The zoom and pan `fitPositions` sets (null: nothing to fit, or no room). */
export function fittedViewport(
  cy: Core,
  points: Iterable<Position>,
  padding = 40,
  margin = FIT_MARGIN,
): { zoom: number; pan: Position } | null {
  const box = pointBounds(points);
  if (!box) return null;
  const zoom = fitZoom(cy, box, padding, margin);
  if (zoom === null) return null;
  return { zoom, pan: { x: cy.width() / 2 - ((box.x1 + box.x2) / 2) * zoom, y: cy.height() / 2 - ((box.y1 + box.y2) / 2) * zoom } };
}

/** The zoom `fitPositions` gives a box of node centres (null: none can be given). */
function fitZoom(cy: Core, box: Bounds, padding: number, margin: number): number | null {
  const w = box.x2 - box.x1 + 2 * margin;
  const h = box.y2 - box.y1 + 2 * margin;
  const zoom = Math.min(Math.max(Math.min((cy.width() - 2 * padding) / w, (cy.height() - 2 * padding) / h), cy.minZoom()), cy.maxZoom());
  return Number.isFinite(zoom) && zoom > 0 ? zoom : null;
}

/**
 * The zoom the view will have once `count` entities, none of them pinned, are
 * put on the quick placement and fitted (`applyQuickPlacement`), known before
 * they are on the canvas (null: the view has no size). The explorer uses it to
 * create a fresh large view with the stylesheet of its label tier at once,
 * instead of styling thousands of elements for the close-up tier and then
 * again when the fit zooms out (see BENCHMARKS.md, "Explorer rendering").
 */
export function quickPlacementZoom(cy: Core, count: number, padding = 40): number | null {
  const box = spiralBounds(count);
  if (!box || cy.width() <= 2 * padding || cy.height() <= 2 * padding) return null;
  return fitZoom(cy, box, padding, FIT_MARGIN);
}

/** Above this many nodes positions arrive at once instead of animated (animating thousands of nodes costs frames). */
export const ANIMATE_POSITIONS_MAX = 600;

/**
 * How long (ms) a large view glides to its new fit when the worker's positions
 * arrive. While a viewport animation runs, Cytoscape draws a large view
 * without its edges (`hideEdgesOnViewport`, see rendering.ts), so the moved
 * nodes are drawn first, in frames of their own, and the thousands of edges
 * once, when the view is at rest: the work of the one frame that used to
 * redraw everything at the new positions is spread over two.
 */
export const GLIDE_TO_FIT_MS = 200;

/**
 * Moves nodes to the worker's positions, except those in `keep` (pinned ones,
 * and any the analyst dragged while the layout ran) and locked ones. Resolves
 * when they are there (and, with `glide`, when the view has reached its fit).
 */
export function applyPositions(
  cy: Core,
  positions: Readonly<Record<string, Position>>,
  options: {
    keep: ReadonlySet<string>;
    animate: boolean;
    fit: boolean;
    padding?: number;
    /** When positions arrive at once and the view is fitted: animate the fit over this many ms (0: jump; default: GLIDE_TO_FIT_MS for a view drawn as a large one, else 0). */
    glide?: number;
  },
): Promise<void> {
  const padding = options.padding ?? 40;
  const nodes = cy.nodes().filter((n) => positions[n.id()] !== undefined && !options.keep.has(n.id()) && !n.locked());
  if (nodes.empty()) return Promise.resolve();
  if (options.animate && nodes.length <= ANIMATE_POSITIONS_MAX) {
    const layout = nodes.layout({
      name: 'preset',
      positions: (node: NodeSingular) => positions[node.id()]!,
      animate: true,
      animationDuration: 400,
      fit: false,
    } as unknown as Parameters<typeof nodes.layout>[0]);
    const stopped = layout.promiseOn('layoutstop').then(() => {
      if (options.fit && !cy.destroyed()) fitVisible(cy, padding);
    });
    layout.run();
    return stopped;
  }
  cy.batch(() => nodes.forEach((n) => void n.position(positions[n.id()]!)));
  // A view drawn as a large one glides to its fit by default: nodes first, edges when it stops (see GLIDE_TO_FIT_MS).
  const glide = options.glide ?? (drawnAsLarge(cy) ? GLIDE_TO_FIT_MS : 0);
  if (options.fit && glide > 0) {
    const view = fittedViewport(
      cy,
      cy
        .nodes()
        .not('.filtered')
        .map((n) => (n as NodeSingular).position()),
      padding,
    );
    if (view)
      return cy
        .animation({ zoom: view.zoom, pan: view.pan, duration: glide })
        .play()
        .promise()
        .then(() => undefined);
  }
  if (options.fit) fitVisible(cy, padding);
  return Promise.resolve();
}

function drawnAsLarge(cy: Core): boolean {
  const visible = cy.elements().not('.filtered');
  return viewRenderingFor(visible.nodes().length, visible.edges().length).hideEdgesOnViewport;
}

/**
 * fcose in the worker: a new picture (`randomize`) is drawn at once on the
 * quick placement, the page stays interactive while the worker lays it out,
 * and the positions are applied when it answers, if this run is still the
 * current one (`isCurrent`; a newer run cancels this one through `runner`).
 */
export async function runOffThreadLayout(
  cy: Core,
  runner: OffThreadLayout,
  run: number,
  request: LayoutRequest,
  isCurrent: () => boolean = () => true,
): Promise<LayoutOutcome | null> {
  const options = layoutOptions(cy, request);
  if (!options) return null;
  if (request.randomize) applyQuickPlacement(cy, request.pinned);
  const job = layoutJobFrom(cy, run, options);
  const dragged = new Set<string>();
  const onFree = (event: { target: NodeSingular }) => void dragged.add(event.target.id());
  cy.on('free', 'node', onFree);
  let outcome: LayoutOutcome;
  try {
    outcome = await runner.run(job);
  } finally {
    if (!cy.destroyed()) cy.off('free', 'node', onFree);
  }
  if (outcome.type === 'done' && isCurrent() && !cy.destroyed()) {
    await applyPositions(cy, outcome.positions, {
      keep: new Set([...request.pinned, ...dragged]),
      animate: request.animate ?? false,
      fit: request.fit ?? true,
    });
  }
  return outcome;
}
