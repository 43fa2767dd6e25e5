import type { Core } from 'cytoscape';
import { cytoscape, registerFcose } from './cytoscape';
import { buildElements } from './elements';
import { runLayout } from './layout/fcose';
import { syncElements } from './sync';
import { accusation, aidRequest, csto, deployment, tokayev } from '../test/fixtures';

let cy: Core;
beforeEach(() => {
  cy = cytoscape({ headless: true });
});
afterEach(() => cy.destroy());

describe('registerFcose', () => {
  it('registers the fcose layout once and only once', () => {
    expect(cytoscape('layout', 'fcose')).toBeTruthy();
    expect(registerFcose()).toBe(false);
    const use = jest.spyOn(cytoscape, 'use');
    registerFcose();
    expect(use).not.toHaveBeenCalled();
    use.mockRestore();
  });
});

describe('syncElements', () => {
  it('adds what is missing and reports it', () => {
    const result = syncElements(cy, buildElements([tokayev], [aidRequest, accusation]));
    expect(result.addedNodes).toEqual(['kassym-jomart-tokayev', 'csto', 'january-2022-unrest']);
    expect(result.addedEdges).toHaveLength(2);
    expect(cy.nodes()).toHaveLength(3);
    expect(cy.edges()).toHaveLength(2);
    expect(cy.getElementById('relation:tokayev-requested-aid-from-csto').source().id()).toBe('kassym-jomart-tokayev');
  });

  it('is idempotent and keeps positions of nodes already placed', () => {
    syncElements(cy, buildElements([tokayev], [aidRequest]));
    cy.getElementById('csto').position({ x: 500, y: -20 });
    const again = syncElements(cy, buildElements([tokayev], [aidRequest]));
    expect(again).toEqual({ addedNodes: [], addedEdges: [], removed: [], updated: [], restored: [] });
    expect(cy.getElementById('csto').position()).toEqual({ x: 500, y: -20 });
  });

  it('places new neighbours around the anchor, updates changed data, removes what is gone', () => {
    syncElements(cy, buildElements([tokayev], [aidRequest]));
    cy.getElementById('csto').position({ x: 1000, y: 1000 });
    const result = syncElements(cy, buildElements([csto], [deployment], new Set(['csto'])), { anchor: 'csto' });
    expect(result.addedNodes).toEqual(['almaty']);
    expect(result.updated).toEqual(['csto']);
    expect(result.removed.sort()).toEqual(['kassym-jomart-tokayev', 'relation:tokayev-requested-aid-from-csto']);
    expect(cy.getElementById('csto').data('expanded')).toBe(true);
    const p = cy.getElementById('almaty').position();
    expect(Math.hypot(p.x - 1000, p.y - 1000)).toBeCloseTo(140, 5);
  });

  it('updates classes without touching positions (a filter hides, it does not remove)', () => {
    syncElements(cy, buildElements([tokayev], [aidRequest]));
    cy.getElementById('csto').position({ x: 321, y: 123 });
    const hidden = buildElements([tokayev], [aidRequest]).map((def) => (def.data.id === 'csto' ? { ...def, classes: 'filtered' } : def));
    const result = syncElements(cy, hidden);
    expect(result.updated).toEqual(['csto']);
    expect(cy.getElementById('csto').hasClass('filtered')).toBe(true);
    expect(cy.getElementById('csto').position()).toEqual({ x: 321, y: 123 });
    syncElements(cy, buildElements([tokayev], [aidRequest]));
    expect(cy.getElementById('csto').hasClass('filtered')).toBe(false);
  });

  it('puts a node that comes back (undo) where it was when it left', () => {
    const remembered = new Map<string, { x: number; y: number }>();
    syncElements(cy, buildElements([tokayev], [aidRequest]), { remembered });
    cy.getElementById('csto').position({ x: 77, y: 88 });
    syncElements(cy, buildElements([tokayev], []), { remembered });
    expect(cy.getElementById('csto').empty()).toBe(true);
    const back = syncElements(cy, buildElements([tokayev], [aidRequest]), { remembered });
    expect(back.restored).toEqual(['csto']);
    expect(cy.getElementById('csto').position()).toEqual({ x: 77, y: 88 });
  });

  it('skips an edge whose endpoint is not on the canvas instead of throwing', () => {
    const edgeOnly = buildElements([], [aidRequest]).filter((e) => e.group === 'edges');
    expect(() => syncElements(cy, edgeOnly)).not.toThrow();
    expect(cy.elements()).toHaveLength(0);
  });
});

describe('runLayout (fcose, headless)', () => {
  it('spreads the nodes out and resolves when done', async () => {
    syncElements(cy, buildElements([tokayev], [aidRequest, accusation, deployment]));
    await runLayout(cy, { randomize: true, animate: false });
    const positions = cy.nodes().map((n) => n.position());
    expect(positions).toHaveLength(4);
    for (const p of positions) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    // No two nodes on top of each other.
    for (let i = 0; i < positions.length; i++) {
      for (let j = i + 1; j < positions.length; j++) {
        expect(Math.hypot(positions[i]!.x - positions[j]!.x, positions[i]!.y - positions[j]!.y)).toBeGreaterThan(20);
      }
    }
  });

  it('resolves at once on an empty canvas, without running a layout', async () => {
    const layout = jest.spyOn(cy, 'layout');
    const settled = runLayout(cy).then(() => 'layout');
    // "At once": before the next macrotask, where a layout run would still be going.
    const timer = new Promise((resolve) => setTimeout(() => resolve('timer'), 0));
    await expect(Promise.race([settled, timer])).resolves.toBe('layout');
    expect(layout).not.toHaveBeenCalled();
    layout.mockRestore();
  });
});
