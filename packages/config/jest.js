// Shared jest preset for Node workspaces. Tests are TypeScript, compiled by swc
// (type errors are caught by the separate `tsc --noEmit` typecheck, not here).
const path = require('node:path');

/**
 * @param {string} dir the workspace directory (pass __dirname)
 * @param {object} [overrides] extra jest options for this workspace
 */
function nodeProject(dir, overrides = {}) {
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
    // Integration tests share one Neo4j; the runner starts it (or uses NEO4J_URI).
    globalSetup: require.resolve('@steppe/neo4j-local/jest-setup'),
    globalTeardown: require.resolve('@steppe/neo4j-local/jest-teardown'),
    testTimeout: 60_000,
    ...overrides,
  };
}

module.exports = { nodeProject };
