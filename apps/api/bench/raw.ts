/**
 * The baseline: the very Cypher statements the API's store issued for each
 * request (recorded through createApi's onQuery hook), replayed directly with
 * neo4j-driver under the same closed-loop concurrency, with the same
 * transaction config, turning records into plain objects as the store does.
 * What remains between this and the GraphQL figure is the API's own cost:
 * HTTP, GraphQL parsing/validation/execution, resolvers and JSON.
 */
import { readFileSync } from 'node:fs';
import type { Driver } from 'neo4j-driver';
import type { LoadResult } from './load-client';

export interface RecordedQuery {
  cypher: string;
  params: Record<string, unknown>;
}

/** The statements one GraphQL request ran, in order. */
export type RecordedRequest = RecordedQuery[];

export async function runRawLoad(
  driver: Driver,
  requests: readonly RecordedRequest[],
  opts: { connections: number; durationSec: number; offset: number; timeoutMs: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = opts.offset;
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const end = started + opts.durationSec * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const request = requests[next++ % requests.length]!;
      const t0 = performance.now();
      try {
        for (const q of request) {
          const result = await driver.executeQuery(q.cypher, q.params, {
            routing: 'READ',
            transactionConfig: { timeout: opts.timeoutMs },
          });
          result.records.map((r) => r.toObject());
        }
        latencies.push(performance.now() - t0);
      } catch (error) {
        errors++;
        firstError ??= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, worker));
  return {
    latencies,
    requests: latencies.length + errors,
    errors,
    firstError,
    timeouts: 0,
    bytes: 0,
    elapsedMs: performance.now() - started,
    clientCpuMs: 0,
  };
}

/** CPU time (ms) a process has used so far, from /proc (Linux); undefined elsewhere or when it is gone. */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is parenthesised and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}
