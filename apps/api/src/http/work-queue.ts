/**
 * At most `concurrency` jobs run at once and at most `queueSize` wait behind
 * them; one more is refused at once (QueueFullError: the HTTP layer answers
 * 503 with Retry-After) instead of piling up without bound. A waiting job
 * whose client has gone away (its AbortSignal fired) leaves the queue.
 */
export class QueueFullError extends Error {
  override name = 'QueueFullError';
  constructor(
    readonly what: string,
    readonly running: number,
    readonly waiting: number,
    readonly retryAfterSeconds: number,
  ) {
    super(
      `The server is busy with ${what} (${running} running, ${waiting} waiting, the most it holds): try again in ${retryAfterSeconds} s.`,
    );
  }
}

export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor(what: string) {
    super(`${what} was cancelled: the client went away.`);
  }
}

export interface QueueLimits {
  concurrency: number;
  queueSize: number;
  /** Retry-After given when full (seconds). */
  retryAfterSeconds?: number;
}

export class WorkQueue {
  private running = 0;
  private readonly waiting: { start: () => void; cancel: () => void }[] = [];

  constructor(
    readonly what: string,
    private limits: QueueLimits,
  ) {}

  configure(limits: QueueLimits): void {
    this.limits = limits;
  }

  get stats() {
    return { running: this.running, waiting: this.waiting.length, ...this.limits };
  }

  /** Waits for a slot; the returned function gives it back (call it exactly once). */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) throw new CancelledError(this.what);
    if (this.running < this.limits.concurrency) {
      this.running++;
    } else {
      if (this.waiting.length >= this.limits.queueSize) {
        throw new QueueFullError(this.what, this.running, this.waiting.length, this.limits.retryAfterSeconds ?? 5);
      }
      await new Promise<void>((resolve, reject) => {
        const entry = {
          start: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
          cancel: () => reject(new CancelledError(this.what)),
        };
        const onAbort = () => {
          const at = this.waiting.indexOf(entry);
          if (at >= 0) this.waiting.splice(at, 1);
          entry.cancel();
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        this.waiting.push(entry);
      });
    }
    // Here this job holds a slot: counted above, or handed over by the job that released it.
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot goes straight to the next job in line, so none can overtake it.
      if (next) next.start();
      else this.running--;
    };
  }

  async run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(signal);
    try {
      return await work();
    } finally {
      release();
    }
  }
}
