import type { Driver } from 'neo4j-driver';

export interface QueryEvent {
  cypher: string;
  params: Record<string, unknown>;
  ms: number;
}

export interface RunnerOptions {
  driver: Driver;
  database?: string;
  /** Server-side transaction timeout for every read (ms). */
  timeoutMs?: number;
  /** Called after every query: used for logging and for counting queries in tests. */
  onQuery?: (event: QueryEvent) => void;
}

export type Row = Record<string, unknown>;

/** Runs read queries routed as reads, with a timeout, and reports each one. */
export function createReadRunner(options: RunnerOptions) {
  const { driver, database, timeoutMs = 10_000, onQuery } = options;
  return async function read(cypher: string, params: Record<string, unknown>): Promise<Row[]> {
    const started = performance.now();
    const result = await driver.executeQuery(cypher, params, {
      database,
      routing: 'READ',
      transactionConfig: { timeout: timeoutMs },
    });
    onQuery?.({ cypher, params, ms: performance.now() - started });
    return result.records.map((r) => r.toObject() as Row);
  };
}

export type ReadRunner = ReturnType<typeof createReadRunner>;
