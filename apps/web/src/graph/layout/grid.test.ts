import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Position } from 'cytoscape';
import { GRID_MARGIN, gridPlacement, segmentDistance } from './grid';

/** The curated dataset's relations (graph-seed/data, in this repository). */
const RELATIONS_DIR = path.resolve(__dirname, '../../../../../graph-seed/data/relations');
const relations: { from: string; to: string }[] = readdirSync(RELATIONS_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => parse(readFileSync(path.join(RELATIONS_DIR, f), 'utf8')) as { from: string; to: string }[]);

/** The entities an expansion of `expanded` puts on the canvas, and the relations among them. */
function viewAround(expanded: readonly string[]): { nodes: string[]; edges: { source: string; target: string }[] } {
  const nodes = new Set(expanded);
  for (const r of relations) {
    if (expanded.includes(r.from)) nodes.add(r.to);
    if (expanded.includes(r.to)) nodes.add(r.from);
  }
  const edges = relations.filter((r) => nodes.has(r.from) && nodes.has(r.to)).map((r) => ({ source: r.from, target: r.to }));
  return { nodes: [...nodes], edges };
}

/** Whether the segment a–b enters the square box of half-size `half` around c (slab test). */
function segmentHitsBox(a: Position, b: Position, c: Position, half: number): boolean {
  let t0 = 0;
  let t1 = 1;
  for (const [p, d, lo, hi] of [
    [a.x, b.x - a.x, c.x - half, c.x + half],
    [a.y, b.y - a.y, c.y - half, c.y + half],
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
}

const TOKAYEV = 'kassym-jomart-tokayev';
/** As the canvas draws them (graph/style.ts): entities 34 model units across, expanded ones 46. */
const halfSize = (expanded: readonly string[], id: string) => (expanded.includes(id) ? 23 : 17);
/** Cells as the explorer sizes them for these labels (about 130 units wide, up to three lines under the node). */
const CELL = { w: 170, h: 120 };
const grid = (expanded: readonly string[], nodes: string[], edges: { source: string; target: string }[]) =>
  gridPlacement({ nodes, edges, cell: CELL, margin: GRID_MARGIN, halfSizes: new Map(nodes.map((id) => [id, halfSize(expanded, id)])) });

const VIEWS: Record<string, string[]> = {
  'Tokayev (1 hop)': [TOKAYEV],
  'Tokayev and Kazakhstan': [TOKAYEV, 'kazakhstan'],
  'Tokayev, Kazakhstan and Almaty': [TOKAYEV, 'kazakhstan', 'almaty'],
  'Tokayev, Kazakhstan and the January unrest': [TOKAYEV, 'kazakhstan', 'kazakhstan-unrest-2022'],
};

describe('the grid layout', () => {
  it('reads the curated dataset', () => {
    expect(relations.length).toBeGreaterThan(100);
    expect(viewAround(VIEWS['Tokayev, Kazakhstan and the January unrest']!).nodes.length).toBeGreaterThanOrEqual(40);
  });

  for (const [name, expanded] of Object.entries(VIEWS)) {
    it(`draws no relation through another entity's box: ${name}`, () => {
      const { nodes, edges } = viewAround(expanded);
      const at = grid(expanded, nodes, edges);
      expect(at.size).toBe(nodes.length);
      const through: string[] = [];
      for (const { source, target } of edges) {
        for (const id of nodes) {
          if (id === source || id === target) continue;
          if (segmentHitsBox(at.get(source)!, at.get(target)!, at.get(id)!, halfSize(expanded, id)))
            through.push(`${source}→${target} over ${id}`);
        }
      }
      expect(through).toEqual([]);
    });
  }

  it('routes the relations to pinned entities too, and draws none over them', () => {
    const expanded = VIEWS['Tokayev, Kazakhstan and Almaty']!;
    const { nodes, edges } = viewAround(expanded);
    // Two pinned entities left of where the grid goes, as an analyst might have put them.
    const fixed = new Map([
      ['csto', { x: -1_400, y: -100 }],
      ['nursultan-nazarbayev', { x: -1_400, y: 150 }],
    ]);
    const at = gridPlacement({
      nodes: nodes.filter((id) => !fixed.has(id)),
      edges,
      cell: CELL,
      margin: GRID_MARGIN,
      halfSizes: new Map(nodes.map((id) => [id, halfSize(expanded, id)])),
      fixed,
    });
    expect([...at.keys()].some((id) => fixed.has(id))).toBe(false);
    const all = new Map([...at, ...fixed]);
    expect(all.size).toBe(nodes.length);
    const through: string[] = [];
    for (const { source, target } of edges) {
      for (const id of nodes) {
        if (id === source || id === target) continue;
        if (segmentHitsBox(all.get(source)!, all.get(target)!, all.get(id)!, halfSize(expanded, id)))
          through.push(`${source}→${target} over ${id}`);
      }
    }
    expect(through).toEqual([]);
  });

  it('puts every entity in its own cell, on the grid, and gives the same cells for the same view', () => {
    const expanded = VIEWS['Tokayev, Kazakhstan and the January unrest']!;
    const { nodes, edges } = viewAround(expanded);
    const at = grid(expanded, nodes, edges);
    const cells = [...at.values()].map((p) => `${Math.round((p.x / CELL.w) * 2)},${Math.round((p.y / CELL.h) * 2)}`);
    expect(new Set(cells).size).toBe(nodes.length);
    const xs = new Set([...at.values()].map((p) => p.x.toFixed(3)));
    const ys = new Set([...at.values()].map((p) => p.y.toFixed(3)));
    // Columns and rows: far fewer distinct x and y than entities.
    expect(xs.size * ys.size).toBeGreaterThanOrEqual(nodes.length);
    expect(xs.size).toBeLessThanOrEqual(Math.ceil(Math.sqrt(nodes.length)) + 1);
    expect([...grid(expanded, nodes, edges)]).toEqual([...at]);
    // The input order does not change the picture (the entities are visited in their own order).
    expect(grid(expanded, [...nodes].reverse(), edges)).toEqual(at);
  });

  it('measures the distance from a point to a segment', () => {
    expect(segmentDistance({ x: 5, y: 3 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(3);
    expect(segmentDistance({ x: -4, y: 3 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(5);
    expect(segmentDistance({ x: 1, y: 1 }, { x: 0, y: 0 }, { x: 0, y: 0 })).toBeCloseTo(Math.SQRT2, 9);
  });
});
