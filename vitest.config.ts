import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// swc (not esbuild) so that decorator metadata is emitted: type-graphql and MikroORM need it.
export default defineConfig({
  plugins: [
    swc.vite({
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2022',
      },
    }),
  ],
  resolve: {
    // Node loads graphql (no "exports" map) as CommonJS for type-graphql and Apollo; Vite would pick
    // its .mjs build for our files. Two copies of graphql cannot share a schema, so ours use Node's.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // the unit files run first, on their own: alongside, they took the cores from the
          // integration tests that time a light query under attack (200 ms) and made them flaky
          sequence: { groupOrder: 0 },
          include: [
            'analytics/**/*.test.ts',
            'config/**/*.test.ts',
            'db/**/*.test.ts',
            'schema/**/*.test.ts',
            'api/**/*.test.ts',
            'ingest/**/*.test.ts',
            'seeds/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['tests/**/*.test.ts'],
          // one fresh database for the run, loaded once; files share it, so they run one at a time
          globalSetup: ['tests/support/global-setup.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
});
