import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer } from '../../api/server.js';
import { graphql } from '../support/graphql-client.js';
import { startTestServer, testDatabaseUrl } from '../support/server.js';

let server: RunningServer;
let db: pg.Pool;
beforeAll(async () => {
  server = await startTestServer({
    AUTH_DEV_MODE: '0',
    PUBLIC_ACCESS: '1',
    AUTH_JWT_SECRET: 'public-test-secret',
  });
  db = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
});
afterAll(async () => {
  await server.close();
  await db.end();
});

describe('public access (no token)', () => {
  it('sees the aggregates of every region, counted over all their schools', async () => {
    const answer = await graphql(
      server.url,
      `
        {
          vprStatistics(groupBy: [REGION], filter: { years: [2026] }) {
            nodes {
              region {
                code
              }
              participants
            }
          }
        }
      `,
    );
    expect(answer.errors).toBeUndefined();
    const expected = await db.query(
      `select g.code, sum(v.participants)::int as n from vpr_result v join school s on s.id = v.school_id
       join municipality m on m.id = s.municipality_id join region g on g.id = m.region_id where v.year = 2026 group by g.code order by g.code`,
    );
    const nodes = (
      answer.data as { vprStatistics: { nodes: { region: { code: string }; participants: number }[] } }
    ).vprStatistics.nodes;
    expect(nodes.map((n) => [n.region.code, n.participants])).toEqual(
      expected.rows.map((r) => [r.code, r.n]),
    );
  });

  it('sees no school-level row, no per-school statistics and no analytics', async () => {
    const code = (await db.query(`select code from school limit 1`)).rows[0].code as string;
    const rows = await graphql(
      server.url,
      `{ schools(first: 5) { totalCount } school(code: "${code}") { code }
      shnorCandidates(year: 2026, first: 5) { totalCount } }`,
    );
    expect(rows.errors).toBeUndefined();
    expect(rows.data).toEqual({
      schools: { totalCount: 0 },
      school: null,
      shnorCandidates: { totalCount: 0 },
    });
    const perSchool = await graphql(
      server.url,
      `
        {
          vprStatistics(groupBy: [SCHOOL]) {
            totalCount
          }
        }
      `,
    );
    expect(perSchool.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(perSchool.errors?.[0]?.extensions?.argument).toBe('groupBy');
  });
});
