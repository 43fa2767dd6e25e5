// Unit tests: plain TS modules run in Node, components opt into jsdom with a
// `@jest-environment jsdom` docblock. No Neo4j: the web app only talks HTTP.
const nextJest = require('next/jest');

const createJestConfig = nextJest({ dir: __dirname });

module.exports = createJestConfig({
  displayName: '@steppe/web',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/src/**/*.test.tsx', '<rootDir>/app/**/*.test.tsx'],
  testTimeout: 20_000,
});
