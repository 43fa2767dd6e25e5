import neo4j, { type Driver } from 'neo4j-driver';
import type { QueryGate } from './gate';

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
  /** Admission control shared by every store of a process (gate.ts); without one, every read runs at once. */
  gate?: QueryGate;
}

export type Row = Record<string, unknown>;

/** Runs read queries routed as reads, with a timeout, and reports each one. */
export function createReadRunner(options: RunnerOptions) {
  const { driver, database, timeoutMs = 10_000, onQuery, gate } = options;
  const execute = async (cypher: string, params: Record<string, unknown>): Promise<Row[]> => {
    const started = performance.now();
    const result = await driver.executeQuery(cypher, params, {
      database,
      routing: 'READ',
      transactionConfig: { timeout: timeoutMs },
    });
    onQuery?.({ cypher, params, ms: performance.now() - started });
    return result.records.map((r) => r.toObject() as Row);
  };
  return function read(cypher: string, params: Record<string, unknown>): Promise<Row[]> {
    return gate ? gate.run(() => execute(cypher, params)) : execute(cypher, params);
  };
}

export type ReadRunner = ReturnType<typeof createReadRunner>;

/**
 * Runs one read query and yields its records one by one with the driver's back-pressure: the
 * next batch of `fetchSize` records is pulled from Neo4j only as the consumer asks for it. The
 * session closes when the consumer finishes or stops early. For results too large to collect
 * (an export of a million relations).
 */
export function createStreamRunner(options: { driver: Driver; database?: string; timeoutMs: number; fetchSize?: number }) {
  const { driver, database, timeoutMs, fetchSize = 1_000 } = options;
  return async function* stream(cypher: string, params: Record<string, unknown>): AsyncGenerator<Row> {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ, fetchSize });
    try {
      const result = session.run(cypher, params, { timeout: timeoutMs });
      for await (const record of result) yield record.toObject() as Row;
    } finally {
      await session.close();
    }
  };
}
