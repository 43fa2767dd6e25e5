import type { NextConfig } from 'next';

const config: NextConfig = {
  // @steppe/domain and @steppe/exporters ship TypeScript source; Next compiles them like the app's own code.
  // The explorer imports only `@steppe/exporters/import` (the importer: @steppe/domain and an XML parser).
  transpilePackages: ['@steppe/domain', '@steppe/exporters'],
  reactStrictMode: true,
  poweredByHeader: false,
};

export default config;
