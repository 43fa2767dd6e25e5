import type { Plugin } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';

export const HEALTH_PATH = '/healthz';
export const READY_PATH = '/readyz';

const json = (fetchAPI: { Response: typeof Response }, status: number, body: unknown) =>
  new fetchAPI.Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });

/**
 * Liveness and readiness for orchestrators and people, with a small JSON body:
 * `/healthz` answers while the process runs (`{"status":"ok", …}`); `/readyz` says
 * whether Neo4j answers (`{"ready":true}` 200, or `{"ready":false,"reason":…}` 503).
 */
export function useHealth(deps: { driver: Driver; database?: string; version: string }): Plugin {
  const started = Date.now();
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (url.pathname === HEALTH_PATH) {
        endResponse(json(fetchAPI, 200, { status: 'ok', version: deps.version, uptimeSeconds: Math.round((Date.now() - started) / 1000) }));
      } else if (url.pathname === READY_PATH) {
        try {
          await deps.driver.verifyConnectivity({ database: deps.database });
          endResponse(json(fetchAPI, 200, { ready: true, neo4j: 'reachable' }));
        } catch {
          endResponse(json(fetchAPI, 503, { ready: false, reason: 'Neo4j is not reachable' }));
        }
      }
    },
  };
}
