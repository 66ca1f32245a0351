import { readFileSync } from 'node:fs';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_FILE } from '../../api/app.js';
import { serverAndDatabase } from '../support/server.js';

/**
 * The IDE opens every example of api/operations/examples.graphql in a tab of its own: each must run
 * as it opens, with no variable typed in (issue 10), and answer data from the demo country.
 */
const { server } = serverAndDatabase();
const text = readFileSync(EXAMPLES_FILE, 'utf8');
const operations = parse(text)
  .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
  .map((d) => d.name?.value ?? '');

describe('every example of the IDE runs as it opens', () => {
  it.each(operations)('%s', async (operationName) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: text, operationName }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown> | null; errors?: unknown[] };
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    expect(Object.values(body.data ?? {}).some((v) => v !== null)).toBe(true);
  });
});
