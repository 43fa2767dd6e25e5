// Browser tests against a real stack. The global setup starts Neo4j (unless
// NEO4J_URI is set), seeds a graph of its own, starts the API and the built
// web app on free ports; the global teardown stops all of it.
module.exports = {
  displayName: '@steppe/web-e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.e2e.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      require.resolve('@swc/jest'),
      { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
    ],
  },
  globalSetup: '<rootDir>/src/global-setup.ts',
  globalTeardown: '<rootDir>/src/global-teardown.ts',
  // One browser, one stack: run the files one after another.
  maxWorkers: 1,
  testTimeout: 120_000,
  slowTestThreshold: 60,
};
