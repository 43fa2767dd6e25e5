import { useGraphQlJit } from '@envelop/graphql-jit';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLError } from 'graphql';
import { createYoga, maskError as defaultMaskError, useReadinessCheck, type Plugin, type YogaLogger } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import { createGraphStore, type QueryEvent } from '@steppe/graph-store';
import { createLoaders, type ApiContext } from './context';
import { translateStoreError, UNAVAILABLE_RETRY_AFTER_SECONDS } from './errors';
import { EXAMPLE_QUERIES } from './examples';
import { useErrorLocations } from './error-locations';
import { createExportReader, EXPORT_LIMITS, useExportRoute } from './export';
import { renderQueue } from './export/chromium';
import { EXPORT_PATH } from './export/service';
import {
  corsPolicy,
  createReadinessProbe,
  DEFAULT_HTTP_POLICY,
  defaultAllowedOrigins,
  useBodyLimit,
  useRateLimit,
  useSecurityHeaders,
  useVaryOrigin,
  type AllowedOrigins,
  type HttpPolicy,
} from './http';
import { LIMITS } from './limits';
import { resolvers } from './resolvers';
import { loadTypeDefs } from './schema/load-schema';

export interface ApiDeps {
  driver: Driver;
  logger: YogaLogger;
  /** Logical graph to serve (default "steppe"). */
  graph?: string;
  database?: string;
  /** Allowed browser origins, or "*" (see http/cors.ts). */
  corsOrigins?: AllowedOrigins;
  /** Limits of the HTTP layer (body sizes, rate, export queue and cost); default DEFAULT_HTTP_POLICY. */
  httpPolicy?: HttpPolicy;
  /** Per-Cypher-query timeout (ms). */
  queryTimeoutMs?: number;
  /** Whole-request timeout (ms). */
  requestTimeoutMs?: number;
  /** Read transaction timeout of one export (ms, default EXPORT_LIMITS.timeoutMs). */
  exportTimeoutMs?: number;
  /** Observe every Cypher query (logging, tests counting queries). */
  onQuery?: (event: QueryEvent) => void;
  /** Execute documents compiled by graphql-jit (default true); false uses graphql-js's executor. */
  jit?: boolean;
}

export const GRAPHQL_PATH = '/graphql';

export function buildSchema() {
  return makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });
}

/** Stops an execution that outlives the request budget with a clear TIMEOUT error. */
function useRequestTimeout(ms: number): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise((resolve) => {
          timer = setTimeout(
            () =>
              resolve({
                errors: [
                  new GraphQLError(`The request took longer than ${ms} ms and was stopped.`, {
                    extensions: { code: 'TIMEOUT' },
                  }),
                ],
              }),
            ms,
          );
        });
        try {
          return (await Promise.race([executeFn(args), timeout])) as Awaited<ReturnType<typeof executeFn>>;
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}

/**
 * Builds the GraphQL server from injected dependencies. It does not listen:
 * main.ts serves it over HTTP, tests call `yoga.fetch` in-process.
 */
export function createApi(deps: ApiDeps) {
  const policy = deps.httpPolicy ?? DEFAULT_HTTP_POLICY;
  renderQueue.configure({ concurrency: policy.RENDER_CONCURRENCY, queueSize: policy.RENDER_QUEUE, retryAfterSeconds: 10 });
  // A real round trip: verifyConnectivity can succeed on a pooled connection without asking the server (a frozen JVM looks ready).
  const readiness = createReadinessProbe(() => deps.driver.executeQuery('RETURN 1', {}, { database: deps.database, routing: 'READ' }));
  const store = createGraphStore({
    driver: deps.driver,
    graph: deps.graph,
    database: deps.database,
    timeoutMs: deps.queryTimeoutMs ?? 10_000,
    onQuery: (event) => {
      deps.logger.debug(`cypher ${event.ms.toFixed(1)} ms`);
      deps.onQuery?.(event);
    },
  });

  return createYoga<Record<string, unknown>, ApiContext>({
    schema: buildSchema(),
    graphqlEndpoint: GRAPHQL_PATH,
    healthCheckEndpoint: '/healthz',
    logging: deps.logger,
    batching: false,
    landingPage: false,
    cors: corsPolicy(deps.corsOrigins ?? defaultAllowedOrigins(undefined)),
    graphiql: {
      title: 'Steppe GraphQL',
      defaultTabs: EXAMPLE_QUERIES.map((e) => ({
        query: e.query,
        variables: e.variables ? JSON.stringify(e.variables, null, 2) : undefined,
      })),
    },
    context: () => ({ store, loaders: createLoaders(store) }),
    maskedErrors: {
      maskError(error, message, isDev) {
        const original = error instanceof GraphQLError ? error.originalError : error;
        const translated = translateStoreError(original);
        if (translated) return translated;
        if (original !== undefined && !(original instanceof GraphQLError) && !(error instanceof GraphQLError && !error.originalError)) {
          deps.logger.error(original);
        }
        return defaultMaskError(error, message, isDev);
      },
    },
    plugins: [
      // The HTTP layer's guards first: before any body is read or any work is done (src/http).
      useSecurityHeaders(),
      useVaryOrigin(),
      useRateLimit({
        perSecond: policy.RATE_LIMIT_PER_SECOND,
        burst: policy.RATE_LIMIT_BURST,
        exportCost: policy.RATE_LIMIT_EXPORT_COST,
        paths: { graphql: GRAPHQL_PATH, export: EXPORT_PATH },
      }),
      useBodyLimit(
        { byPath: { [GRAPHQL_PATH]: policy.GRAPHQL_MAX_BODY_BYTES, [EXPORT_PATH]: policy.EXPORT_MAX_BODY_BYTES }, fallback: 1_024 },
        (path) => (path === EXPORT_PATH ? 'EXPORT_MAX_BODY_BYTES' : 'GRAPHQL_MAX_BODY_BYTES'),
      ),
      EnvelopArmorPlugin({
        maxDepth: { n: LIMITS.maxDepth, ignoreIntrospection: true },
        maxAliases: { n: LIMITS.maxAliases },
        maxTokens: { n: LIMITS.maxTokens },
        maxDirectives: { n: LIMITS.maxDirectives },
        costLimit: { maxCost: LIMITS.maxCost, ignoreIntrospection: true },
        blockFieldSuggestion: { enabled: true },
      }),
      // Executes each (validated, cached) document through a compiled function instead of
      // graphql-js's generic walk: the same results, less CPU per field. Before the
      // timeout plugin, which wraps whatever execute function it is given.
      useGraphQlJit({}, { enableIf: () => deps.jit !== false, onError: (result) => deps.logger.warn('graphql-jit could not compile a document; it is answered with its errors', result) }),
      // Errors from graphql-jit keep their `locations` in the response (see the module).
      useErrorLocations(),
      useRequestTimeout(deps.requestTimeoutMs ?? 15_000),
      // GET|POST /export: files of a subgraph (src/export).
      useExportRoute({
        reader: createExportReader({ driver: deps.driver, graph: deps.graph, database: deps.database, timeoutMs: deps.exportTimeoutMs ?? EXPORT_LIMITS.timeoutMs }),
        logger: deps.logger,
        queue: { concurrency: policy.EXPORT_CONCURRENCY, queueSize: policy.EXPORT_QUEUE, retryAfterSeconds: 5 },
        costLimits: { entities: policy.EXPORT_MAX_ENTITIES, relations: policy.EXPORT_MAX_RELATIONS, bytes: policy.EXPORT_MAX_BYTES },
      }),
      useReadinessCheck({
        endpoint: '/readyz',
        async check({ fetchAPI }) {
          // Within 2 s whatever Neo4j does (a timed, shared, cached check: http/readiness.ts).
          const { ready, reason } = await readiness();
          if (ready) return true;
          return new fetchAPI.Response(JSON.stringify({ ready: false, reason }), {
            status: 503,
            headers: { 'content-type': 'application/json', 'retry-after': String(UNAVAILABLE_RETRY_AFTER_SECONDS) },
          });
        },
      }),
    ],
  });
}

export type SteppeApi = ReturnType<typeof createApi>;
