import { readFileSync } from 'node:fs';
import path from 'node:path';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLError } from 'graphql';
import { createYoga, maskError as defaultMaskError, type Plugin, type YogaLogger } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import { createGraphStore, createQueryGate, type GraphStore, type QueryEvent } from '@steppe/graph-store';
import { accessOf, createAccessPolicy, useAccess, type AuthConfig } from './auth';
import { createLoaders, type ApiContext } from './context';
import { translateStoreError, UNAVAILABLE_RETRY_AFTER_SECONDS } from './errors';
import { withOperationalErrorsSummarised } from './operational-log';
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
import { useHttpCaching } from './http/caching';
import { useCompression } from './http/compression';
import { useHealth } from './http/health';
import { useHeadWithoutBody, useHttpMethods } from './http/methods';
import { SCHEMA_PATH, useSchemaRoute } from './http/schema-route';
import { useRequestChecks } from './requests/checks';
import { useCodedErrors } from './requests/coded-errors';
import { useGetParamsCheck } from './requests/get-params';
import { resolvers } from './resolvers';
import { loadTypeDefs } from './schema/load-schema';

export interface ApiDeps {
  driver: Driver;
  logger: YogaLogger;
  /** Logical graph to serve (default "steppe"): the default graph when several are served. */
  graph?: string;
  /** Further logical graphs to serve, chosen per request with the X-Steppe-Graph header (STEPPE_GRAPHS). */
  graphs?: readonly string[];
  /** Sign-in and per-graph grants (STEPPE_AUTH_CONFIG); undefined: no sign-in, every served graph readable. */
  auth?: AuthConfig;
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

/** The API's version (the package's), shown by /healthz; the CHANGELOG says what each version changed. */
export const API_VERSION: string = (JSON.parse(readFileSync(path.join(__dirname, '../package.json'), 'utf8')) as { version: string })
  .version;

export function buildSchema() {
  return makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });
}

/** GraphiQL's page for the given options, rendered once per distinct options (it is about 9 MB). */
function memoisedGraphiQL(): typeof renderGraphiQL {
  const pages = new Map<string, string>();
  return (opts) => {
    const key = JSON.stringify(opts ?? {});
    let page = pages.get(key);
    if (page === undefined) {
      page = renderGraphiQL(opts);
      if (pages.size < 4) pages.set(key, page);
    }
    return page;
  };
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
                // Execution had started: `data` is present (null), as the spec asks of field errors.
                data: null,
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
  const access = createAccessPolicy({ graphs: [deps.graph ?? 'steppe', ...(deps.graphs ?? [])], auth: deps.auth });
  // One line for every graph's reads: the database's capacity is shared, whichever graph a query reads.
  const gate = createQueryGate({
    concurrency: policy.QUERY_CONCURRENCY,
    queueSize: policy.QUERY_QUEUE,
    maxWaitMs: policy.QUERY_QUEUE_WAIT_MS,
  });
  // One store and one export reader per served graph, each bound to its graph: the access decision picks one, and no resolver names a graph.
  const stores = new Map<string, GraphStore>();
  for (const graph of access.graphs) {
    stores.set(
      graph,
      createGraphStore({
        driver: deps.driver,
        graph,
        database: deps.database,
        timeoutMs: deps.queryTimeoutMs ?? 10_000,
        gate,
        onQuery: (event) => {
          deps.logger.debug(`cypher ${event.ms.toFixed(1)} ms`);
          deps.onQuery?.(event);
        },
      }),
    );
  }
  const exportReaders = new Map(
    access.graphs.map((graph) => [
      graph,
      createExportReader({
        driver: deps.driver,
        graph,
        database: deps.database,
        timeoutMs: deps.exportTimeoutMs ?? EXPORT_LIMITS.timeoutMs,
      }),
    ]),
  );
  /** The decided graph's store; without a decision (a path the access plugin does not cover) nothing is read. */
  const decided = <T>(byGraph: Map<string, T>, context: unknown): T => {
    const decision = accessOf(context);
    const value = decision && byGraph.get(decision.graph);
    if (!value) throw new Error('No access decision for this request: refusing to read any graph.');
    return value;
  };

  const schema = buildSchema();
  return createYoga<Record<string, unknown>, ApiContext>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    // /healthz and /readyz answer with a JSON body (http/health.ts), not through yoga's health check.
    logging: withOperationalErrorsSummarised(deps.logger),
    batching: false,
    landingPage: false,
    cors: corsPolicy(deps.corsOrigins ?? defaultAllowedOrigins(undefined)),
    // GraphiQL from the API's own process: @graphql-yoga/render-graphiql inlines its code, styles
    // and editor workers into the page (no CDN), so it works offline and on air-gapped networks.
    // The page is the same for every visit: rendered once.
    renderGraphiQL: memoisedGraphiQL(),
    graphiql: {
      title: 'Steppe GraphQL',
      defaultTabs: EXAMPLE_QUERIES.map((e) => ({
        query: e.query,
        variables: e.variables ? JSON.stringify(e.variables, null, 2) : undefined,
      })),
    },
    context: (initial) => {
      const store = decided(stores, initial);
      return { store, loaders: createLoaders(store), access: accessOf(initial)! };
    },
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
      // Who is calling and which graph it reads, before any body is read (src/auth).
      useAccess(access, { graphql: GRAPHQL_PATH, export: EXPORT_PATH }),
      useBodyLimit(
        { byPath: { [GRAPHQL_PATH]: policy.GRAPHQL_MAX_BODY_BYTES, [EXPORT_PATH]: policy.EXPORT_MAX_BODY_BYTES }, fallback: 1_024 },
        (path) => (path === EXPORT_PATH ? 'EXPORT_MAX_BODY_BYTES' : 'GRAPHQL_MAX_BODY_BYTES'),
      ),
      // HTTP first (onRequest runs in this order, onResponse too): OPTIONS/HEAD, health, the schema file,
      // then ETag/304 on GET answers, then compression of whatever goes out (which suffixes the ETag).
      useHttpMethods(),
      useHealth({ readiness, version: API_VERSION, retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS }),
      useSchemaRoute(),
      useHttpCaching([GRAPHQL_PATH, SCHEMA_PATH], { private: deps.auth !== undefined }),
      useCompression(),
      useHeadWithoutBody(),
      // Malformed GET parameters, operation choice, read-only, variables, cost: coded 4xx before anything runs.
      useGetParamsCheck(),
      useRequestChecks(() => schema, LIMITS.maxCost),
      useCodedErrors(),
      EnvelopArmorPlugin({
        maxDepth: { n: LIMITS.maxDepth, ignoreIntrospection: true },
        maxAliases: { n: LIMITS.maxAliases },
        maxTokens: { n: LIMITS.maxTokens },
        maxDirectives: { n: LIMITS.maxDirectives },
        // The cost limit is ours (requests/cost.ts): it reads page sizes from variables too and answers with a code.
        costLimit: { enabled: false },
        blockFieldSuggestion: { enabled: true },
      }),
      // Executes each (validated, cached) document through a compiled function instead of
      // graphql-js's generic walk: the same results, less CPU per field. Before the
      // timeout plugin, which wraps whatever execute function it is given.
      useGraphQlJit(
        {},
        {
          enableIf: () => deps.jit !== false,
          onError: (result) => deps.logger.warn('graphql-jit could not compile a document; it is answered with its errors', result),
        },
      ),
      // Errors from graphql-jit keep their `locations` in the response (see the module).
      useErrorLocations(),
      useRequestTimeout(deps.requestTimeoutMs ?? 15_000),
      // GET|POST /export: files of a subgraph (src/export).
      useExportRoute({
        reader: (serverContext) => decided(exportReaders, serverContext),
        logger: deps.logger,
        queue: { concurrency: policy.EXPORT_CONCURRENCY, queueSize: policy.EXPORT_QUEUE, retryAfterSeconds: 5 },
        costLimits: { entities: policy.EXPORT_MAX_ENTITIES, relations: policy.EXPORT_MAX_RELATIONS, bytes: policy.EXPORT_MAX_BYTES },
      }),
    ],
  });
}

export type SteppeApi = ReturnType<typeof createApi>;
