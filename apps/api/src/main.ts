import { createDriver } from '@steppe/graph-store';
import { loadAuthConfig } from './auth';
import { createApi, GRAPHQL_PATH } from './create-api';
import { corsOrigins, parseEnv } from './env';
import { createApiServer, parseHttpPolicy } from './http';
import { createApiLogger } from './logger';

/** Starts the API over HTTP. All wiring lives in createApi; this file only listens. */
function main() {
  const env = parseEnv();
  const httpPolicy = parseHttpPolicy();
  const logger = createApiLogger(env.LOG_LEVEL);
  // A bad auth file stops the API here, before it listens, with every problem named.
  const auth = env.STEPPE_AUTH_CONFIG ? loadAuthConfig(env.STEPPE_AUTH_CONFIG) : undefined;
  if (!auth && !isLoopback(env.HOST)) {
    logger.warn(
      `HOST=${env.HOST} without STEPPE_AUTH_CONFIG: anyone who reaches port ${env.PORT} reads every graph this API serves. Configure sign-in (README "Sign-in and access") or keep it on 127.0.0.1.`,
    );
  }
  const driver = createDriver(
    { uri: env.NEO4J_URI, user: env.NEO4J_USER, password: env.NEO4J_PASSWORD },
    { connectionTimeoutMs: httpPolicy.NEO4J_CONNECTION_TIMEOUT_MS, maxRetryTimeMs: httpPolicy.NEO4J_MAX_RETRY_MS },
  );
  const yoga = createApi({
    driver,
    logger,
    graph: env.STEPPE_GRAPH,
    graphs: env.STEPPE_GRAPHS,
    auth,
    database: env.NEO4J_DATABASE,
    corsOrigins: corsOrigins(env),
    httpPolicy,
    queryTimeoutMs: env.QUERY_TIMEOUT_MS,
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    exportTimeoutMs: env.EXPORT_TIMEOUT_MS,
  });
  const server = createApiServer(yoga, httpPolicy);
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') {
      logger.error(`Port ${env.PORT} is already in use: stop whatever listens there or set PORT.`);
    } else {
      logger.error(error.message);
    }
    process.exit(1);
  });
  server.listen(env.PORT, env.HOST, () => {
    if (auth)
      logger.info(
        `Sign-in required${auth.anonymous?.graphs.length ? ` (anonymous callers read ${auth.anonymous.graphs.join(', ')})` : ''}: ${auth.apiKeys.length} API key(s)${auth.oidc ? `, tokens from ${auth.oidc.issuer}` : ''}.`,
      );
    logger.info(`Steppe API ready at http://${env.HOST === '127.0.0.1' ? 'localhost' : env.HOST}:${env.PORT}${GRAPHQL_PATH}`);
  });
  const shutdown = () => {
    server.close();
    void driver.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost';
}

try {
  main();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
