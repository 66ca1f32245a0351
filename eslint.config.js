import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers of ../shared/ARCHITECTURE.md (README: Layout), checked on every import: a folder may
 * import the folders below it and never those above, so the folders form no cycle. Dynamic imports
 * are not checked by this rule; the only ones are in tests/.
 */
const layer = (name) => ({ group: [`**/${name}/**`, `${name}/**`], message: `see README: Layout` });
const forbid = (patterns, paths = []) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: patterns.map((p) => ({ ...layer(p), message: `${p}/ is above this layer (README: Layout)` })),
      paths: paths.map((name) => ({ name, message: `${name} belongs to api/ (README: Layout)` })),
    },
  ],
});
const GRAPHQL = ['graphql', 'type-graphql', '@apollo/server', 'graphql-scalars'];
// The one exception to the table: an import or a load refreshes the stored reductions in its own
// transaction, so ingest/ and seeds/ call analytics/sql/refresh (and nothing else of analytics).
const ANALYTICS_EXCEPT_REFRESH = { regex: '(^|/)analytics/(?!sql/refresh\\.js$)' };
const LAYERS = [
  { files: ['config/**/*.ts'], rules: forbid(['api', 'analytics', 'ingest', 'schema', 'seeds', 'bench']) },
  {
    files: ['db/**/*.ts'],
    rules: forbid(['api', 'analytics', 'ingest', 'schema', 'seeds', 'bench'], GRAPHQL),
  },
  { files: ['schema/**/*.ts'], rules: forbid(['api', 'analytics', 'ingest', 'seeds', 'bench']) },
  { files: ['analytics/**/*.ts'], rules: forbid(['api', 'ingest', 'seeds', 'bench'], GRAPHQL) },
  {
    // Only the SQL part of analytics talks to the database; the rest is pure.
    files: ['analytics/**/*.ts'],
    ignores: ['analytics/sql/**'],
    rules: forbid(['api', 'ingest', 'seeds', 'bench', 'db', 'sql'], GRAPHQL),
  },
  {
    files: ['ingest/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...['api', 'seeds', 'bench'].map((p) => ({
              ...layer(p),
              message: `${p}/ is above ingest/ (README: Layout)`,
            })),
            {
              ...ANALYTICS_EXCEPT_REFRESH,
              message: 'ingest/ may use analytics/sql/refresh only (README: Layout)',
            },
          ],
          paths: GRAPHQL.map((name) => ({ name, message: `${name} belongs to api/ (README: Layout)` })),
        },
      ],
    },
  },
  {
    files: ['seeds/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...['api', 'bench'].map((p) => ({
              ...layer(p),
              message: `${p}/ is above seeds/ (README: Layout)`,
            })),
            {
              ...ANALYTICS_EXCEPT_REFRESH,
              message: 'seeds/ may use analytics/sql/refresh only (README: Layout)',
            },
          ],
        },
      ],
    },
  },
  { files: ['api/**/*.ts'], rules: forbid(['bench']) },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.build-test/', '.data/', 'api/operations/generated/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { disallowTypeAnnotations: false, fixStyle: 'inline-type-imports' },
      ],
    },
  },
  {
    files: ['api/**/*.ts', 'schema/**/*.ts'],
    rules: {
      // type-graphql and MikroORM read parameter types from emitted decorator metadata, so
      // decorated classes must import those types as values.
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  ...LAYERS,
);
