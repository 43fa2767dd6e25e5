import { cytoscape } from '../graph/cytoscape';
import { runLayoutJob, type LayoutJob } from '../graph/layout/job';
import type { WorkerLike } from '../graph/layout/worker-client';

/**
 * A worker in this process: the real job handler (runLayoutJob on real
 * Cytoscape and fcose), answering asynchronously like a Web Worker does; only
 * the thread is missing, which is the browser's part.
 */
export function inProcessWorker(log: string[] = []): WorkerLike {
  const worker: WorkerLike & { terminated: boolean } = {
    onmessage: null,
    onerror: null,
    terminated: false,
    postMessage(message) {
      log.push(`post ${(message as LayoutJob).run}`);
      setTimeout(() => {
        if (!worker.terminated) worker.onmessage?.({ data: runLayoutJob(cytoscape, message) });
      }, 5);
    },
    terminate() {
      log.push('terminate');
      worker.terminated = true;
    },
  };
  return worker;
}
