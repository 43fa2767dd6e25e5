import type { Core, NodeSingular } from 'cytoscape';
import { capFcoseIterations, cytoscape } from './cytoscape';
import { fcoseOptions, OFF_THREAD_LAYOUT_NODES } from './layout';
import { OffThreadLayout } from './layout-worker';
import { applyPositions, fitPositions, layOutOffThread, runOffThreadLayout } from './off-thread';
import { inProcessWorker } from '../test/in-process-worker';

/** n nodes in a ring with a chord from every fifth node: one connected group. */
function ring(n: number): Core {
  const elements = [];
  for (let i = 0; i < n; i++) elements.push({ group: 'nodes' as const, data: { id: `n${i}` } });
  for (let i = 0; i < n; i++) {
    elements.push({ group: 'edges' as const, data: { id: `r${i}`, source: `n${i}`, target: `n${(i + 1) % n}` } });
    if (i % 5 === 0) elements.push({ group: 'edges' as const, data: { id: `c${i}`, source: `n${i}`, target: `n${(i * 7 + 3) % n}` } });
  }
  return cytoscape({ headless: true, styleEnabled: true, elements, style: [{ selector: 'node', style: { width: 30, height: 30 } }] });
}

const key = (p: { x: number; y: number }) => `${p.x.toFixed(3)},${p.y.toFixed(3)}`;

describe('off-thread layout', () => {
  let cy: Core;
  afterEach(() => cy?.destroy());

  it('is used for fcose on views from OFF_THREAD_LAYOUT_NODES visible entities', () => {
    cy = ring(OFF_THREAD_LAYOUT_NODES);
    expect(layOutOffThread(cy, { name: 'fcose' })).toBe(true);
    expect(layOutOffThread(cy, { name: 'grid' })).toBe(false);
    cy.getElementById('n0').addClass('filtered');
    expect(layOutOffThread(cy, { name: 'fcose' })).toBe(false);
    expect(layOutOffThread(cy, { name: 'fcose' }, 5)).toBe(true);
  });

  it('draws a new picture at once on the quick placement, then applies the worker’s positions; pinned and dragged nodes stay', async () => {
    cy = ring(60);
    cy.getElementById('n0').position({ x: 900, y: 900 });
    const layouts = new OffThreadLayout(() => inProcessWorker());
    const running = runOffThreadLayout(cy, layouts, 1, { name: 'fcose', pinned: new Set(['n0']), randomize: true });
    // Before the worker answers: every node already has its own place (none piled up at the origin).
    const quick = new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
    expect(new Set([...quick.values()].map(key)).size).toBe(60);
    expect(cy.getElementById('n0').position()).toEqual({ x: 900, y: 900 });
    // The analyst drags a node while the layout runs.
    const dragged = cy.getElementById('n7') as unknown as NodeSingular;
    dragged.position({ x: -3_000, y: 42 });
    dragged.emit('free');
    const outcome = await running;
    expect(outcome?.type).toBe('done');
    expect(cy.getElementById('n0').position()).toEqual({ x: 900, y: 900 });
    expect(dragged.position()).toEqual({ x: -3_000, y: 42 });
    const moved = cy.nodes().filter((n) => key(n.position()) !== key(quick.get(n.id())!));
    expect(moved.length).toBeGreaterThan(50);
    layouts.dispose();
  });

  it('does not apply the positions of a run that is no longer current', async () => {
    cy = ring(30);
    cy.nodes().forEach((n, i) => void n.position({ x: (i % 6) * 50, y: Math.floor(i / 6) * 50 }));
    const before = cy.nodes().map((n) => key(n.position()));
    const layouts = new OffThreadLayout(() => inProcessWorker());
    const outcome = await runOffThreadLayout(cy, layouts, 1, { name: 'fcose', pinned: new Set() }, () => false);
    expect(outcome?.type).toBe('done');
    expect(cy.nodes().map((n) => key(n.position()))).toEqual(before);
    layouts.dispose();
  });

  it('applies positions at once or animated, leaving locked nodes alone', async () => {
    cy = ring(10);
    cy.getElementById('n1').lock();
    const positions = Object.fromEntries(cy.nodes().map((n, i) => [n.id(), { x: i * 100, y: -i * 10 }]));
    await applyPositions(cy, positions, { keep: new Set(['n2']), animate: false, fit: false });
    expect(cy.getElementById('n3').position()).toEqual({ x: 300, y: -30 });
    expect(cy.getElementById('n1').position()).not.toEqual({ x: 100, y: -10 });
    expect(cy.getElementById('n2').position()).not.toEqual({ x: 200, y: -20 });
    const shifted = Object.fromEntries(Object.entries(positions).map(([id, p]) => [id, { x: p.x + 7, y: p.y }]));
    await applyPositions(cy, shifted, { keep: new Set(), animate: true, fit: true });
    expect(cy.getElementById('n3').position()).toEqual({ x: 307, y: -30 });
  });
});

describe('capFcoseIterations', () => {
  it('makes numIter the cap on fcose’s iterations (cose-base would run five per node)', () => {
    // Already applied when ./cytoscape was loaded: a second call changes nothing.
    expect(capFcoseIterations()).toBe(false);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const coseBase = require('cose-base') as { CoSELayout: { prototype: { tick: () => boolean } } };
    const proto = coseBase.CoSELayout.prototype;
    const tick = proto.tick;
    let ticks = 0;
    const cy = ring(150);
    proto.tick = function counted(this: unknown) {
      ticks++;
      return tick.call(this);
    };
    try {
      cy.layout(fcoseOptions({ numIter: 30, randomize: true, nodeDimensionsIncludeLabels: false }) as never).run();
    } finally {
      proto.tick = tick;
      cy.destroy();
    }
    // 30 iterations and the settling after them (at most ~100); uncapped cose-base would allow 750 (5 per node).
    expect(ticks).toBeGreaterThan(0);
    expect(ticks).toBeLessThan(200);
  });
});

describe('fitPositions', () => {
  it('centres the points and zooms so that they fill the view less the padding', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    // Headless: no container, so the view is 0×0 and nothing can be fitted; give it a size.
    (cy as unknown as { width: () => number; height: () => number }).width = () => 1_000;
    (cy as unknown as { width: () => number; height: () => number }).height = () => 600;
    fitPositions(cy, [{ x: -500, y: -100 }, { x: 1_500, y: 300 }], 40, 0);
    expect(cy.zoom()).toBeCloseTo(920 / 2_000, 6);
    const centre = { x: (500 - cy.pan().x) / cy.zoom(), y: (300 - cy.pan().y) / cy.zoom() };
    expect(centre.x).toBeCloseTo(500, 6);
    expect(centre.y).toBeCloseTo(100, 6);
    cy.destroy();
  });
});
