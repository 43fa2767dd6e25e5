import { z } from 'zod';
import { EXPORT_LIMITS } from './export/args';
import { defaultAllowedOrigins, parseAllowedOrigins, type AllowedOrigins } from './http/cors';

/**
 * The API's configuration, parsed and validated in one place. A bad value
 * stops the process at start-up with a message naming the variable.
 */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//, 'must be a bolt:// or neo4j:// URI')
    .default('bolt://127.0.0.1:7687'),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().optional(),
  STEPPE_GRAPH: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/)
    .default('steppe'),
  /** Further graphs to serve (comma-separated), read with the X-Steppe-Graph header; STEPPE_GRAPH stays the default. */
  STEPPE_GRAPHS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((g) => g.trim())
        .filter(Boolean),
    )
    .refine(
      (gs) => gs.every((g) => /^[a-z0-9][a-z0-9_-]{0,62}$/.test(g)),
      'a comma-separated list of graph names (lowercase letters, digits, "-" or "_")',
    ),
  /** A JSON file of API keys, the OpenID Connect issuer and grants (README "Sign-in and access"); unset: no sign-in. */
  STEPPE_AUTH_CONFIG: z.string().optional(),
  /** Comma-separated list of allowed browser origins, or "*"; unset: the explorer's own origin (STEPPE_WEB_URL, else localhost:3000). */
  CORS_ORIGINS: z.string().optional(),
  /** The explorer's address (permalinks, and the default CORS allow-list). */
  STEPPE_WEB_URL: z.string().url().optional(),
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
  /** Read transaction timeout of one export (GET/POST /export and the CLI): a large export takes longer than an explorer query. */
  EXPORT_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(EXPORT_LIMITS.timeoutMs),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type ApiEnv = z.infer<typeof EnvSchema>;

function checked<T>(result: z.ZodSafeParseResult<T>): T {
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid API configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

export function parseEnv(env: NodeJS.ProcessEnv = process.env): ApiEnv {
  return checked(EnvSchema.safeParse(env));
}

/** EXPORT_TIMEOUT_MS alone, for the export CLI (which needs none of the server's settings). */
export function exportTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return checked(EnvSchema.pick({ EXPORT_TIMEOUT_MS: true }).safeParse(env)).EXPORT_TIMEOUT_MS;
}

/** The CORS allow-list: CORS_ORIGINS, else the explorer's own origin (see http/cors.ts). */
export function corsOrigins(env: Pick<ApiEnv, 'CORS_ORIGINS' | 'STEPPE_WEB_URL'>): AllowedOrigins {
  return env.CORS_ORIGINS?.trim() ? parseAllowedOrigins(env.CORS_ORIGINS) : defaultAllowedOrigins(env.STEPPE_WEB_URL);
}
