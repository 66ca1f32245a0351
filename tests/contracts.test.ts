import { generate } from '@graphql-codegen/cli';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildApiSchema, printApiSchema } from '../api/graphql/schema.js';
import config from '../codegen.js';

/** The committed contracts (SDL and typed documents) must be what the code produces. */
describe('committed contracts', () => {
  it('schema/schema.graphql is the SDL the API serves (run `npm run schema:emit`)', async () => {
    const committed = await readFile('schema/schema.graphql', 'utf8');
    expect(committed).toBe(printApiSchema(await buildApiSchema()));
  });

  it('api/operations/generated is what codegen makes of the committed operations (run `npm run codegen`)', async () => {
    const outputs = await generate({ ...config, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      expect(await readFile(output.filename, 'utf8'), output.filename).toBe(output.content);
    }
  });
});
