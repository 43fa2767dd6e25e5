// Browser tests against a real stack. The global setup brings the stack up through the
// orchestrator `npm start` uses (@steppe/stack): Neo4j (unless NEO4J_URI is set), a graph of
// its own, the API and the built web app on free ports; the global teardown stops all of it.
const { serially, withTestTimeout } = require('@steppe/config/jest');

module.exports = serially(
  withTestTimeout(
    {
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
      // One browser, one stack: the files run one after another (serially), and each checks it (src/one-at-a-time.ts).
      setupFilesAfterEnv: ['<rootDir>/src/one-at-a-time.ts'],
      slowTestThreshold: 60,
    },
    120_000,
  ),
);
