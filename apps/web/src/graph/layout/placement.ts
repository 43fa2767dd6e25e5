import type { Position } from 'cytoscape';

/**
 * A cheap first placement for a large view, drawn at once while fcose works
 * off the main thread (see layout-worker.ts). It is linear in the size of the
 * graph and deterministic (the same data gives the same picture):
 *
 * - entities are visited breadth-first, each connected group from its
 *   best-connected entity, largest groups first, so that neighbours follow one
 *   another;
 * - in that order they are laid on a sunflower spiral (each step turns by the
 *   golden angle, the radius grows with the square root of the step), which
 *   fills a disc evenly with no two nodes closer than about `spacing`: hubs in
 *   the middle, their neighbourhoods around them, small groups on the rim.
 *
 * It is not a readable layout of the structure; it only has to be drawn fast,
 * overlap-free and stable until the real layout arrives.
 */
export interface PlacementInput {
  nodes: readonly string[];
  edges: readonly { source: string; target: string }[];
  /** Nodes that keep their position (pinned or already placed): the spiral is centred on them and avoids nothing else. */
  fixed?: ReadonlyMap<string, Position>;
  /** Model units between neighbouring nodes on the spiral. */
  spacing?: number;
  /** The centre of the spiral (default: the mean of the fixed nodes, or the origin). */
  centre?: Position;
}

export const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
export const DEFAULT_SPACING = 70;

/** The order `quickPlacement` lays nodes out in: breadth-first per connected group, largest groups and best-connected roots first. */
export function placementOrder(nodes: readonly string[], edges: readonly { source: string; target: string }[]): string[] {
  const index = new Map<string, number>();
  nodes.forEach((id, i) => index.set(id, i));
  const adjacency: number[][] = nodes.map(() => []);
  for (const { source, target } of edges) {
    const s = index.get(source);
    const t = index.get(target);
    if (s === undefined || t === undefined || s === t) continue;
    adjacency[s]!.push(t);
    adjacency[t]!.push(s);
  }
  const degree = adjacency.map((list) => list.length);
  // Roots by degree (ties by input order, so the result is deterministic).
  const byDegree = nodes.map((_, i) => i).sort((a, b) => degree[b]! - degree[a]! || a - b);
  const seen = new Uint8Array(nodes.length);
  const groups: number[][] = [];
  for (const root of byDegree) {
    if (seen[root]) continue;
    const group = [root];
    seen[root] = 1;
    for (let head = 0; head < group.length; head++) {
      // Best-connected neighbours first, so hubs stay near the middle of their group.
      const next = adjacency[group[head]!]!.filter((n) => !seen[n]).sort((a, b) => degree[b]! - degree[a]! || a - b);
      for (const n of next) {
        if (seen[n]) continue;
        seen[n] = 1;
        group.push(n);
      }
    }
    groups.push(group);
  }
  // Largest groups first (stable: equal sizes keep the order of their roots).
  groups.sort((a, b) => b.length - a.length);
  return groups.flat().map((i) => nodes[i]!);
}

/** Positions for every node that is not fixed; fixed nodes are not in the result. */
export function quickPlacement(input: PlacementInput): Map<string, Position> {
  const spacing = input.spacing ?? DEFAULT_SPACING;
  const fixed = input.fixed ?? new Map<string, Position>();
  let centre = input.centre;
  if (!centre) {
    if (fixed.size > 0) {
      let x = 0;
      let y = 0;
      for (const p of fixed.values()) {
        x += p.x;
        y += p.y;
      }
      centre = { x: x / fixed.size, y: y / fixed.size };
    } else centre = { x: 0, y: 0 };
  }
  const result = new Map<string, Position>();
  let step = 0;
  for (const id of placementOrder(input.nodes, input.edges)) {
    if (fixed.has(id)) continue;
    // Skip the two innermost steps when something is fixed at the centre, so nothing lands on it.
    result.set(id, spiralPoint(step + (fixed.size > 0 ? 2 : 0), spacing, centre));
    step++;
  }
  return result;
}

/** Step `i` of the sunflower spiral (see quickPlacement). */
export function spiralPoint(i: number, spacing = DEFAULT_SPACING, centre: Position = { x: 0, y: 0 }): Position {
  // On a sunflower spiral r = c·√i, the closest two points are about 1.55·c apart: c = 0.65·spacing.
  const r = 0.65 * spacing * Math.sqrt(i + 0.5);
  const a = i * GOLDEN_ANGLE;
  return { x: centre.x + r * Math.cos(a), y: centre.y + r * Math.sin(a) };
}

/**
 * The box around the first `count` steps of the spiral about the origin: what
 * `quickPlacement` covers when nothing is fixed, whatever the edges (they only
 * decide which node takes which step). Known before any node is on the canvas,
 * so the view's zoom after the quick placement can be known then too.
 */
export function spiralBounds(count: number, spacing = DEFAULT_SPACING): Bounds | null {
  return count > 0 ? pointBounds(Array.from({ length: count }, (_, i) => spiralPoint(i, spacing))) : null;
}

export interface Bounds {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The box around some points (null: there are none). */
export function pointBounds(points: Iterable<Position>): Bounds | null {
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (const p of points) {
    box.x1 = Math.min(box.x1, p.x);
    box.y1 = Math.min(box.y1, p.y);
    box.x2 = Math.max(box.x2, p.x);
    box.y2 = Math.max(box.y2, p.y);
  }
  return Number.isFinite(box.x1) ? box : null;
}
