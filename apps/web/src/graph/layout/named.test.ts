import type { Core } from 'cytoscape';
import { cytoscape } from '../cytoscape';
import { buildElements } from '../elements';
import { fcoseOptionsForSize } from './fcose';
import { layoutOptions, runNamedLayout } from './named';
import { LAYOUT_NAMES } from '../../workspace/view';
import { accusation, aidRequest, deployment, tokayev } from '../../test/fixtures';

let cy: Core;
beforeEach(() => {
  cy = cytoscape({ headless: true, elements: buildElements([tokayev], [aidRequest, accusation, deployment]) });
  cy.nodes().forEach((n, i) => void n.position({ x: i * 10, y: 0 }));
});
afterEach(() => cy.destroy());

describe('named layouts', () => {
  it.each(LAYOUT_NAMES)('%s leaves pinned nodes where they are and places the others', async (name) => {
    cy.getElementById('csto').position({ x: 777, y: -333 });
    const before = cy.nodes().map((n) => ({ id: n.id(), ...n.position() }));
    await runNamedLayout(cy, { name, pinned: new Set(['csto']), roots: ['kassym-jomart-tokayev'], randomize: true });
    expect(cy.getElementById('csto').position()).toEqual({ x: 777, y: -333 });
    const moved = cy.nodes().filter((n) => {
      const b = before.find((p) => p.id === n.id())!;
      return n.id() !== 'csto' && (n.position().x !== b.x || n.position().y !== b.y);
    });
    expect(moved.length).toBeGreaterThan(0);
    for (const n of cy.nodes()) expect(Number.isFinite(n.position().x) && Number.isFinite(n.position().y)).toBe(true);
  });

  it('lays out visible elements only: filtered ones keep their place', async () => {
    cy.getElementById('almaty').addClass('filtered').position({ x: -5, y: -5 });
    await runNamedLayout(cy, { name: 'grid', pinned: new Set() });
    expect(cy.getElementById('almaty').position()).toEqual({ x: -5, y: -5 });
  });

  it('grid places the entities on rows and columns, the same each time, beside pinned ones', async () => {
    await runNamedLayout(cy, { name: 'grid', pinned: new Set() });
    const first = cy.nodes().map((n) => ({ ...n.position() }));
    expect(new Set(first.map((p) => `${p.x},${p.y}`)).size).toBe(first.length);
    cy.nodes().forEach((n, i) => void n.position({ x: i * 33, y: -i * 7 }));
    await runNamedLayout(cy, { name: 'grid', pinned: new Set() });
    // Where the entities were does not matter: the same entities, the same grid.
    expect(cy.nodes().map((n) => ({ ...n.position() }))).toEqual(first);
    cy.getElementById('csto').position({ x: 1_000, y: 50 });
    await runNamedLayout(cy, { name: 'grid', pinned: new Set(['csto']) });
    for (const n of cy.nodes().not('#csto')) expect(n.position().x).toBeGreaterThan(1_000);
  });

  it('has nothing to do when every visible node is pinned', () => {
    expect(layoutOptions(cy, { name: 'fcose', pinned: new Set(cy.nodes().map((n) => n.id())) })).toBeNull();
  });

  it('gives fcose the pinned nodes as fixed-node constraints', () => {
    cy.getElementById('csto').position({ x: 5, y: 6 });
    const options = layoutOptions(cy, { name: 'fcose', pinned: new Set(['csto']) }) as unknown as {
      fixedNodeConstraint: { nodeId: string; position: { x: number; y: number } }[];
      randomize: boolean;
    };
    expect(options.fixedNodeConstraint).toEqual([{ nodeId: 'csto', position: { x: 5, y: 6 } }]);
    expect(options.randomize).toBe(false);
  });
});

describe('fcoseOptionsForSize', () => {
  it('refines large views for fewer iterations', () => {
    // Up to a thousand entities (the documented large-view threshold) the full refinement; above it fewer iterations, labels ignored.
    const small = fcoseOptionsForSize(50);
    expect(small).toMatchObject({ quality: 'default', numIter: 2_500 });
    expect(fcoseOptionsForSize(1_000)).toMatchObject({ numIter: small.numIter });
    const large = fcoseOptionsForSize(1_001);
    expect(large).toMatchObject({ quality: 'default', nodeDimensionsIncludeLabels: false });
    expect(large.numIter).toBeLessThan(small.numIter!);
    expect(large.numIter).toBeGreaterThan(0);
    expect(fcoseOptionsForSize(5_000, { animate: true }).animate).toBe(true);
  });
});
