import type { WorkerLike } from './worker-client';

/**
 * The browser's layout worker, or null where there are no workers (server
 * render, jsdom). Kept apart from layout-worker.ts: `import.meta.url` is for
 * the bundler (Next/Turbopack turns this into a worker chunk), not for Jest.
 */
export function createBrowserLayoutWorker(): WorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}
