import type { Plugin } from 'graphql-yoga';
import { AccessError, API_KEY_HEADER, GRAPH_HEADER, type Access, type AccessPolicy } from './access';
import { readableGraphs } from './principal';

export const AUTH_CONFIG_PATH = '/auth/config';
export const AUTH_ME_PATH = '/auth/me';

/** Where the access decision travels from the HTTP layer to the GraphQL context and the export route. */
const ACCESS = Symbol('steppe.access');

type WithAccess = { [ACCESS]?: Access };

/** The decision taken for this request (the GraphQL context or the export route's server context); undefined when none was. */
export function accessOf(context: unknown): Access | undefined {
  return context && typeof context === 'object' ? (context as WithAccess)[ACCESS] : undefined;
}

const GRAPHQL_TYPE = 'application/graphql-response+json; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

function refusal(fetchAPI: { Response: typeof Response }, error: AccessError, contentType: string): Response {
  const body = { errors: [{ message: error.message, extensions: { code: error.code } }] };
  return new fetchAPI.Response(JSON.stringify(body), {
    status: error.status,
    headers: { 'content-type': contentType, 'cache-control': 'no-store', ...error.headers },
  });
}

const json = (fetchAPI: { Response: typeof Response }, body: unknown) =>
  new fetchAPI.Response(JSON.stringify(body), { status: 200, headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store' } });

/** GraphiQL's page (a browser's GET without a query): static, it reads nothing, so it opens without a credential. */
function isGraphiQLPage(request: Request, url: URL): boolean {
  return request.method === 'GET' && !url.searchParams.has('query') && (request.headers.get('accept') ?? '').includes('text/html');
}

/**
 * Runs the access decision (access.ts) on every request to /graphql and
 * /export before anything else reads its body, and answers the refusals:
 * 401 with `WWW-Authenticate: Bearer …`, 403, 404 GRAPH_NOT_FOUND, 503 when
 * the issuer's keys cannot be had. The decision is handed on in the server
 * context; the GraphQL context and the export route refuse to run without one.
 *
 * Also serves `GET /auth/config` (public: whether sign-in is required and
 * what the explorer needs to sign in) and `GET /auth/me` (who the credential
 * is and which graphs it reads).
 */
export function useAccess(policy: AccessPolicy, paths: { graphql: string; export: string }): Plugin {
  const varyOn = ['X-Steppe-Graph', ...(policy.auth ? ['Authorization', 'X-Api-Key'] : [])];
  return {
    async onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      if (request.method === 'OPTIONS') return;
      const path = url.pathname;
      if (path === AUTH_CONFIG_PATH && request.method === 'GET') {
        const oidc = policy.auth?.oidc;
        endResponse(
          json(fetchAPI, {
            signInRequired: policy.signInRequired,
            apiKeys: (policy.auth?.apiKeys.length ?? 0) > 0,
            graphHeader: GRAPH_HEADER,
            oidc: oidc?.explorer
              ? {
                  issuer: oidc.issuer,
                  clientId: oidc.explorer.clientId,
                  scope: oidc.explorer.scope,
                  ...(oidc.explorer.resource ? { resource: oidc.explorer.resource } : {}),
                }
              : null,
          }),
        );
        return;
      }
      const isGraphql = path === paths.graphql;
      if (path !== AUTH_ME_PATH && path !== paths.export && !isGraphql) return;
      if (isGraphql && isGraphiQLPage(request, url)) return;
      try {
        if (path === AUTH_ME_PATH) {
          const principal = await policy.authenticate(request.headers);
          endResponse(
            json(fetchAPI, {
              kind: principal.kind,
              name: principal.name,
              graphs: readableGraphs(principal, policy.graphs),
              export: principal.export,
              defaultGraph: policy.graphs.find((g) => readableGraphs(principal, [g]).length > 0) ?? null,
            }),
          );
          return;
        }
        const access = await policy.decide(request.headers, { exporting: path === paths.export });
        (serverContext as WithAccess)[ACCESS] = access;
      } catch (error) {
        if (!(error instanceof AccessError)) throw error;
        endResponse(refusal(fetchAPI, error, isGraphql ? GRAPHQL_TYPE : JSON_TYPE));
      }
    },
    onResponse({ request, response }) {
      const path = new URL(request.url).pathname;
      if (path !== paths.graphql && path !== paths.export && path !== AUTH_ME_PATH) return;
      // The answer depends on the graph asked for and, with sign-in, on who asks: caches must key on both.
      const parts = (response.headers.get('vary') ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const missing = varyOn.filter((h) => !parts.some((p) => p.toLowerCase() === h.toLowerCase()));
      if (missing.length > 0) response.headers.set('vary', [...parts, ...missing].join(', '));
    },
  };
}

export { API_KEY_HEADER, GRAPH_HEADER };
