import { useGraphQlJit } from '@envelop/graphql-jit';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLError } from 'graphql';
import { createYoga, maskError as defaultMaskError, useReadinessCheck, type Plugin, type YogaLogger } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import { createGraphStore, type QueryEvent } from '@steppe/graph-store';
import { createLoaders, type ApiContext } from './context';
import { translateStoreError } from './errors';
import { EXAMPLE_QUERIES } from './examples';
import { useErrorLocations } from './error-locations';
import { createExportReader, EXPORT_LIMITS, useExportRoute } from './export';
import { LIMITS } from './limits';
import { resolvers } from './resolvers';
import { loadTypeDefs } from './schema/load-schema';

export interface ApiDeps {
  driver: Driver;
  logger: YogaLogger;
  /** Logical graph to serve (default "steppe"). */
  graph?: string;
  database?: string;
  /** Allowed browser origins, or "*". */
  corsOrigins?: string[] | '*';
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
    cors: { origin: deps.corsOrigins ?? '*', methods: ['GET', 'POST', 'OPTIONS'] },
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
      }),
      useReadinessCheck({
        endpoint: '/readyz',
        async check({ fetchAPI }) {
          try {
            await deps.driver.verifyConnectivity({ database: deps.database });
            return true;
          } catch {
            return new fetchAPI.Response(
              JSON.stringify({ ready: false, reason: 'Neo4j is not reachable' }),
              { status: 503, headers: { 'content-type': 'application/json' } },
            );
          }
        },
      }),
    ],
  });
}

export type SteppeApi = ReturnType<typeof createApi>;
