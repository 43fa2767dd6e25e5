/**
 * The explorer's layout worker: fcose on a headless Cytoscape, off the main
 * thread, so the canvas stays responsive while a large view is laid out. It
 * answers each job (see layout-job.ts) with positions; a job cannot be
 * interrupted, so the explorer cancels one by terminating the worker.
 */
import { cytoscape } from '../cytoscape';
import { runLayoutJob } from './job';

interface WorkerScope {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: unknown): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => scope.postMessage(runLayoutJob(cytoscape, event.data));
