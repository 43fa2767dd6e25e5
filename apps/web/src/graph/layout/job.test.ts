import type { Core } from 'cytoscape';
import { cytoscape } from '../cytoscape';
import { buildElements } from '../elements';
import { isLayoutJob, layoutJobFrom, runLayoutJob, type LayoutJob } from './job';
import { fcoseOptions } from './fcose';
import { layoutOptions } from './named';
import { accusation, aidRequest, deployment, tokayev } from '../../test/fixtures';

let cy: Core;
beforeEach(() => {
  cy = cytoscape({ headless: true, elements: buildElements([tokayev], [aidRequest, accusation, deployment]) });
  cy.nodes().forEach((n, i) => void n.position({ x: i * 40, y: (i % 2) * 30 }));
});
afterEach(() => cy.destroy());

describe('layout jobs', () => {
  it('carry the visible nodes (ids, sizes, positions) and the edges between them, as plain data', () => {
    cy.getElementById('almaty').addClass('filtered');
    const job = layoutJobFrom(cy, 7, layoutOptions(cy, { name: 'fcose', pinned: new Set(['csto']), randomize: true })!);
    expect(job.run).toBe(7);
    expect(job.nodes.map((n) => n.id)).not.toContain('almaty');
    expect(job.nodes).toHaveLength(cy.nodes().not('.filtered').length);
    expect(job.edges.every((e) => e.source !== 'almaty' && e.target !== 'almaty')).toBe(true);
    expect(job.edges.length).toBeGreaterThan(0);
    expect(job.options).toMatchObject({ name: 'fcose', animate: false, fit: false });
    expect(job.options.fixedNodeConstraint).toEqual([{ nodeId: 'csto', position: cy.getElementById('csto').position() }]);
    // What a worker receives is a structured clone: functions or collections would not survive it.
    expect(structuredClone(job)).toEqual(job);
    expect(isLayoutJob(job)).toBe(true);
  });

  it('run fcose headless and answer with positions; pinned nodes stay where they were', () => {
    cy.getElementById('csto').position({ x: 500, y: -250 });
    const job = layoutJobFrom(cy, 3, layoutOptions(cy, { name: 'fcose', pinned: new Set(['csto']) })!);
    const reply = runLayoutJob(cytoscape, job);
    expect(reply.type).toBe('done');
    if (reply.type !== 'done') return;
    expect(reply.run).toBe(3);
    expect(Object.keys(reply.positions).sort()).toEqual(job.nodes.map((n) => n.id).sort());
    expect(reply.positions.csto!.x).toBeCloseTo(500, 3);
    expect(reply.positions.csto!.y).toBeCloseTo(-250, 3);
    const moved = job.nodes.filter((n) => n.id !== 'csto' && (reply.positions[n.id]!.x !== n.x || reply.positions[n.id]!.y !== n.y));
    expect(moved.length).toBeGreaterThan(0);
    expect(reply.ms).toBeGreaterThanOrEqual(0);
  });

  it('answer what is not a job, or cannot be laid out, with an error (a worker never throws)', () => {
    expect(runLayoutJob(cytoscape, { type: 'layout', run: 1 })).toEqual({ type: 'error', run: 1, message: 'Not a layout job.' });
    expect(runLayoutJob(cytoscape, 'nonsense')).toMatchObject({ type: 'error', run: -1 });
    const good: LayoutJob = { type: 'layout', run: 2, nodes: [{ id: 'a', x: 0, y: 0, w: 30, h: 30 }], edges: [], options: fcoseOptions() };
    expect(isLayoutJob({ ...good, nodes: [{ id: 'a', x: Number.NaN, y: 0, w: 30, h: 30 }] })).toBe(false);
    expect(isLayoutJob({ ...good, options: { ...good.options, name: 'cose' } })).toBe(false);
    // An edge to a node that is not in the job: Cytoscape refuses it, the reply says so.
    const broken = runLayoutJob(cytoscape, { ...good, edges: [{ id: 'e', source: 'a', target: 'missing' }] });
    expect(broken).toMatchObject({ type: 'error', run: 2 });
    expect((broken as { message: string }).message).toMatch(/missing/);
  });
});
