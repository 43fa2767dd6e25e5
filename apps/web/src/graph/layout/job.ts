import type { Core, LayoutOptions, Position } from 'cytoscape';
import type cytoscapeLib from 'cytoscape';
import type { FcoseOptions } from './fcose';
import { seedOf, withSeededRandom } from './seeded';

/**
 * The messages between the explorer and its layout worker. A job carries what
 * fcose needs (ids, sizes, current positions, edges, options) as plain data;
 * the worker lays it out on a headless Cytoscape and answers with positions.
 * Every message names its run so that an answer to a superseded run is
 * dropped. Pure functions: they run the same in Node (tests) and in the worker.
 */
export interface LayoutJob {
  type: 'layout';
  run: number;
  nodes: { id: string; x: number; y: number; w: number; h: number }[];
  edges: { id: string; source: string; target: string }[];
  /** fcose options without `eles` (not transferable); the worker never fits or animates. */
  options: FcoseOptions;
}

export type LayoutReply =
  { type: 'done'; run: number; positions: Record<string, Position>; ms: number } | { type: 'error'; run: number; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Whether `value` is a well-formed layout job (a worker must not trust what it is sent). */
export function isLayoutJob(value: unknown): value is LayoutJob {
  if (!isRecord(value) || value.type !== 'layout' || typeof value.run !== 'number') return false;
  if (!Array.isArray(value.nodes) || !Array.isArray(value.edges) || !isRecord(value.options)) return false;
  if (value.options.name !== 'fcose') return false;
  const finite = (n: unknown) => typeof n === 'number' && Number.isFinite(n);
  return (
    value.nodes.every((n) => isRecord(n) && typeof n.id === 'string' && finite(n.x) && finite(n.y) && finite(n.w) && finite(n.h)) &&
    value.edges.every((e) => isRecord(e) && typeof e.id === 'string' && typeof e.source === 'string' && typeof e.target === 'string')
  );
}

/** A job for the elements `layoutOptions` picked (`eles`): their ids, sizes, positions and the edges between them. */
export function layoutJobFrom(cy: Core, run: number, options: LayoutOptions): LayoutJob {
  const { eles, ...rest } = options as LayoutOptions & { eles?: ReturnType<Core['elements']> };
  const scope = eles ?? cy.elements();
  const nodes = scope.nodes().map((n) => {
    const p = n.position();
    return { id: n.id(), x: p.x, y: p.y, w: n.width(), h: n.height() };
  });
  const ids = new Set(nodes.map((n) => n.id));
  const edges: LayoutJob['edges'] = [];
  scope.edges().forEach((e) => {
    const source = e.source().id();
    const target = e.target().id();
    if (ids.has(source) && ids.has(target)) edges.push({ id: e.id(), source, target });
  });
  return { type: 'layout', run, nodes, edges, options: { ...(rest as unknown as FcoseOptions), animate: false, fit: false } };
}

/** Runs a job on a headless Cytoscape that has fcose registered; never throws (errors are replies). */
export function runLayoutJob(lib: typeof cytoscapeLib, job: unknown, now: () => number = () => performance.now()): LayoutReply {
  const run = isRecord(job) && typeof job.run === 'number' ? job.run : -1;
  if (!isLayoutJob(job)) return { type: 'error', run, message: 'Not a layout job.' };
  const t0 = now();
  let cy: Core | undefined;
  try {
    cy = lib({
      headless: true,
      styleEnabled: true,
      style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
      elements: [
        ...job.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, w: n.w, h: n.h }, position: { x: n.x, y: n.y } })),
        ...job.edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target } })),
      ],
    });
    const layout = cy.layout({ ...job.options, animate: false, fit: false } as unknown as LayoutOptions);
    // fcose without animation runs to the end synchronously; seeded like the main thread's layouts (seeded.ts).
    withSeededRandom(seedOf(cy.nodes().map((n) => n.id())), () => layout.run());
    const positions: Record<string, Position> = {};
    cy.nodes().forEach((n) => {
      const p = n.position();
      positions[n.id()] = { x: p.x, y: p.y };
    });
    return { type: 'done', run: job.run, positions, ms: now() - t0 };
  } catch (error) {
    return { type: 'error', run: job.run, message: error instanceof Error ? error.message : String(error) };
  } finally {
    cy?.destroy();
  }
}
