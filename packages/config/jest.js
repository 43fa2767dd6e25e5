// Shared jest preset for Node workspaces. Tests are TypeScript, compiled by swc
// (type errors are caught by the separate `tsc --noEmit` typecheck, not here).
const path = require('node:path');

const DEFAULT_TIMEOUT = 60_000;

/**
 * A project's test timeout, in force whether the project runs alone or as one of the projects
 * of `npm test` (where jest would otherwise apply the first project's `testTimeout` to all):
 * set by a setup file in every test file (jest-timeout.js).
 * @param {object} config a jest project configuration
 * @param {number} timeout ms, for every test and hook
 */
function withTestTimeout(config, timeout) {
  return {
    ...config,
    testTimeout: timeout,
    globals: { ...config.globals, __STEPPE_TEST_TIMEOUT__: timeout },
    setupFilesAfterEnv: [...(config.setupFilesAfterEnv ?? []), require.resolve('./jest-timeout.js')],
  };
}

/**
 * Runs the project's test files one after another (one browser, one stack), also inside the
 * multi-project run, where a project's `maxWorkers` is ignored (jest-serial-runner.js).
 * @param {object} config a jest project configuration
 */
function serially(config) {
  return { ...config, runner: require.resolve('./jest-serial-runner.js') };
}

/**
 * @param {string} dir the workspace directory (pass __dirname)
 * @param {object} [options]
 * @param {boolean} [options.neo4j] whether the workspace has integration tests that need Neo4j (default true)
 * @param {number} [options.testTimeout] ms per test and hook (default 60 s)
 * @param {object} [options.overrides] extra jest options for this workspace
 */
function nodeProject(dir, { neo4j = true, testTimeout = DEFAULT_TIMEOUT, overrides = {} } = {}) {
  const pkg = require(path.join(dir, 'package.json'));
  return withTestTimeout(
    {
      displayName: pkg.name,
      rootDir: dir,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
      transform: {
        '^.+\\.(t|j)sx?$': [
          require.resolve('@swc/jest'),
          { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
        ],
      },
      // Integration tests share one Neo4j: the full test run starts it once (or
      // uses NEO4J_URI); running one workspace alone starts one for that run.
      ...(neo4j ? { globalSetup: '@steppe/neo4j-local/jest-setup', globalTeardown: '@steppe/neo4j-local/jest-teardown' } : {}),
      ...overrides,
    },
    testTimeout,
  );
}

module.exports = { nodeProject, withTestTimeout, serially, DEFAULT_TIMEOUT };
