/**
 * Admission control for reads: at most `concurrency` queries run against Neo4j at
 * once, the next ones wait in arrival order, and when the line is full (or a
 * query has waited `maxWaitMs`) the caller is told at once that the database is
 * busy, instead of every query slowing every other one down until they all time
 * out. On a small machine a few queries at a time finish sooner, one after the
 * other, than many at once sharing the cores.
 */

/** The database is busy: the query was not run (no partial work), and may be retried shortly. */
export class GraphBusyError extends Error {
  readonly code = 'GraphBusy';
  constructor(message: string) {
    super(message);
    this.name = 'GraphBusyError';
  }
}

export interface QueryGateOptions {
  /** Queries running at once. */
  concurrency: number;
  /** Queries waiting at most; one more is refused at once. */
  queueSize: number;
  /** Longest wait in line before a query is refused (ms). */
  maxWaitMs: number;
}

export interface QueryGate {
  run<T>(work: () => Promise<T>): Promise<T>;
  readonly stats: { running: number; waiting: number };
}

export function createQueryGate(options: QueryGateOptions): QueryGate {
  const { concurrency, queueSize, maxWaitMs } = options;
  let running = 0;
  const line: Array<{ start: () => void }> = [];

  const next = () => {
    while (running < concurrency && line.length > 0) line.shift()!.start();
  };

  const admit = (): Promise<void> => {
    if (running < concurrency && line.length === 0) {
      running++;
      return Promise.resolve();
    }
    if (line.length >= queueSize) {
      return Promise.reject(
        new GraphBusyError(`The graph database is busy: ${running} queries are running and ${line.length} are waiting.`),
      );
    }
    return new Promise<void>((resolve, reject) => {
      const entry = {
        start: () => {
          clearTimeout(timer);
          running++;
          resolve();
        },
      };
      const timer = setTimeout(() => {
        const at = line.indexOf(entry);
        if (at !== -1) line.splice(at, 1);
        reject(new GraphBusyError(`The graph database is busy: the query waited ${maxWaitMs} ms for its turn.`));
      }, maxWaitMs);
      line.push(entry);
    });
  };

  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      await admit();
      try {
        return await work();
      } finally {
        running--;
        next();
      }
    },
    get stats() {
      return { running, waiting: line.length };
    },
  };
}
