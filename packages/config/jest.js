// Shared jest preset for Node workspaces. Tests are TypeScript, compiled by swc
// (type errors are caught by the separate `tsc --noEmit` typecheck, not here).
const path = require('node:path');

/**
 * @param {string} dir the workspace directory (pass __dirname)
 * @param {object} [options]
 * @param {boolean} [options.neo4j] whether the workspace has integration tests that need Neo4j (default true)
 * @param {object} [options.overrides] extra jest options for this workspace
 */
function nodeProject(dir, { neo4j = true, overrides = {} } = {}) {
  const pkg = require(path.join(dir, 'package.json'));
  return {
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
    ...(neo4j
      ? { globalSetup: '@steppe/neo4j-local/jest-setup', globalTeardown: '@steppe/neo4j-local/jest-teardown' }
      : {}),
    testTimeout: 60_000,
    ...overrides,
  };
}

module.exports = { nodeProject };
