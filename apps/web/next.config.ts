import type { NextConfig } from 'next';
import { STATIC_SECURITY_HEADERS } from './src/security-headers';

const config: NextConfig = {
  // @steppe/domain and @steppe/exporters ship TypeScript source; Next compiles them like the app's own code.
  // The explorer imports only `@steppe/exporters/import` (the importer: @steppe/domain and an XML parser).
  transpilePackages: ['@steppe/domain', '@steppe/exporters'],
  reactStrictMode: true,
  poweredByHeader: false,
  // The usual security headers on everything served; the Content-Security-Policy (per request, with a nonce) is set in proxy.ts.
  async headers() {
    return [{ source: '/:path*', headers: STATIC_SECURITY_HEADERS }];
  },
};

export default config;
