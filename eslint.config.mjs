// Code rules for every project. Module boundaries (tags and the feature order) are checked by
// scripts/check-boundaries.mjs; formatting is Prettier's (npm run format:check).
import tseslint from 'typescript-eslint';

// Node's globals for the plain-JavaScript scripts, benches and servers (no type information there).
const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'fetch',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'AbortController',
    'AbortSignal',
    'TextEncoder',
    'TextDecoder',
    'structuredClone',
    'performance',
    'queueMicrotask',
    'module',
    'require',
    '__dirname',
    'Response',
    'Request',
    'Headers',
  ].map((name) => [name, 'readonly']),
);

// House size rules: a file says one thing, a function does one thing. Tests read as stories
// (describe/it callbacks are long by nature) and migrations are generated, so only their file size counts.
const sizeRules = {
  'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
  'max-lines-per-function': ['error', { max: 40, skipBlankLines: true, skipComments: true }],
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/.next/**',
      '**/.next-*/**',
      '**/node_modules/**',
      '**/*.d.ts',
      '**/*.d.mts',
      '**/test-results/**',
      '**/playwright-report/**',
      '**/next-env.d.ts',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: nodeGlobals, sourceType: 'module' },
    rules: {
      'no-undef': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { rules: sizeRules },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/test/**', 'e2e/**', '**/migrations/**', '**/reference/**'],
    rules: { 'no-console': 'off', 'max-lines-per-function': 'off' },
  },
);
