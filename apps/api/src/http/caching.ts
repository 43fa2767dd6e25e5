import { createHash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { copyHeaders } from './headers';
import { encodedEtag, responseEncoding } from './compression';

/**
 * How long a client or a shared cache may reuse a GET answer without asking again.
 * The graph changes only when it is reloaded; after that, revalidation with the
 * ETag costs one round trip and no body.
 */
export const CACHE_MAX_AGE_SECONDS = 60;

/** A strong validator of a body: the same bytes, the same tag. */
export function etagOf(body: Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** Whether an If-None-Match header matches `etag` (a list, `*`, weak or not; RFC 9110 weak comparison). */
export function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag));
}

/**
 * Strong ETag and Cache-Control on successful GET answers of `paths`, and 304 Not
 * Modified when If-None-Match already names the answer. Answers that carry errors
 * (a timeout, a NOT_FOUND) are `no-store`: retrying them should reach the server.
 * `private` (sign-in configured) makes them `Cache-Control: private`.
 */
export function useHttpCaching(paths: readonly string[], options: { private?: boolean } = {}): Plugin {
  // With sign-in, an answer belongs to whoever asked: browsers may keep it, shared caches may not.
  const visibility = options.private ? 'private' : 'public';
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      if ((request.method !== 'GET' && request.method !== 'HEAD') || response.status !== 200) return;
      if (!paths.includes(new URL(request.url).pathname)) return;
      const body = new Uint8Array(await response.arrayBuffer());
      const headers = copyHeaders(response, fetchAPI);
      const json = /json/.test(headers.get('content-type') ?? '');
      const hasErrors = json && /"errors"\s*:/.test(new TextDecoder().decode(body.subarray(0, 64 * 1024)));
      if (hasErrors) {
        headers.set('cache-control', 'no-store');
        setResponse(new fetchAPI.Response(body, { status: 200, headers }));
        return;
      }
      const etag = etagOf(body);
      headers.set('etag', etag);
      headers.set('cache-control', `${visibility}, max-age=${CACHE_MAX_AGE_SECONDS}`);
      // The compression plugin (after this one) suffixes the tag per encoding; a 304 must name the same tag.
      const sent = encodedEtag(etag, responseEncoding(request.headers.get('accept-encoding'), headers.get('content-type'), body.length));
      if (matches(request.headers.get('if-none-match'), sent)) {
        const notModified = new fetchAPI.Headers({ etag: sent, 'cache-control': headers.get('cache-control')! });
        const vary = headers.get('vary');
        notModified.set('vary', vary && /accept-encoding/i.test(vary) ? vary : [vary, 'Accept-Encoding'].filter(Boolean).join(', '));
        setResponse(new fetchAPI.Response(null, { status: 304, headers: notModified }));
        return;
      }
      setResponse(new fetchAPI.Response(body, { status: 200, headers }));
    },
  };
}
