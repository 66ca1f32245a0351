import { type CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents from the committed operations, generated against the committed SDL
 * (`npm run schema:emit` first when the API changes; a test fails when either drifts).
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['api/operations/*.graphql'],
  ignoreNoDocuments: false,
  emitLegacyCommonJSImports: false,
  generates: {
    'api/operations/generated/': {
      preset: 'client',
      // persisted-documents.json: the trusted documents (hash → operation) BI callers may run by id.
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' },
      },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { ID: 'string' } },
    },
  },
};

export default config;
