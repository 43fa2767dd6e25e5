import type { NextConfig } from 'next';

/**
 * Security headers on every response, static assets included (OWASP HTTP Headers cheat sheet).
 * The Content-Security-Policy differs per request (a nonce): proxy.ts and src/security-headers.ts.
 * Kept here, not imported: Next loads this file on its own, without the app's module resolution.
 */
const STATIC_SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
];

const config: NextConfig = {
  // @steppe/domain and @steppe/exporters ship TypeScript source; Next compiles them like the app's own code.
  // The explorer imports only `@steppe/exporters/import` (the importer: @steppe/domain and an XML parser).
  // oauth4webapi (sign-in, src/auth) ships ES modules only: listed so the unit tests' transform (next/jest) compiles it too.
  transpilePackages: ['@steppe/client', '@steppe/domain', '@steppe/exporters', 'oauth4webapi'],
  reactStrictMode: true,
  poweredByHeader: false,
  // The usual security headers on everything served; the Content-Security-Policy (per request, with a nonce) is set in proxy.ts.
  async headers() {
    return [{ source: '/:path*', headers: STATIC_SECURITY_HEADERS }];
  },
};

export default config;
