import type { Plugin } from 'graphql-yoga';

/**
 * A token bucket per client on /graphql and /export. Each client has a bucket
 * of `burst` tokens that refills at `perSecond`; a query costs one token, an
 * export `exportCost`. An empty bucket answers 429 with Retry-After.
 *
 * Every answer tells the client its budget with the RateLimit header fields
 * of the IETF draft (draft-ietf-httpapi-ratelimit-headers): RateLimit-Limit
 * (the bucket's size), RateLimit-Remaining (tokens left), RateLimit-Reset
 * (seconds until the bucket is full again) and RateLimit-Policy.
 *
 * The client is the caller's identity when signed in (`clientKey`), else its
 * socket's address: X-Forwarded-For is not trusted (behind a proxy, the proxy
 * should rate-limit). Buckets live in memory, at most `maxClients` of them
 * (the least recently seen are forgotten first: a forgotten client starts
 * with a full bucket, which errs on the side of the client).
 */
export interface RateLimitOptions {
  perSecond: number;
  burst: number;
  exportCost: number;
  paths: { graphql: string; export: string };
  maxClients?: number;
  now?: () => number;
  /** The client a request belongs to (default: the socket's remote address). */
  clientKey?: (request: Request, serverContext: unknown) => string | undefined;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  constructor(
    readonly perSecond: number,
    readonly burst: number,
    private readonly maxClients = 10_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes `cost` tokens if the bucket holds them; says what is left either way. */
  take(key: string, cost: number): { allowed: boolean; remaining: number; resetSeconds: number; retryAfterSeconds: number } {
    const now = this.now();
    const previous = this.buckets.get(key);
    const bucket = previous ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    // Re-insert: the Map's order is then least recently seen first.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxClients) this.buckets.delete(this.buckets.keys().next().value!);
    const allowed = bucket.tokens >= cost;
    if (allowed) bucket.tokens -= cost;
    const missing = this.burst - bucket.tokens;
    return {
      allowed,
      remaining: Math.floor(bucket.tokens),
      resetSeconds: Math.ceil(missing / this.perSecond),
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((cost - bucket.tokens) / this.perSecond)),
    };
  }
}

/** The client's address, or undefined for a request that came through no socket (in-process `yoga.fetch`), which is not rate-limited. */
export function socketAddress(serverContext: unknown): string | undefined {
  const req = (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req;
  return req?.socket?.remoteAddress;
}

export function useRateLimit(options: RateLimitOptions): Plugin {
  if (options.perSecond <= 0) return {};
  const buckets = new TokenBuckets(options.perSecond, options.burst, options.maxClients, options.now);
  // Keyed by the server context (one per request), which outlives a request replaced by a later plugin.
  const budgets = new WeakMap<object, Record<string, string>>();
  const keyOf = (request: Request, serverContext: unknown) =>
    serverContext && typeof serverContext === 'object' ? serverContext : request;
  return {
    onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      const isExport = url.pathname === options.paths.export;
      if (!isExport && url.pathname !== options.paths.graphql) return;
      if (request.method === 'OPTIONS') return;
      const key = options.clientKey?.(request, serverContext) ?? socketAddress(serverContext);
      if (key === undefined) return;
      const result = buckets.take(key, isExport ? options.exportCost : 1);
      const headers: Record<string, string> = {
        'ratelimit-limit': String(options.burst),
        'ratelimit-remaining': String(result.remaining),
        'ratelimit-reset': String(result.resetSeconds),
        'ratelimit-policy': `${options.burst};w=${Math.ceil(options.burst / options.perSecond)}`,
      };
      if (result.allowed) {
        budgets.set(keyOf(request, serverContext), headers);
        return;
      }
      const message = `Too many requests from this client: the budget is ${options.burst} requests at once, refilled at ${options.perSecond} per second${isExport ? ` (an export costs ${options.exportCost})` : ''}. Try again in ${result.retryAfterSeconds} s.`;
      endResponse(
        new fetchAPI.Response(
          JSON.stringify({ errors: [{ message, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: result.retryAfterSeconds } }] }),
          {
            status: 429,
            headers: { ...headers, 'content-type': 'application/json; charset=utf-8', 'retry-after': String(result.retryAfterSeconds) },
          },
        ),
      );
    },
    onResponse({ request, response, serverContext }) {
      const headers = budgets.get(keyOf(request, serverContext));
      if (headers) for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    },
  };
}
