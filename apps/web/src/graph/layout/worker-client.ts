import type { LayoutJob, LayoutReply } from './job';

/** What the explorer needs of a Worker (a real one in the browser; tests pass their own). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export type LayoutOutcome = LayoutReply | { type: 'cancelled'; run: number };

/**
 * Runs layout jobs on one worker, one at a time. A new job or `cancel()`
 * supersedes the running one: fcose cannot be interrupted, so the worker is
 * terminated (its CPU is freed at once) and a fresh one is created for the
 * next job; the superseded job's promise resolves as `cancelled`.
 */
export class OffThreadLayout {
  private worker: WorkerLike | null = null;
  private pending: { run: number; resolve: (outcome: LayoutOutcome) => void } | null = null;

  constructor(private readonly createWorker: () => WorkerLike) {}

  get busy(): boolean {
    return this.pending !== null;
  }

  run(job: LayoutJob): Promise<LayoutOutcome> {
    this.cancel();
    const worker = this.worker ?? this.start();
    return new Promise<LayoutOutcome>((resolve) => {
      this.pending = { run: job.run, resolve };
      worker.postMessage(job);
    });
  }

  /** Stops the running job, if any. */
  cancel(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    this.worker?.terminate();
    this.worker = null;
    pending.resolve({ type: 'cancelled', run: pending.run });
  }

  dispose(): void {
    this.cancel();
    this.worker?.terminate();
    this.worker = null;
  }

  private start(): WorkerLike {
    const worker = this.createWorker();
    worker.onmessage = (event) => {
      const reply = event.data as LayoutReply;
      const pending = this.pending;
      // An answer for a run nobody waits for any more is dropped.
      if (!pending || typeof reply !== 'object' || reply === null || reply.run !== pending.run) return;
      this.pending = null;
      pending.resolve(reply);
    };
    worker.onerror = (event) => {
      const pending = this.pending;
      this.worker?.terminate();
      this.worker = null;
      if (!pending) return;
      this.pending = null;
      const message =
        event && typeof event === 'object' && 'message' in event
          ? String((event as { message: unknown }).message)
          : 'The layout worker failed.';
      pending.resolve({ type: 'error', run: pending.run, message });
    };
    this.worker = worker;
    return worker;
  }
}
