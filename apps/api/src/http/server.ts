import { createServer, type RequestListener, type Server } from 'node:http';
import type { HttpPolicy } from './config';

/**
 * The API's HTTP server with the connection-level limits of the policy:
 * time to send the headers and the whole request (slow clients are cut off
 * with 408), idle keep-alive time, and a connection cap (connections past it
 * are closed at once). Node checks the request timeouts on a timer; it runs
 * every second here (default 30 s) so a limit of 20 s means about 20 s.
 */
export function createApiServer(
  handler: RequestListener,
  policy: Pick<HttpPolicy, 'HEADERS_TIMEOUT_MS' | 'REQUEST_BODY_TIMEOUT_MS' | 'KEEP_ALIVE_TIMEOUT_MS' | 'MAX_CONNECTIONS'>,
): Server {
  const server = createServer(
    {
      headersTimeout: policy.HEADERS_TIMEOUT_MS,
      requestTimeout: Math.max(policy.REQUEST_BODY_TIMEOUT_MS, policy.HEADERS_TIMEOUT_MS),
      keepAliveTimeout: policy.KEEP_ALIVE_TIMEOUT_MS,
      connectionsCheckingInterval: 1_000,
    },
    handler,
  );
  server.maxConnections = policy.MAX_CONNECTIONS;
  return server;
}
