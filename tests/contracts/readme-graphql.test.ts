import { readFile } from 'node:fs/promises';
import { type DefinitionNode, type DocumentNode, Kind, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildApiSchema } from '../../api/graphql/schema.js';

/** Each ```graphql block of the README, each of its operations on its own, against the schema. */
async function readmeOperations(): Promise<{ name: string; document: DocumentNode }[]> {
  const readme = await readFile('README.md', 'utf8');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  return blocks.flatMap((block, b) =>
    parse(block).definitions.map((definition: DefinitionNode, d) => ({
      name: `block ${b + 1}, operation ${d + 1}: ${block.trim().split('\n')[0]?.slice(0, 60)}`,
      document: { kind: Kind.DOCUMENT, definitions: [definition] } as DocumentNode,
    })),
  );
}

describe("the README's GraphQL is valid against the schema the API serves (issue 10)", async () => {
  const schema = await buildApiSchema();
  const operations = await readmeOperations();
  it('has examples to check', () => expect(operations.length).toBeGreaterThan(10));
  it.each(operations)('$name', ({ document }) => {
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  });
});
