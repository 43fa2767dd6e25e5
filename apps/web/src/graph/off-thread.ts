import type { Core, NodeSingular, Position } from 'cytoscape';
import { OFF_THREAD_LAYOUT_NODES } from './layout';
import { layoutJobFrom } from './layout-job';
import type { LayoutOutcome, OffThreadLayout } from './layout-worker';
import { layoutOptions, type LayoutRequest } from './layouts';
import { quickPlacement } from './placement';

/** Whether the explorer lays this view out in its worker: fcose on a view large enough to block the page for a noticeable time. */
export function layOutOffThread(cy: Core, request: Pick<LayoutRequest, 'name'>, from = OFF_THREAD_LAYOUT_NODES): boolean {
  return request.name === 'fcose' && cy.nodes().not('.filtered').length >= from;
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
  fitPositions(cy, cy.nodes().not('.filtered').map((n) => (n as NodeSingular).position()), padding);
}

/**
 * Fits the view to node centres (plus a node's half-size): what `cy.fit` does,
 * without its bounding box of every element, which measures every label and
 * edge and took seconds for a few thousand entities.
 */
export function fitPositions(cy: Core, points: Iterable<Position>, padding = 40, margin = 30): void {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const p of points) {
    x1 = Math.min(x1, p.x);
    y1 = Math.min(y1, p.y);
    x2 = Math.max(x2, p.x);
    y2 = Math.max(y2, p.y);
  }
  if (!Number.isFinite(x1)) return;
  const w = x2 - x1 + 2 * margin;
  const h = y2 - y1 + 2 * margin;
  const zoom = Math.min(Math.max(Math.min((cy.width() - 2 * padding) / w, (cy.height() - 2 * padding) / h), cy.minZoom()), cy.maxZoom());
  if (!Number.isFinite(zoom) || zoom <= 0) return;
  cy.viewport({ zoom, pan: { x: cy.width() / 2 - ((x1 + x2) / 2) * zoom, y: cy.height() / 2 - ((y1 + y2) / 2) * zoom } });
}

/** Above this many nodes positions arrive at once instead of animated (animating thousands of nodes costs frames). */
export const ANIMATE_POSITIONS_MAX = 600;

/**
 * Moves nodes to the worker's positions, except those in `keep` (pinned ones,
 * and any the analyst dragged while the layout ran) and locked ones. Resolves
 * when they are there.
 */
export function applyPositions(
  cy: Core,
  positions: Readonly<Record<string, Position>>,
  options: { keep: ReadonlySet<string>; animate: boolean; fit: boolean; padding?: number },
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
  if (options.fit) fitVisible(cy, padding);
  return Promise.resolve();
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
