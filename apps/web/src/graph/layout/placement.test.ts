import { DEFAULT_SPACING, placementOrder, quickPlacement, spiralBounds } from './placement';

/** n nodes in `groups` rings, ring k's first node linked to every other node of its ring (a hub). */
function graph(n: number, groups: number) {
  const nodes = Array.from({ length: n }, (_, i) => `n${i}`);
  const edges: { source: string; target: string }[] = [];
  for (let i = 0; i < n; i++) {
    const g = i % groups;
    const hub = `n${g}`;
    if (i !== g) edges.push({ source: hub, target: `n${i}` });
    if (i + groups < n) edges.push({ source: `n${i}`, target: `n${i + groups}` });
  }
  return { nodes, edges };
}

function minDistance(points: { x: number; y: number }[]): number {
  let min = Infinity;
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++) min = Math.min(min, Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y));
  return min;
}

describe('quickPlacement', () => {
  it('places every node, none closer than the spacing to another, deterministically', () => {
    const g = graph(1_200, 7);
    const a = quickPlacement(g);
    const b = quickPlacement(g);
    expect(a.size).toBe(1_200);
    expect([...a.entries()]).toEqual([...b.entries()]);
    expect(minDistance([...a.values()])).toBeGreaterThanOrEqual(DEFAULT_SPACING * 0.95);
    for (const p of a.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });

  it('fills a disc: its radius grows with the square root of the node count', () => {
    const radius = (n: number) => Math.max(...[...quickPlacement(graph(n, 3)).values()].map((p) => Math.hypot(p.x, p.y)));
    const ratio = radius(1_600) / radius(400);
    expect(ratio).toBeGreaterThan(1.8);
    expect(ratio).toBeLessThan(2.2);
  });

  it('leaves fixed nodes out, centres on them and puts nothing on top of them', () => {
    const g = graph(300, 2);
    const fixed = new Map([['n5', { x: 1_000, y: -400 }]]);
    const placed = quickPlacement({ ...g, fixed });
    expect(placed.has('n5')).toBe(false);
    expect(placed.size).toBe(299);
    expect(minDistance([...placed.values(), { x: 1_000, y: -400 }])).toBeGreaterThanOrEqual(DEFAULT_SPACING * 0.95);
    const mean = [...placed.values()].reduce((m, p) => ({ x: m.x + p.x / placed.size, y: m.y + p.y / placed.size }), { x: 0, y: 0 });
    expect(Math.hypot(mean.x - 1_000, mean.y + 400)).toBeLessThan(DEFAULT_SPACING * 3);
  });

  it('puts the best-connected entity in the middle and keeps neighbours near it', () => {
    const g = graph(500, 1); // one group: n0 is linked to every node
    const placed = quickPlacement(g);
    const hub = placed.get('n0')!;
    const distances = [...placed.entries()].map(([id, p]) => ({ id, d: Math.hypot(p.x, p.y) })).sort((x, y) => x.d - y.d);
    expect(distances[0]!.id).toBe('n0');
    expect(Math.hypot(hub.x, hub.y)).toBeLessThan(DEFAULT_SPACING);
  });
});

describe('placementOrder', () => {
  it('visits each connected group breadth-first from its hub, largest groups first', () => {
    const nodes = ['a', 'b', 'c', 'd', 'x', 'y', 'lone'];
    const edges = [
      { source: 'x', target: 'y' },
      { source: 'b', target: 'a' },
      { source: 'b', target: 'c' },
      { source: 'c', target: 'd' },
      { source: 'ghost', target: 'a' }, // an edge to a node that is not there is ignored
    ];
    expect(placementOrder(nodes, edges)).toEqual(['b', 'c', 'a', 'd', 'x', 'y', 'lone']);
  });
});

describe('spiralBounds', () => {
  it('is the box around the quick placement of that many nodes, whatever their edges', () => {
    for (const [n, groups] of [
      [1, 1],
      [37, 3],
      [2_000, 11],
    ] as const) {
      const points = [...quickPlacement(graph(n, groups)).values()];
      const box = spiralBounds(n)!;
      expect(box.x1).toBeCloseTo(Math.min(...points.map((p) => p.x)), 9);
      expect(box.x2).toBeCloseTo(Math.max(...points.map((p) => p.x)), 9);
      expect(box.y1).toBeCloseTo(Math.min(...points.map((p) => p.y)), 9);
      expect(box.y2).toBeCloseTo(Math.max(...points.map((p) => p.y)), 9);
    }
    expect(spiralBounds(0)).toBeNull();
  });
});
