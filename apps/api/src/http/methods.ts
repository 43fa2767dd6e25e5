import type { Plugin } from 'graphql-yoga';
import { copyHeaders } from './headers';

/** What each path answers to (the Allow header of OPTIONS and of 405 answers). */
export const ALLOWED_METHODS: Record<string, readonly string[]> = {
  '/graphql': ['GET', 'HEAD', 'POST', 'OPTIONS'],
  '/export': ['GET', 'HEAD', 'POST', 'OPTIONS'],
  '/schema.graphql': ['GET', 'HEAD', 'OPTIONS'],
  '/healthz': ['GET', 'HEAD', 'OPTIONS'],
  '/readyz': ['GET', 'HEAD', 'OPTIONS'],
};

const HEAD_MARK = 'x-steppe-head';

/**
 * OPTIONS and HEAD as HTTP says: OPTIONS answers 204 with `Allow` (a CORS preflight
 * keeps its CORS headers and gains `Allow`), 405 answers name the allowed methods; HEAD
 * is run as GET, and useHeadWithoutBody drops the body at the end.
 */
export function useHttpMethods(): Plugin {
  return {
    onRequest({ request, url, endResponse, setRequest, fetchAPI }) {
      const allowed = ALLOWED_METHODS[url.pathname];
      if (!allowed) return;
      if (request.method === 'OPTIONS' && !request.headers.get('access-control-request-method')) {
        endResponse(new fetchAPI.Response(null, { status: 204, headers: { allow: allowed.join(', ') } }));
        return;
      }
      if (request.method === 'HEAD') {
        const headers = new fetchAPI.Headers(request.headers);
        headers.set(HEAD_MARK, '1');
        setRequest(new fetchAPI.Request(request.url, { method: 'GET', headers }));
      }
    },
    onResponse({ request, response, setResponse, fetchAPI }) {
      const allowed = ALLOWED_METHODS[new URL(request.url).pathname];
      if (!allowed) return;
      if (request.method === 'OPTIONS' || response.status === 405) {
        const headers = copyHeaders(response, fetchAPI);
        headers.set('allow', allowed.join(', '));
        setResponse(new fetchAPI.Response(response.body, { status: response.status, statusText: response.statusText, headers }));
        return;
      }
    },
  };
}

/**
 * The body of a HEAD answer dropped, headers kept: registered after caching and
 * compression, so that the ETag and Content-Encoding are those a GET would get.
 */
export function useHeadWithoutBody(): Plugin {
  return {
    onResponse({ request, response, setResponse, fetchAPI }) {
      if (request.headers.get(HEAD_MARK) !== '1') return;
      setResponse(
        new fetchAPI.Response(null, { status: response.status, statusText: response.statusText, headers: copyHeaders(response, fetchAPI) }),
      );
    },
  };
}
