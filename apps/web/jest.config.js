// Unit tests: plain TS modules run in Node, components opt into jsdom with a
// `@jest-environment jsdom` docblock. No Neo4j: the web app only talks HTTP.
const nextJest = require('next/jest');
const { withTestTimeout } = require('@steppe/config/jest');

const createJestConfig = nextJest({ dir: __dirname });

const config = createJestConfig(
  withTestTimeout(
    {
      displayName: '@steppe/web',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/src/**/*.test.tsx', '<rootDir>/app/**/*.test.tsx'],
    },
    20_000,
  ),
);

// next/jest loads next.config.ts, whose relative imports (./src/…) resolve only from this folder:
// from the repository root (the multi-project `npm test`) they were not found.
module.exports = async () => {
  const previous = process.cwd();
  process.chdir(__dirname);
  try {
    return await config();
  } finally {
    process.chdir(previous);
  }
};
