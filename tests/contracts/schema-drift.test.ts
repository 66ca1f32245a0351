import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildApiSchema, printApiSchema } from '../../api/graphql/schema.js';

describe('committed SDL', () => {
  it('schema/schema.graphql is the SDL the API serves (run `npm run schema:emit`)', async () => {
    const committed = await readFile('schema/schema.graphql', 'utf8');
    expect(committed).toBe(printApiSchema(await buildApiSchema()));
  });
});
