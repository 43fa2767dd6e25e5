import type { NextConfig } from 'next';

const config: NextConfig = {
  // @steppe/domain ships TypeScript source; Next compiles it like the app's own code.
  transpilePackages: ['@steppe/domain'],
  reactStrictMode: true,
  poweredByHeader: false,
};

export default config;
