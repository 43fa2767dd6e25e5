import type { Position } from 'cytoscape';
import { placementOrder } from './placement';

/**
 * A grid whose edges do not run through other entities. Cytoscape's grid fills the cells in the order it is
 * given, so a relation between two entities of one row passed straight through every entity between them. Here
 * the cells are chosen one entity at a time, in the order `placementOrder` gives (breadth-first from the
 * best-connected entities, so neighbours come one after another): each takes the free cell where
 *
 * 1. no line to a neighbour already placed passes over another placed entity, and no line already drawn passes
 *    over the cell (counted, so that when no cell is clear the least bad one is taken), then
 * 2. the lines to its placed neighbours are shortest, then
 * 3. it is nearest the middle of the grid (the picture stays compact), then first in reading order.
 *
 * A line "passes over" an entity when it comes within half the entity's size and a margin of its centre.
 * The grid has a row and a column to spare, so that there is room to go around. Pure and deterministic: the
 * same entities and relations give the same cells.
 */
export interface GridInput {
  nodes: readonly string[];
  edges: readonly { source: string; target: string }[];
  /** Distance between neighbouring cell centres (model units): wide enough for a label, tall enough for node and label. */
  cell: { w: number; h: number };
  /** Half the size of each entity's shape (model units); entities not listed are DEFAULT_HALF_SIZE. */
  halfSizes?: ReadonlyMap<string, number>;
  /** How much closer than its half size a line may not come to an entity that is not one of its ends. */
  margin: number;
  /** Where the grid's middle goes. */
  centre?: Position;
  /** Entities that stay where they are (pinned): lines to them are routed too, and no line may pass over them. */
  fixed?: ReadonlyMap<string, Position>;
}

/** Above this many entities the cells are filled in order without looking at the lines: the search grows as n³ (46 entities take about 60 ms, 100 about 280 ms, 150 about 700 ms on a busy two-core machine). */
export const ROUTED_GRID_MAX_NODES = 100;
export const DEFAULT_HALF_SIZE = 17;
/** How far beyond its shape a line must keep from an entity (model units). */
export const GRID_MARGIN = 6;
/** Rows and columns beyond the squarest grid, so that there is room to go around. */
const SPARE = 2;
const REPAIR_PASSES = 6;

/** The grid's columns and rows for `n` entities (with room to spare). */
export function gridShape(n: number): { cols: number; rows: number } {
  const cols = Math.ceil(Math.sqrt(n)) + SPARE;
  return { cols, rows: Math.ceil(n / cols) + SPARE };
}

/** The distance from point p to the segment a–b. */
export function segmentDistance(p: Position, a: Position, b: Position): number {
  const vx = b.x - a.x;
  const vy = b.y - a.y;
  const len2 = vx * vx + vy * vy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * vx + (p.y - a.y) * vy) / len2));
  return Math.hypot(p.x - (a.x + t * vx), p.y - (a.y + t * vy));
}

export function gridPlacement(input: GridInput): Map<string, Position> {
  // Sorted first, so that the order the entities come in does not change the picture.
  const order = placementOrder([...input.nodes].sort(), input.edges).filter((id) => !input.fixed?.has(id));
  const n = order.length;
  if (n === 0) return new Map();
  const { cols, rows } = gridShape(n);
  const { w, h } = input.cell;
  const centre = input.centre ?? { x: 0, y: 0 };
  const at = (cell: number): Position => ({
    x: centre.x + ((cell % cols) - (cols - 1) / 2) * w,
    y: centre.y + (Math.floor(cell / cols) - (rows - 1) / 2) * h,
  });
  const fixed = input.fixed ?? new Map<string, Position>();
  const neighbours = new Map<string, string[]>([...order, ...fixed.keys()].map((id) => [id, []]));
  const edges: [string, string][] = [];
  for (const { source, target } of input.edges) {
    if (source === target || !neighbours.has(source) || !neighbours.has(target)) continue;
    neighbours.get(source)!.push(target);
    neighbours.get(target)!.push(source);
    edges.push([source, target]);
  }
  // The fixed entities are there from the start (and stay out of the result).
  const result = new Map<string, Position>(fixed);
  const cellOf = new Map<string, number>();
  const taken = new Set<number>();
  const routed = n <= ROUTED_GRID_MAX_NODES;
  const clearance = (id: string) => (input.halfSizes?.get(id) ?? DEFAULT_HALF_SIZE) + input.margin;
  /** Lines over `id` if it stood at `p`, and lines from `p` to its neighbours over other entities (placed ones only). */
  const crossingsAt = (id: string, p: Position): number => {
    let count = 0;
    for (const [a, b] of edges) {
      if (a === id || b === id) continue;
      const pa = result.get(a);
      const pb = result.get(b);
      if (pa && pb && segmentDistance(p, pa, pb) < clearance(id)) count++;
    }
    for (const m of neighbours.get(id)!) {
      const q = result.get(m);
      if (!q) continue;
      for (const [other, o] of result) {
        if (other !== m && other !== id && segmentDistance(o, p, q) < clearance(other)) count++;
      }
    }
    return count;
  };
  const lengthAt = (id: string, p: Position): number => {
    let length = 0;
    for (const m of neighbours.get(id)!) {
      const q = result.get(m);
      if (q) length += Math.hypot((p.x - q.x) / w, (p.y - q.y) / h);
    }
    return length;
  };
  const middle = (p: Position) => Math.hypot((p.x - centre.x) / w, (p.y - centre.y) / h);
  const place = (id: string, cell: number) => {
    const before = cellOf.get(id);
    if (before !== undefined) taken.delete(before);
    cellOf.set(id, cell);
    taken.add(cell);
    result.set(id, at(cell));
  };
  for (const id of order) {
    let best = -1;
    let bestScore: number[] = [];
    for (let cell = 0; cell < cols * rows; cell++) {
      if (taken.has(cell)) continue;
      // Unrouted: the first free cell in reading order.
      if (!routed) {
        best = cell;
        break;
      }
      const p = at(cell);
      const score = [crossingsAt(id, p), lengthAt(id, p), middle(p)];
      if (best < 0 || lessThan(score, bestScore)) {
        best = cell;
        bestScore = score;
      }
    }
    place(id, best);
  }
  const placedOnly = () => new Map([...result].filter(([id]) => !fixed.has(id)));
  if (!routed) return placedOnly();
  // Placed one by one, an entity could not see the lines of those that came after it: with everyone placed, an
  // entity still on or under a line moves to the free cell where it is on or under the fewest (if fewer).
  for (let pass = 0; pass < REPAIR_PASSES; pass++) {
    let changed = false;
    for (const id of order) {
      const here = crossingsAt(id, result.get(id)!);
      if (here === 0) continue;
      let best = -1;
      let bestScore = [here, lengthAt(id, result.get(id)!)];
      for (let cell = 0; cell < cols * rows; cell++) {
        if (taken.has(cell)) continue;
        const p = at(cell);
        const score = [crossingsAt(id, p), lengthAt(id, p)];
        if (lessThan(score, bestScore)) {
          best = cell;
          bestScore = score;
        }
      }
      if (best >= 0) {
        place(id, best);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return placedOnly();
}

/** Compares scores entry by entry (a tolerance keeps float noise from deciding between equal lengths). */
function lessThan(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < b[i]! - 1e-9) return true;
    if (a[i]! > b[i]! + 1e-9) return false;
  }
  return false;
}
