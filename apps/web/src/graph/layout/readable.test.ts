import { mulberry32 } from '@steppe/domain';
import { readableViewport, separateBoxes, SEPARATION_GAP, type SeparableBox } from './readable';
import type { Bounds } from './placement';

function overlaps(a: Bounds, b: Bounds, gap = 0): boolean {
  return Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + gap > 0.001 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + gap > 0.001;
}

function moved(items: readonly SeparableBox[], moves: Map<string, { dx: number; dy: number }>): SeparableBox[] {
  return items.map((item) => {
    const m = moves.get(item.id) ?? { dx: 0, dy: 0 };
    return { ...item, box: { x1: item.box.x1 + m.dx, x2: item.box.x2 + m.dx, y1: item.box.y1 + m.dy, y2: item.box.y2 + m.dy } };
  });
}

/** Node-and-label boxes as a force-directed layout leaves them: 50 wide, short boxes crowded into a small area. */
function crowd(seed: number, count: number, fixedEvery = 0): SeparableBox[] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, (_, i) => {
    const x = random() * 600;
    const y = random() * 300;
    const w = 40 + random() * 100;
    const h = 50 + random() * 30;
    return {
      id: `n${i}`,
      box: { x1: x - w / 2, x2: x + w / 2, y1: y - 17, y2: y - 17 + h },
      fixed: fixedEvery > 0 && i % fixedEvery === 0,
    };
  });
}

describe('separateBoxes', () => {
  it('leaves no two boxes overlapping, with the gap between them', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const items = crowd(seed, 50);
      const after = moved(items, separateBoxes(items));
      for (let i = 0; i < after.length; i++) {
        for (let j = i + 1; j < after.length; j++) expect(overlaps(after[i]!.box, after[j]!.box, SEPARATION_GAP - 0.01)).toBe(false);
      }
    }
  });

  it('never moves a fixed box (pinned or arranged), and separates the others from it', () => {
    // The fixed ones apart from each other, as an analyst's arrangement is; the others crowd among them.
    const items = crowd(7, 40, 4).map((item, i) =>
      item.fixed
        ? { ...item, box: { x1: (i % 8) * 80, x2: (i % 8) * 80 + 70, y1: Math.floor(i / 8) * 90, y2: Math.floor(i / 8) * 90 + 60 } }
        : item,
    );
    const moves = separateBoxes(items);
    for (const item of items.filter((i) => i.fixed)) expect(moves.has(item.id)).toBe(false);
    const after = moved(items, moves);
    for (let i = 0; i < after.length; i++) {
      for (let j = i + 1; j < after.length; j++) {
        if (after[i]!.fixed && after[j]!.fixed) continue;
        expect(overlaps(after[i]!.box, after[j]!.box)).toBe(false);
      }
    }
  });

  it('moves nothing that does not overlap, and gives the same moves for the same boxes', () => {
    const apart: SeparableBox[] = [
      { id: 'a', box: { x1: 0, y1: 0, x2: 100, y2: 40 }, fixed: false },
      { id: 'b', box: { x1: 120, y1: 0, x2: 220, y2: 40 }, fixed: false },
    ];
    expect(separateBoxes(apart).size).toBe(0);
    const items = crowd(11, 30);
    expect([...separateBoxes(items)]).toEqual([...separateBoxes(items)]);
  });

  it('pushes two wide labels apart the short way (up and down), half each', () => {
    const moves = separateBoxes([
      { id: 'a', box: { x1: 0, y1: 0, x2: 120, y2: 40 }, fixed: false },
      { id: 'b', box: { x1: 10, y1: 30, x2: 130, y2: 70 }, fixed: false },
    ]);
    expect(moves.get('a')!.dx).toBe(0);
    expect(moves.get('b')!.dx).toBe(0);
    expect(moves.get('a')!.dy).toBeLessThan(0);
    expect(moves.get('b')!.dy).toBeGreaterThan(0);
    expect(moves.get('b')!.dy).toBeCloseTo(-moves.get('a')!.dy, 5);
  });
});

describe('readableViewport', () => {
  const screen = { width: 1000, height: 500, padding: 40, readableZoom: 0.75, maxZoom: 3 };

  it('fits the whole picture, centred, when it fits at the readable zoom', () => {
    const v = readableViewport({ ...screen, bounds: { x1: 0, y1: 0, x2: 460, y2: 210 } });
    expect(v.zoom).toBeCloseTo(2, 5);
    // Centred: the picture's middle (230, 105) at the screen's middle.
    expect(v.pan.x + 230 * v.zoom).toBeCloseTo(500, 5);
    expect(v.pan.y + 105 * v.zoom).toBeCloseTo(250, 5);
  });

  it('stays at the readable zoom for a larger picture, centred on the focus, with no empty space beyond it', () => {
    const bounds = { x1: 0, y1: 0, x2: 3000, y2: 1500 };
    const v = readableViewport({ ...screen, bounds, focus: { x: 1000, y: 700 } });
    expect(v.zoom).toBe(0.75);
    expect(v.pan.x + 1000 * v.zoom).toBeCloseTo(500, 5);
    expect(v.pan.y + 700 * v.zoom).toBeCloseTo(250, 5);
    // A focus near the picture's edge: the edge (plus the padding) stays at the screen's edge.
    const edge = readableViewport({ ...screen, bounds, focus: { x: 50, y: 1490 } });
    expect(edge.pan.x + 0 * edge.zoom).toBeCloseTo(40, 5);
    expect(edge.pan.y + 1500 * edge.zoom).toBeCloseTo(500 - 40, 5);
  });

  it('centres the picture on an axis where it fits, even with a focus', () => {
    const v = readableViewport({ ...screen, bounds: { x1: 0, y1: 0, x2: 3000, y2: 200 }, focus: { x: 2000, y: 10 } });
    expect(v.zoom).toBe(0.75);
    expect(v.pan.y + 100 * v.zoom).toBeCloseTo(250, 5);
    expect(v.pan.x + 2000 * v.zoom).toBeCloseTo(500, 5);
  });
});
