import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';
import { capFcoseIterations, cytoscape } from '../cytoscape';
import { fcoseOptions, OFF_THREAD_LAYOUT_NODES } from './fcose';
import { OffThreadLayout } from './worker-client';
import {
  applyPositions,
  applyQuickPlacement,
  fitPositions,
  fittedViewport,
  freshViewTier,
  layOutOffThread,
  quickPlacementZoom,
  runOffThreadLayout,
  visibleNodeCount,
} from './off-thread';
import { LARGE_RENDERING_NODES } from '../rendering';
import { labelTier } from '../style';
import { inProcessWorker } from '../../test/in-process-worker';

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
    fitPositions(
      cy,
      [
        { x: -500, y: -100 },
        { x: 1_500, y: 300 },
      ],
      40,
      0,
    );
    expect(cy.zoom()).toBeCloseTo(920 / 2_000, 6);
    const centre = { x: (500 - cy.pan().x) / cy.zoom(), y: (300 - cy.pan().y) / cy.zoom() };
    expect(centre.x).toBeCloseTo(500, 6);
    expect(centre.y).toBeCloseTo(100, 6);
    cy.destroy();
  });
});

describe('a fresh view styled for its fitted tier', () => {
  let cy: Core | undefined;
  afterEach(() => {
    if (cy && !cy.destroyed()) cy.destroy();
  });
  /** A headless instance with a 1280×800 view (headless has no container, so no size of its own). */
  function sized(elements: ElementDefinition[] = []): Core {
    const cy = cytoscape({ headless: true, styleEnabled: true, elements, minZoom: 0.1, maxZoom: 3 });
    (cy as unknown as { width: () => number; height: () => number }).width = () => 1_280;
    (cy as unknown as { width: () => number; height: () => number }).height = () => 800;
    return cy;
  }
  function ringDefs(n: number, filtered = 0): ElementDefinition[] {
    const defs: ElementDefinition[] = [];
    for (let i = 0; i < n; i++) defs.push({ group: 'nodes', data: { id: `n${i}` }, classes: i < filtered ? ['filtered'] : [] });
    for (let i = 0; i < n; i++) defs.push({ group: 'edges', data: { id: `r${i}`, source: `n${i}`, target: `n${(i + 1) % n}` } });
    return defs;
  }

  it('counts the entities that will be visible: not edges, not filtered ones', () => {
    expect(visibleNodeCount(ringDefs(10, 3))).toBe(7);
    expect(
      visibleNodeCount([
        { data: { id: 'a' }, classes: 'more filtered' },
        { data: { id: 'b' }, classes: 'more' },
        { data: { id: 'e', source: 'a', target: 'b' } },
      ]),
    ).toBe(1);
  });

  it('knows before the elements are added the zoom and tier the quick placement will be fitted at', () => {
    for (const n of [OFF_THREAD_LAYOUT_NODES, 700, 2_000, 5_000]) {
      const defs = ringDefs(n);
      const empty = sized();
      const predicted = quickPlacementZoom(empty, n)!;
      const tier = freshViewTier(empty, defs, { name: 'fcose' });
      empty.destroy();
      cy = sized(defs);
      applyQuickPlacement(cy, new Set());
      expect(predicted).toBeCloseTo(cy.zoom(), 9);
      expect(tier).toBe(labelTier(cy.zoom()));
      cy.destroy();
    }
    // 2,000 entities are fitted at the overview tier, which is where the saving is.
    cy = sized();
    expect(freshViewTier(cy, ringDefs(2_000), { name: 'fcose' })).toBe('overview');
  });

  it('has no guess for views laid out on the main thread (smaller ones, other layouts)', () => {
    cy = sized();
    expect(freshViewTier(cy, ringDefs(OFF_THREAD_LAYOUT_NODES - 1), { name: 'fcose' })).toBeNull();
    expect(freshViewTier(cy, ringDefs(OFF_THREAD_LAYOUT_NODES + 10, 20), { name: 'fcose' })).toBeNull();
    expect(freshViewTier(cy, ringDefs(2_000), { name: 'grid' })).toBeNull();
    expect(freshViewTier(cy, ringDefs(2_000), { name: 'fcose' }, 5_000)).toBeNull();
    const unsized = cytoscape({ headless: true, styleEnabled: true });
    expect(quickPlacementZoom(unsized, 2_000)).toBeNull();
    unsized.destroy();
  });
});

describe('applying the worker’s positions to a large view', () => {
  let cy: Core | undefined;
  afterEach(() => {
    if (cy && !cy.destroyed()) cy.destroy();
  });
  /** n nodes in a ring, 1280×800, on a small circle (the positions below spread them out). */
  function sizedRing(n: number): Core {
    const c = ring(n);
    (c as unknown as { width: () => number; height: () => number }).width = () => 1_280;
    (c as unknown as { width: () => number; height: () => number }).height = () => 800;
    c.nodes().forEach((node, i) => void node.position({ x: Math.cos(i) * 50, y: Math.sin(i) * 50 }));
    return c;
  }
  const spread = (c: Core) => Object.fromEntries(c.nodes().map((node, i) => [node.id(), { x: (i % 40) * 90, y: Math.floor(i / 40) * 90 }]));

  it('moves the nodes at once and glides to the fit, so that the view is drawn without edges until it is at rest', async () => {
    cy = sizedRing(LARGE_RENDERING_NODES);
    const positions = spread(cy);
    const target = fittedViewport(cy, Object.values(positions))!;
    const applied = applyPositions(cy, positions, { keep: new Set(), animate: false, fit: true });
    // Positions are there at once; the viewport is animating (Cytoscape leaves edges out of large views meanwhile).
    expect(cy.getElementById('n41').position()).toEqual(positions.n41);
    expect(cy.animated()).toBe(true);
    await applied;
    expect(cy.animated()).toBe(false);
    expect(cy.zoom()).toBeCloseTo(target.zoom, 6);
    expect(cy.pan().x).toBeCloseTo(target.pan.x, 4);
    expect(cy.pan().y).toBeCloseTo(target.pan.y, 4);
  });

  it('fits small views at once, and large ones too when asked not to glide', async () => {
    for (const [n, glide] of [
      [LARGE_RENDERING_NODES - 1, undefined],
      [LARGE_RENDERING_NODES, 0],
    ] as const) {
      cy = sizedRing(n);
      const positions = spread(cy);
      const target = fittedViewport(cy, Object.values(positions))!;
      const applied = applyPositions(cy, positions, { keep: new Set(), animate: false, fit: true, glide });
      expect(cy.animated()).toBe(false);
      expect(cy.zoom()).toBeCloseTo(target.zoom, 6);
      await applied;
      cy.destroy();
    }
  });
});
