import type { CORSOptions, Plugin } from 'graphql-yoga';

/**
 * Which browser origins may read the API's responses (/graphql and /export).
 *
 * Only origins on the configured allow-list get `Access-Control-Allow-Origin`
 * (their own origin echoed back), and never with credentials: the API uses no
 * cookies, and a bearer token or API key travels in a header the page sets
 * itself. An origin not on the list, `Origin: null` (sandboxed iframes, file:
 * pages) included, gets no CORS headers at all, so the browser hides the
 * response from it. `Vary: Origin` is on every response, so a shared cache
 * never hands one origin's answer to another. "*" is an explicit opt-in for a
 * fully public API (still without credentials).
 */
export type AllowedOrigins = readonly string[] | '*';

export const CORS_METHODS = ['GET', 'POST', 'OPTIONS'];
/** Headers a page may send: the GraphQL ones, plus sign-in and the graph to read. */
export const CORS_ALLOWED_HEADERS = ['content-type', 'accept', 'authorization', 'x-api-key', 'x-steppe-graph'];

/** Parses CORS_ORIGINS ("*", or a comma-separated list of http(s) origins); refuses "null" and anything that is not an origin. */
export function parseAllowedOrigins(value: string): AllowedOrigins {
  const trimmed = value.trim();
  if (trimmed === '*') return '*';
  const origins = trimmed
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return origins.map((origin) => {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin.replace(/\/+$/, '')) {
      throw new Error(`CORS_ORIGINS: "${origin}" is not an origin (scheme://host[:port], no path); "null" is never allowed.`);
    }
    return url.origin;
  });
}

/**
 * The default allow-list: the explorer's own origin (STEPPE_WEB_URL) or, when
 * it is not set, the explorer of `npm start` on port 3000.
 */
export function defaultAllowedOrigins(webUrl: string | undefined): string[] {
  if (webUrl) return [new URL(webUrl).origin];
  return ['http://localhost:3000', 'http://127.0.0.1:3000'];
}

export function isAllowedOrigin(allowed: AllowedOrigins, origin: string | null): boolean {
  if (!origin || origin === 'null') return false;
  return allowed === '*' || allowed.includes(origin);
}

/** yoga's `cors` option: headers for an allowed origin, none (false) for any other. */
export function corsPolicy(allowed: AllowedOrigins): (request: Request) => CORSOptions {
  return (request) => {
    const origin = request.headers.get('origin');
    if (!isAllowedOrigin(allowed, origin)) return false;
    return {
      origin: allowed === '*' ? '*' : [origin!],
      credentials: false,
      methods: CORS_METHODS,
      allowedHeaders: CORS_ALLOWED_HEADERS,
      exposedHeaders: [
        'content-disposition',
        'www-authenticate',
        'x-steppe-entities',
        'x-steppe-truncated',
        'retry-after',
        'ratelimit-limit',
        'ratelimit-remaining',
        'ratelimit-reset',
        'ratelimit-policy',
      ],
      maxAge: 600,
    };
  };
}

/** `Vary: Origin` on every response (allowed or not), kept alongside any Vary already set. */
export function useVaryOrigin(): Plugin {
  return {
    onResponse({ response }) {
      const vary = response.headers.get('vary');
      const parts = (vary ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (!parts.some((p) => p.toLowerCase() === 'origin' || p === '*')) response.headers.set('vary', [...parts, 'Origin'].join(', '));
    },
  };
}
