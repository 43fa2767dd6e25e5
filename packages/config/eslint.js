// Shared flat ESLint config: ESLint's and typescript-eslint's recommended rules, a chosen set of
// type-aware rules, an import-cycle rule, jest's rules for test files, and the package boundaries.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');
const jest = require('eslint-plugin-jest');
const importX = require('eslint-plugin-import-x');
const path = require('node:path');

/** The workspace being linted (eslint runs in it: `npm run lint` runs `eslint .` in each), e.g. "packages/domain". */
const WORKSPACE = path.relative(path.resolve(__dirname, '../..'), process.cwd()).split(path.sep).join('/');

/**
 * Type-aware rules (they read the TypeScript types, through the project service). A subset of
 * `recommendedTypeChecked`: the rules that catch bugs (a promise nobody awaits, awaiting something
 * that is not one, a promise where a callback's void is expected, throwing or rejecting with a
 * non-Error, for-in over an array, eval in disguise). The `no-unsafe-*` family is left out: it flags every use of parsed JSON and of
 * driver records, which the code checks at run time instead (zod, the record converters).
 */
const TYPE_AWARE_RULES = {
  '@typescript-eslint/no-floating-promises': 'error',
  // Not for arguments: an async request handler passed to http.createServer is yoga's documented use.
  '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false, arguments: false } }],
  '@typescript-eslint/await-thenable': 'error',
  '@typescript-eslint/only-throw-error': 'error',
  '@typescript-eslint/no-for-in-array': 'error',
  '@typescript-eslint/no-implied-eval': 'error',
  '@typescript-eslint/prefer-promise-reject-errors': 'error',
};

/** Packages that may use neo4j-driver's values (a type such as `Driver` may be passed around anywhere). */
const NEO4J_DRIVER_OWNERS = ['packages/graph-store', 'packages/neo4j-local'];

module.exports = tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/.next/**', '**/target/**', '**/coverage/**', '**/*.generated.ts', '**/generated/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: process.cwd() },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.cjs', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      ...TYPE_AWARE_RULES,
      // Modules that import each other (directly or round a longer loop) cannot be read, tested or
      // moved one at a time; type-only imports count too (they couple the modules just as much).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  // Boundaries. Only graph-store talks to Neo4j (neo4j-local starts it): everyone else reads through
  // graph-store's functions, so that all Cypher stays in one package.
  ...(NEO4J_DRIVER_OWNERS.includes(WORKSPACE)
    ? []
    : [
        {
          files: ['**/*.ts', '**/*.tsx'],
          rules: {
            '@typescript-eslint/no-restricted-imports': [
              'error',
              {
                paths: [
                  {
                    name: 'neo4j-driver',
                    allowTypeImports: true,
                    message: 'Query Neo4j through @steppe/graph-store (all Cypher lives there); a type import is fine.',
                  },
                ],
              },
            ],
          },
        },
      ]),
  // The domain is the vocabulary everything else derives from: it imports nothing of ours.
  ...(WORKSPACE === 'packages/domain'
    ? [
        {
          files: ['**/*.ts'],
          rules: {
            '@typescript-eslint/no-restricted-imports': [
              'error',
              { patterns: [{ group: ['@steppe/*'], message: '@steppe/domain depends on no other Steppe package.' }] },
            ],
          },
        },
      ]
    : []),
  {
    files: ['**/*.test.ts', '**/*.test.tsx', '**/test/**/*.ts'],
    ...jest.configs['flat/recommended'],
    rules: {
      ...jest.configs['flat/recommended'].rules,
      'jest/no-focused-tests': 'error',
      'jest/no-disabled-tests': 'error',
      // A test must assert: through expect, or through a helper named for what it checks.
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', '*.expect*', 'assert*'] }],
      // Checks in hooks are deliberate here (no page errors after each browser test, a sanity check of the data a file relies on).
      'jest/no-standalone-expect': ['error', { additionalTestBlockFunctions: ['beforeAll', 'beforeEach', 'afterEach', 'afterAll'] }],
      // Style preferences of the recommended set that this codebase does not follow.
      'jest/no-conditional-expect': 'off',
      'jest/valid-title': 'off',
      'jest/no-done-callback': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },
);
