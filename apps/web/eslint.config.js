// The shared TypeScript config plus the React hooks and Next.js rules.
const base = require('@steppe/config/eslint');
const reactHooks = require('eslint-plugin-react-hooks');
const nextPlugin = require('@next/eslint-plugin-next');
const globals = require('globals');

module.exports = [
  ...base,
  // generated.ts is written by GraphQL Code Generator (and checked for drift by a test).
  { ignores: ['next-env.d.ts', 'src/api/generated.ts'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, '@next/next': nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
    },
  },
  // The boundary between the model and the canvas (docs/architecture.md, "Where to put things"): src/workspace holds
  // pure state (ids, graph cache, filters, view, visibility, reducer, history) and may not reach Cytoscape, the
  // Cytoscape code in src/graph, or React components; src/graph may import the model, never the other way round.
  {
    files: ['src/workspace/**/*.ts'],
    ignores: ['src/workspace/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['cytoscape', 'cytoscape-*', 'cose-base'],
              message: 'src/workspace is the pure model: no Cytoscape (put canvas code in src/graph).',
            },
            {
              group: ['**/graph', '**/graph/**'],
              message: 'src/workspace may not import the Cytoscape folder src/graph (it imports the model, not the other way round).',
            },
            { group: ['**/components/**', 'react', 'react-dom'], message: 'src/workspace is the pure model: no React.' },
          ],
        },
      ],
    },
  },
];
