/**
 * The HTTP load generator, run as a child process of api-bench.ts so that its
 * CPU never queues behind the API on the API's event loop. It receives one job
 * at a time over IPC, drives autocannon (closed loop: each connection sends its
 * next request when the previous response is complete), and sends back every
 * response time, so that the parent computes exact percentiles (autocannon's
 * own histogram has no p95).
 */
import autocannon from 'autocannon';

export interface LoadJob {
  url: string;
  connections: number;
  durationSec: number;
  /** JSON request bodies, sent in order and round-robin across connections. */
  bodies: string[];
  /** Where in `bodies` this run starts, so that consecutive rounds continue the sequence. */
  offset: number;
}

export interface LoadResult {
  latencies: number[];
  requests: number;
  /** Responses that were not 2xx, or whose body reports a GraphQL error. */
  errors: number;
  firstError?: string;
  timeouts: number;
  bytes: number;
  elapsedMs: number;
  /** CPU time of this client process during the run (ms). */
  clientCpuMs: number;
}

function run(job: LoadJob): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = job.offset;
  let errors = 0;
  let firstError: string | undefined;
  const cpu = process.cpuUsage();
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.url,
        connections: job.connections,
        duration: job.durationSec,
        timeout: 30,
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        requests: [
          {
            setupRequest: (req) => ({ ...req, body: job.bodies[next++ % job.bodies.length]! }),
            onResponse: (status: number, body: string) => {
              // GraphQL reports failures in a 200 response's body.
              if (status < 200 || status > 299 || body.includes('"errors":')) {
                errors++;
                firstError ??= `HTTP ${status}: ${body.slice(0, 300)}`;
              }
            },
          },
        ],
      },
      (error, result) => {
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        const used = process.cpuUsage(cpu);
        resolve({
          latencies,
          requests: latencies.length,
          errors,
          firstError,
          timeouts: result.timeouts,
          bytes: result.throughput.total,
          elapsedMs: performance.now() - started,
          clientCpuMs: (used.user + used.system) / 1000,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

process.on('message', (job: LoadJob) => {
  run(job).then(
    (result) => process.send?.({ ok: true, result }),
    (error: unknown) => process.send?.({ ok: false, error: (error as Error).message }),
  );
});
process.on('disconnect', () => process.exit(0));
