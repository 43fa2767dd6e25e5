import { resolveApiUrl } from './config';

/**
 * The explorer's Content-Security-Policy (OWASP HTTP Headers cheat sheet),
 * sent by proxy.ts with every page; the other security headers, the same for
 * every response (static assets included), are in next.config.ts.
 *
 * Scripts: only Next's own, each carrying the request's nonce
 * ('strict-dynamic' lets them load the chunks they import); development
 * (`next dev`) also needs 'unsafe-eval' for React's error overlay.
 * Styles: 'unsafe-inline', because React renders `style` attributes into the
 * server-rendered markup and a nonce cannot cover attributes (and with a
 * nonce in style-src, browsers ignore 'unsafe-inline'). Styles cannot run
 * code; with img-src, font-src and connect-src pinned they cannot send
 * anything anywhere else either.
 * Connections: the page itself and the API it is configured with (read at
 * request time, like the page does: see config.ts), and the OpenID issuer the
 * explorer signs in with (STEPPE_OIDC_ISSUER), when there is one. Workers: the layout
 * worker's chunk, from the explorer's own origin. Nothing may frame the page.
 */
export function contentSecurityPolicy(options: { nonce: string; env: Readonly<Record<string, string | undefined>>; dev: boolean }): string {
  const api = resolveApiUrl(options.env);
  let apiOrigin = '';
  try {
    apiOrigin = api.error ? '' : new URL(api.url).origin;
  } catch {
    apiOrigin = '';
  }
  // Sign-in (auth/pkce.ts) reads the issuer's discovery document and exchanges the code at its token endpoint.
  let issuerOrigin = '';
  try {
    issuerOrigin = options.env.STEPPE_OIDC_ISSUER ? new URL(options.env.STEPPE_OIDC_ISSUER).origin : '';
  } catch {
    issuerOrigin = '';
  }
  const connect = ["'self'", apiOrigin, issuerOrigin].filter(Boolean).join(' ');
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src ${connect}${options.dev ? ' ws: wss:' : ''}`,
    `worker-src 'self' blob:`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

/** A fresh nonce per request: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
