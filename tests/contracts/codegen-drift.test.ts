import { generate } from '@graphql-codegen/cli';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import config from '../../codegen.js';

// A file of its own: codegen loads graphql as CommonJS, and two graphql copies must not meet in one module graph.
describe('committed typed documents', () => {
  it('api/operations/generated is what codegen makes of the committed operations (run `npm run codegen`)', async () => {
    const outputs = await generate({ ...config, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      expect(await readFile(output.filename, 'utf8'), output.filename).toBe(output.content);
    }
  });
});
