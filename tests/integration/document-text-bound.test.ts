import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer } from '../../api/server.js';
import { startTestServer, testDatabaseUrl } from '../support/server.js';

/**
 * A roadmap table is a document: its `text` has a bound of its own (300 000 characters), every
 * other text argument keeps the 10 000 of Limits. Both are tried past their bound.
 */
let server: RunningServer;
let db: pg.Pool;
let municipality = '';
let table = '';

beforeAll(async () => {
  server = await startTestServer();
  db = new pg.Pool({ connectionString: testDatabaseUrl(), max: 1 });
  const { rows } = await db.query<{ id: number }>(
    `select m.id from municipality m join region g on g.id = m.region_id where g.code = '56'
     order by m.id desc limit 1`,
  );
  municipality = String(rows[0]!.id);
  table = await readFile(new URL('../fixtures/roadmap/001_895a1ffee6e9f536.txt', import.meta.url), 'utf8');
});
afterAll(async () => {
  await server.close();
  await db.end();
});

async function importText(text: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation($input: RoadmapImportInput!) { importRoadmap(input: $input) { roadmap { activities { number } } } }`,
      variables: {
        input: { text, level: 'MUNICIPALITY', regionCode: '56', municipality, listYear: 2031 },
      },
    }),
  });
  return (await response.json()) as {
    data?: { importRoadmap: { roadmap: { activities: unknown[] } } } | null;
    errors?: { message: string; extensions?: { code?: string; argument?: string } }[];
  };
}

describe('the bound of a document text', () => {
  it('takes a roadmap longer than 10 000 characters (the table, then 40 000 characters of the order after it)', async () => {
    // a TAB-less line ends the table (§3 step 2): what follows is the rest of the document
    const text = `${table}\n${'Приложение к приказу. '.repeat(2_000)}`;
    expect(text.length).toBeGreaterThan(40_000);
    const answer = await importText(text);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.importRoadmap.roadmap.activities).toHaveLength(23);
  });

  it('refuses one past 300 000 characters, naming input.text', async () => {
    const answer = await importText('№\tсрок\n'.padEnd(300_001, 'я'));
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.text' });
    expect(answer.errors?.[0]?.message).toContain('300001 characters, more than the 300000 accepted');
  });

  it('keeps 10 000 for every other text argument', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ school(code: "${'x'.repeat(10_001)}") { code } }` }),
    });
    const answer = (await response.json()) as { errors?: { extensions?: { argument?: string } }[] };
    expect(answer.errors?.[0]?.extensions?.argument).toBe('code');
  });
});
