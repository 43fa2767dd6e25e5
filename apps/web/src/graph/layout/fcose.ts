import type { Core, LayoutOptions, NodeSingular, Position } from 'cytoscape';

/** The fcose options the explorer uses (the extension ships no types). */
export interface FcoseOptions {
  name: 'fcose';
  quality?: 'draft' | 'default' | 'proof';
  randomize?: boolean;
  animate?: boolean;
  animationDuration?: number;
  fit?: boolean;
  padding?: number;
  nodeDimensionsIncludeLabels?: boolean;
  nodeRepulsion?: number;
  idealEdgeLength?: number;
  edgeElasticity?: number;
  gravity?: number;
  numIter?: number;
  /** Nodes that keep their position (already placed ones, when new ones arrive). */
  fixedNodeConstraint?: { nodeId: string; position: Position }[];
}

export function fcoseOptions(overrides: Partial<FcoseOptions> = {}): FcoseOptions {
  return {
    name: 'fcose',
    quality: 'default',
    randomize: true,
    animate: false,
    animationDuration: 450,
    fit: true,
    padding: 40,
    nodeDimensionsIncludeLabels: true,
    nodeRepulsion: 9_000,
    idealEdgeLength: 120,
    edgeElasticity: 0.45,
    gravity: 0.25,
    numIter: 2_500,
    ...overrides,
  };
}

/**
 * Above this many nodes fcose refines for fewer iterations and ignores label sizes: its force-directed
 * refinement is what grows slow (see BENCHMARKS.md, "Explorer rendering"). Draft quality (the spectral
 * start alone) is faster still but piles nodes on top of each other, so it is not used.
 */
export const LARGE_VIEW_NODES = 1_000;
export const LARGE_VIEW_ITERATIONS = 500;
/** From this many visible entities fcose runs in the layout worker (it would block the page for about a second or more). */
export const OFF_THREAD_LAYOUT_NODES = 200;

/** fcose as the explorer runs it for a view of `nodes` entities. */
export function fcoseOptionsForSize(nodes: number, overrides: Partial<FcoseOptions> = {}): FcoseOptions {
  const large = nodes > LARGE_VIEW_NODES ? { numIter: LARGE_VIEW_ITERATIONS, nodeDimensionsIncludeLabels: false } : {};
  return fcoseOptions({ ...large, ...overrides });
}

/** Runs fcose and resolves when it has stopped (instantly for a non-animated layout). */
export function runLayout(cy: Core, overrides: Partial<FcoseOptions> = {}): Promise<void> {
  if (cy.nodes().length === 0) return Promise.resolve();
  const layout = cy.layout(fcoseOptions(overrides) as unknown as LayoutOptions);
  const stopped = layout.promiseOn('layoutstop').then(() => undefined);
  layout.run();
  return stopped;
}

/**
 * Where to put a node that joins next to `anchor` before the layout refines
 * it: on a circle around the anchor, so new neighbours fan out instead of
 * piling up on one spot.
 */
export function positionAround(anchor: NodeSingular, index: number, count: number, radius = 140): Position {
  const { x, y } = anchor.position();
  const angle = (2 * Math.PI * index) / Math.max(count, 1);
  return { x: x + radius * Math.cos(angle), y: y + radius * Math.sin(angle) };
}

/** Whether a model position is inside the visible part of the canvas, `margin` model units in from the edge. */
export function inView(cy: Core, p: Position, margin = 20): boolean {
  const e = cy.extent();
  return p.x >= e.x1 + margin && p.x <= e.x2 - margin && p.y >= e.y1 + margin && p.y <= e.y2 - margin;
}
