import type { Collection, Core, LayoutOptions, NodeSingular, Position } from 'cytoscape';
import type { LayoutName } from '../../workspace/view';
import { fcoseOptionsForSize } from './fcose';
import { GRID_MARGIN, gridPlacement, gridShape } from './grid';
import { seedOf, withSeededRandom } from './seeded';

export interface LayoutRequest {
  name: LayoutName;
  /** Entity ids that stay where they are. */
  pinned: ReadonlySet<string>;
  /** Where a hierarchy starts (breadthfirst) and what sits in the middle (concentric): the expanded entities. */
  roots?: readonly string[];
  /** Start from scratch (fcose): for a new picture, not for one the analyst already knows. */
  randomize?: boolean;
  animate?: boolean;
  fit?: boolean;
}

/** The elements a layout moves and those it must not: hidden elements are left out altogether. */
export function layoutScope(cy: Core, pinned: ReadonlySet<string>): { visible: Collection; movable: Collection; fixed: Collection } {
  const visible = cy.elements().not('.filtered');
  const fixed = visible.nodes().filter((n) => pinned.has(n.id()));
  const movableNodes = visible.nodes().not(fixed);
  const movable = movableNodes.union(movableNodes.edgesWith(movableNodes));
  return { visible, movable, fixed };
}

/**
 * The Cytoscape options for a named layout. fcose keeps pinned nodes with a
 * fixed-node constraint (they still pull on their neighbours); the others lay
 * out only the unpinned nodes, so pinned ones cannot move.
 */
export function layoutOptions(cy: Core, request: LayoutRequest): LayoutOptions | null {
  const { visible, movable, fixed } = layoutScope(cy, request.pinned);
  if (movable.nodes().length === 0) return null;
  const animate = request.animate ?? false;
  const fit = request.fit ?? true;
  const common = { animate, animationDuration: 400, fit, padding: 40 };
  const movableIds = new Set(movable.nodes().map((n) => n.id()));
  const roots = (request.roots ?? []).filter((id) => movableIds.has(id));
  switch (request.name) {
    case 'fcose':
      return {
        ...fcoseOptionsForSize(visible.nodes().length, {
          randomize: (request.randomize ?? false) && fixed.length === 0,
          animate,
          fit,
          fixedNodeConstraint:
            fixed.length > 0 ? fixed.map((n) => ({ nodeId: n.id(), position: { ...(n as NodeSingular).position() } })) : undefined,
        }),
        eles: visible,
      } as unknown as LayoutOptions;
    case 'concentric': {
      const rootSet = new Set(roots);
      return {
        name: 'concentric',
        eles: movable,
        ...common,
        minNodeSpacing: 30,
        avoidOverlap: true,
        // The expanded entities in the middle, then by how connected a node is.
        concentric: (node: NodeSingular) => (rootSet.has(node.id()) ? 1_000 : 0) + node.degree(false),
        levelWidth: () => 2,
      } as LayoutOptions;
    }
    case 'breadthfirst':
      return {
        name: 'breadthfirst',
        eles: movable,
        ...common,
        directed: false,
        spacingFactor: 1.1,
        avoidOverlap: true,
        roots: roots.length > 0 ? roots.map((id) => `#${cssEscape(id)}`).join(',') : undefined,
      } as LayoutOptions;
    case 'grid':
      return { name: 'preset', eles: movable, ...common, positions: routedGrid(movable, fixed) } as LayoutOptions;
  }
}

/** Room around the widest label and the tallest node-and-label in a grid cell (model units). */
const GRID_CELL_PADDING = { w: 30, h: 24 };
const GRID_CELL_MIN = { w: 150, h: 100 };

/**
 * Grid positions whose relations do not run through other entities (grid.ts), with cells sized for the labels
 * as drawn now. The grid is centred on the origin (the same entities give the same picture wherever they were),
 * or, beside pinned entities, to their right.
 */
function routedGrid(movable: Collection, fixed: Collection): Record<string, Position> {
  const nodes = movable.nodes();
  let w = GRID_CELL_MIN.w;
  let h = GRID_CELL_MIN.h;
  const halfSizes = new Map<string, number>();
  nodes.forEach((n) => {
    const b = n.boundingBox({ includeLabels: true, includeOverlays: false } as never);
    w = Math.max(w, b.w + GRID_CELL_PADDING.w);
    h = Math.max(h, b.h + GRID_CELL_PADDING.h);
    halfSizes.set(n.id(), Math.max(n.width(), n.height()) / 2);
  });
  // Relations to pinned entities count too: they are routed, and pinned entities are not drawn over.
  const fixedAt = new Map(fixed.map((n) => [n.id(), { ...(n as NodeSingular).position() }]));
  fixed.forEach((n) => void halfSizes.set(n.id(), Math.max(n.width(), n.height()) / 2));
  const ids = new Set([...nodes.map((n) => n.id()), ...fixedAt.keys()]);
  const edges: { source: string; target: string }[] = [];
  movable
    .nodes()
    .connectedEdges()
    .not('.filtered')
    .forEach((e) => {
      const source = e.source().id();
      const target = e.target().id();
      if (ids.has(source) && ids.has(target)) edges.push({ source, target });
    });
  // Centred on the origin (the same entities give the same grid wherever they were), or right of pinned ones.
  let centre = { x: 0, y: 0 };
  if (fixed.nonempty()) {
    const box = fixed.boundingBox({ includeLabels: true, includeOverlays: false } as never);
    const { cols } = gridShape(nodes.length);
    centre = { x: box.x2 + w + ((cols - 1) / 2) * w, y: (box.y1 + box.y2) / 2 };
  }
  const placed = gridPlacement({
    nodes: nodes.map((n) => n.id()),
    edges,
    cell: { w, h },
    margin: GRID_MARGIN,
    halfSizes,
    centre,
    fixed: fixedAt,
  });
  return Object.fromEntries(placed);
}

/** Ids are slugs, but a selector must still be safe for any id. */
function cssEscape(id: string): string {
  return id.replace(/([^\w-])/g, '\\$1');
}

/** Runs a named layout; resolves when it has stopped. Pinned nodes do not move. */
export function runNamedLayout(cy: Core, request: LayoutRequest): Promise<void> {
  const options = layoutOptions(cy, request);
  if (!options) return Promise.resolve();
  const layout = cy.layout(options);
  const stopped = layout.promiseOn('layoutstop').then(() => undefined);
  // The same entities get the same picture (a reload or a link that carries no positions looks the same).
  withSeededRandom(seedOf(cy.nodes().map((n) => n.id())), () => layout.run());
  return stopped;
}
