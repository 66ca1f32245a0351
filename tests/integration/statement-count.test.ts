import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LatestVprOfSchoolsDocument } from '../../api/operations/generated/graphql.js';
import { type RunningServer } from '../../api/server.js';
import { dataOf, graphql } from '../support/graphql-client.js';
import { startTestServer } from '../support/server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('nested queries are batched', () => {
  it('issues the same number of SQL statements for 100 schools as for 10', async () => {
    const small = await graphql(server.url, LatestVprOfSchoolsDocument, { first: 10 });
    const large = await graphql(server.url, LatestVprOfSchoolsDocument, { first: 100 });
    expect(dataOf(small).schools.nodes).toHaveLength(10);
    expect(dataOf(large).schools.nodes).toHaveLength(100);
    expect(dataOf(large).schools.nodes.every((s) => s.vprResults.length > 0)).toBe(true);
    // schools, municipalities, regions, ВПР results: one statement each, whatever the page size
    expect(small.extensions?.sqlStatements).toBe(4);
    expect(large.extensions?.sqlStatements).toBe(small.extensions?.sqlStatements);
  });

  it('batches two argument sets of the same field separately, still independent of rows', async () => {
    const query = `query($first: Int) { schools(first: $first) { nodes {
      a: vprResults(year: 2025) { grade } b: vprResults(year: 2024) { grade } ogeResults { year } egeResults { year } indicators { code } } } }`;
    const small = await graphql(server.url, query, { first: 10 });
    const large = await graphql(server.url, query, { first: 100 });
    expect(small.errors).toBeUndefined();
    expect(small.extensions?.sqlStatements).toBe(6);
    expect(large.extensions?.sqlStatements).toBe(6);
  });
});
