import { createDriver } from '@steppe/graph-store';
import { createApi, GRAPHQL_PATH } from './create-api';
import { corsOrigins, parseEnv } from './env';
import { createApiServer, parseHttpPolicy } from './http';
import { createApiLogger } from './logger';

/** Starts the API over HTTP. All wiring lives in createApi; this file only listens. */
function main() {
  const env = parseEnv();
  const httpPolicy = parseHttpPolicy();
  const logger = createApiLogger(env.LOG_LEVEL);
  const driver = createDriver(
    { uri: env.NEO4J_URI, user: env.NEO4J_USER, password: env.NEO4J_PASSWORD },
    { connectionTimeoutMs: httpPolicy.NEO4J_CONNECTION_TIMEOUT_MS, maxRetryTimeMs: httpPolicy.NEO4J_MAX_RETRY_MS },
  );
  const yoga = createApi({
    driver,
    logger,
    graph: env.STEPPE_GRAPH,
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
    logger.info(`Steppe API ready at http://${env.HOST === '127.0.0.1' ? 'localhost' : env.HOST}:${env.PORT}${GRAPHQL_PATH}`);
  });
  const shutdown = () => {
    server.close();
    void driver.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

try {
  main();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
