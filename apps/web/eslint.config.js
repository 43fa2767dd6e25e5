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
];
