/**
 * /readyz answers within a bound whatever Neo4j is doing. A frozen database
 * (a stopped JVM, a half-open connection) can leave a connectivity check
 * hanging for minutes; here each answer waits at most `timeoutMs` for the
 * check, a check already under way is shared by every probe (a stuck one is
 * abandoned after `abandonAfterMs` and a fresh one started), and a finished
 * success is reused for `cacheMs`, so a probe storm costs Neo4j one check.
 */
export interface ReadinessOptions {
  timeoutMs?: number;
  cacheMs?: number;
  abandonAfterMs?: number;
  now?: () => number;
}

export interface Readiness {
  ready: boolean;
  reason?: string;
}

export const READINESS_TIMEOUT_MS = 1_500;

export function createReadinessProbe(check: () => Promise<unknown>, options: ReadinessOptions = {}): () => Promise<Readiness> {
  const timeoutMs = options.timeoutMs ?? READINESS_TIMEOUT_MS;
  const cacheMs = options.cacheMs ?? 1_000;
  const abandonAfterMs = options.abandonAfterMs ?? 10_000;
  const now = options.now ?? (() => Date.now());
  let last: (Readiness & { at: number }) | undefined;
  let inFlight: { promise: Promise<Readiness>; since: number } | undefined;

  return async () => {
    if (last && now() - last.at < cacheMs) return { ready: last.ready, reason: last.reason };
    if (!inFlight || now() - inFlight.since > abandonAfterMs) {
      const started = { since: now() } as { promise: Promise<Readiness>; since: number };
      started.promise = check().then(
        (): Readiness => ({ ready: true }),
        (): Readiness => ({ ready: false, reason: 'Neo4j is not reachable' }),
      );
      void started.promise.then((result) => {
        // Only a success is reused: a recovered Neo4j is reported ready at the next probe.
        last = result.ready ? { ...result, at: now() } : undefined;
        if (inFlight === started) inFlight = undefined;
      });
      inFlight = started;
    }
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<Readiness>((resolve) => {
      timer = setTimeout(() => resolve({ ready: false, reason: `Neo4j did not answer within ${timeoutMs} ms` }), timeoutMs);
    });
    try {
      return await Promise.race([inFlight.promise, late]);
    } finally {
      clearTimeout(timer);
    }
  };
}
