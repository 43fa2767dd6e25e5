import type { Plugin } from 'graphql-yoga';
import type { Readiness } from './readiness';

export const HEALTH_PATH = '/healthz';
export const READY_PATH = '/readyz';

const json = (fetchAPI: { Response: typeof Response }, status: number, body: unknown, headers: Record<string, string> = {}) =>
  new fetchAPI.Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });

/**
 * Liveness and readiness for orchestrators and people, with a small JSON body:
 * `/healthz` answers while the process runs (`{"status":"ok", …}`); `/readyz` says
 * whether Neo4j answers (`{"ready":true,…}` 200, or `{"ready":false,"reason":…}` 503
 * with Retry-After), through the bounded, shared probe of readiness.ts.
 */
export function useHealth(deps: { readiness: () => Promise<Readiness>; version: string; retryAfterSeconds: number }): Plugin {
  const started = Date.now();
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (url.pathname === HEALTH_PATH) {
        endResponse(json(fetchAPI, 200, { status: 'ok', version: deps.version, uptimeSeconds: Math.round((Date.now() - started) / 1000) }));
      } else if (url.pathname === READY_PATH) {
        const { ready, reason } = await deps.readiness();
        endResponse(
          ready
            ? json(fetchAPI, 200, { ready: true, neo4j: 'reachable' })
            : json(fetchAPI, 503, { ready: false, reason }, { 'retry-after': String(deps.retryAfterSeconds) }),
        );
      }
    },
  };
}
