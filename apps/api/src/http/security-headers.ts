import { createHash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';

/**
 * The usual security headers on every API response (OWASP HTTP Headers cheat
 * sheet), in one module so that whoever changes what GraphiQL loads adjusts
 * its policy here and nowhere else.
 *
 * - JSON, files and errors: `default-src 'none'` — nothing a browser renders
 *   from them may load or run anything, and no page may frame them.
 * - GraphiQL (the only HTML the API renders itself): its inline scripts are
 *   allowed by their sha256 hash (computed from the page as served, so the
 *   policy follows any change to the page), everything else from the API's
 *   own origin only (GraphiQL's code, styles and fonts are inlined from an npm
 *   package, see create-api.ts), its editor workers from blob: URLs. No other
 *   host appears in the policy: the page works offline and leaks nothing.
 *
 * Strict-Transport-Security is left to the TLS terminator in front of the
 * API (the API itself speaks plain HTTP on loopback).
 */

export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const COMMON_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-site',
};

/** sha256 source expressions of the inline `<script>` elements of a page. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(match[1] ?? '')) continue;
    hashes.add(
      `'sha256-${createHash('sha256')
        .update(match[2] ?? '', 'utf8')
        .digest('base64')}'`,
    );
  }
  return [...hashes];
}

/** The policy of GraphiQL's page (see the module comment). */
export function graphiqlCsp(html: string): string {
  return [
    `default-src 'self'`,
    `script-src ${["'self'", ...inlineScriptHashes(html)].join(' ')}`,
    // GraphiQL and its editor insert <style> elements and style attributes at run time.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'`,
    `worker-src 'self' blob:`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

function isRenderedHtml(response: Response): boolean {
  return (
    /text\/html/i.test(response.headers.get('content-type') ?? '') && !/attachment/i.test(response.headers.get('content-disposition') ?? '')
  );
}

export function useSecurityHeaders(): Plugin {
  return {
    async onResponse({ response }) {
      for (const [name, value] of Object.entries(COMMON_HEADERS)) response.headers.set(name, value);
      if (isRenderedHtml(response)) {
        response.headers.set('content-security-policy', graphiqlCsp(await response.clone().text()));
        response.headers.set('cross-origin-opener-policy', 'same-origin');
      } else {
        response.headers.set('content-security-policy', API_CSP);
      }
    },
  };
}
