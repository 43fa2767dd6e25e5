import { z } from 'zod';

/**
 * Settings of the HTTP layer that keep one client from costing everyone
 * (README "Limits" and "Security"). Parsed once at start-up like the rest of
 * the configuration: a bad value stops the process with a message naming the
 * variable. Every default is also the value tests and `npm start` run with.
 */
const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

export const HttpPolicySchema = z.object({
  /** Most bytes of a POST /graphql body; a larger Content-Length is refused before the body is read (413). */
  GRAPHQL_MAX_BODY_BYTES: int(1_024, 16 * 1024 * 1024, 256 * 1024),
  /** Most bytes of a POST /export body (the arguments are small). */
  EXPORT_MAX_BODY_BYTES: int(1_024, 16 * 1024 * 1024, 64 * 1024),
  /** Token bucket per client on /graphql: sustained requests per second (0 turns rate limiting off) … */
  RATE_LIMIT_PER_SECOND: z.coerce.number().min(0).max(100_000).default(50),
  /** … and the burst a client may spend at once (the bucket's size). */
  RATE_LIMIT_BURST: int(1, 1_000_000, 200),
  /** What one export costs from the same bucket (an export is worth many queries). */
  RATE_LIMIT_EXPORT_COST: int(1, 1_000_000, 20),
  /** Data exports (CSV, JSON, GraphML …) running at once, and how many may wait behind them before 503. */
  EXPORT_CONCURRENCY: int(1, 64, 2),
  EXPORT_QUEUE: int(0, 1_000, 8),
  /** Chromium renders (PDF, PNG) running at once, and how many may wait behind them before 503. */
  RENDER_CONCURRENCY: int(1, 16, 2),
  RENDER_QUEUE: int(0, 100, 4),
  /** Most entities / relations in one export over HTTP (the CLI is not bound by these). */
  EXPORT_MAX_ENTITIES: int(1, 10_000_000, 25_000),
  EXPORT_MAX_RELATIONS: int(1, 100_000_000, 200_000),
  /** Most bytes of one exported file over HTTP: a transfer that grows past it is aborted. */
  EXPORT_MAX_BYTES: int(1_024, 100 * 1024 * 1024 * 1024, 256 * 1024 * 1024),
  /** Time a client has to send the request headers (node's server.headersTimeout). */
  HEADERS_TIMEOUT_MS: int(1_000, 600_000, 10_000),
  /** Time a client has to send the whole request (node's server.requestTimeout). */
  REQUEST_BODY_TIMEOUT_MS: int(1_000, 600_000, 20_000),
  /** Idle time of a kept-alive connection between requests. */
  KEEP_ALIVE_TIMEOUT_MS: int(1_000, 600_000, 5_000),
  /** Most simultaneous connections; further ones are closed by the server at once. */
  MAX_CONNECTIONS: int(1, 1_000_000, 1_024),
  /** GraphQL reads running against Neo4j at once (graph-store's gate.ts); the next ones wait their turn … */
  QUERY_CONCURRENCY: int(1, 1_000, 8),
  /** … at most this many waiting, each at most QUERY_QUEUE_WAIT_MS; beyond either, 503 SERVICE_UNAVAILABLE with Retry-After: 2. */
  QUERY_QUEUE: int(0, 100_000, 512),
  QUERY_QUEUE_WAIT_MS: int(100, 120_000, 10_000),
  /** Fail fast when Neo4j is unreachable: time to open a Bolt connection and to get one from the pool … */
  NEO4J_CONNECTION_TIMEOUT_MS: int(100, 120_000, 2_000),
  /** … and how long transient errors are retried (0: not at all). */
  NEO4J_MAX_RETRY_MS: int(0, 120_000, 1_000),
});

export type HttpPolicy = z.infer<typeof HttpPolicySchema>;

/** The defaults (what runs when nothing is set). */
export const DEFAULT_HTTP_POLICY: HttpPolicy = HttpPolicySchema.parse({});

export function parseHttpPolicy(env: NodeJS.ProcessEnv = process.env): HttpPolicy {
  const result = HttpPolicySchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid API configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
