import { describe, expect, it } from 'vitest';
import { SchoolsPageDocument, SchoolWithResultsDocument } from '../../api/operations/generated/graphql.js';
import { dataOf, graphql } from '../support/graphql-client.js';
import { serverAndDatabase } from '../support/server.js';

const { server, db } = serverAndDatabase();

describe('schools: Relay pagination', () => {
  it('pages through every school of a region exactly once, in code order, totalCount included', async () => {
    const region = (
      await db.query<{ code: string; n: string }>(
        `select g.code, count(*) as n from school s join municipality m on m.id = s.municipality_id
       join region g on g.id = m.region_id group by g.code order by count(*) desc limit 1`,
      )
    ).rows[0]!;
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: {
        schools: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          edges: { cursor: string; node: { code: string } }[];
        };
      } = dataOf(
        await graphql(
          server.url,
          `
            query ($after: String, $codes: [String!]) {
              schools(first: 70, after: $after, filter: { regionCodes: $codes }) {
                totalCount
                pageInfo {
                  hasNextPage
                  endCursor
                }
                edges {
                  cursor
                  node {
                    code
                  }
                }
              }
            }
          `,
          { after, codes: [region.code] },
        ),
      );
      pages += 1;
      expect(page.schools.totalCount).toBe(Number(region.n));
      seen.push(...page.schools.edges.map((e) => e.node.code));
      expect(page.schools.pageInfo.endCursor).toBe(page.schools.edges.at(-1)?.cursor ?? null);
      if (!page.schools.pageInfo.hasNextPage) break;
      after = page.schools.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(Number(region.n));
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);
    expect(pages).toBe(Math.ceil(Number(region.n) / 70));
  });

  it('orders by name with the same set of schools, and the name filter matches case-insensitively', async () => {
    const data = dataOf(
      await graphql(server.url, SchoolsPageDocument, { first: 50, filter: { nameContains: 'сош' } }),
    );
    const expected = await db.query<{ n: string }>(
      `select count(*) as n from school where name ilike '%сош%'`,
    );
    expect(data.schools.totalCount).toBe(Number(expected.rows[0]!.n));
    expect(data.schools.nodes.length).toBe(Math.min(50, data.schools.totalCount));
    for (const node of data.schools.nodes) {
      expect(node.name.toLowerCase()).toContain('сош');
      expect(node.municipality.region.name.length).toBeGreaterThan(0);
    }
  });

  it('filters by type and locality', async () => {
    const data = dataOf(
      await graphql(server.url, SchoolsPageDocument, {
        first: 200,
        filter: { types: ['GYMNASIUM', 'LYCEUM'], localities: ['CITY'] },
      }),
    );
    const expected = await db.query<{ n: string }>(
      `select count(*) as n from school where type in ('GYMNASIUM','LYCEUM') and locality = 'CITY'`,
    );
    expect(data.schools.totalCount).toBe(Number(expected.rows[0]!.n));
    expect(data.schools.totalCount).toBeGreaterThan(0);
    expect(new Set(data.schools.nodes.map((n) => n.typeName))).toEqual(new Set(['гимназия', 'лицей']));
    expect(new Set(data.schools.nodes.map((n) => n.localityName))).toEqual(new Set(['город']));
  });
});

describe('school(code) with nested results', () => {
  it('returns the stored counts and pooled shares of one school', async () => {
    const row = (
      await db.query<{ code: string; year: number }>(
        `select s.code, max(v.year) as year from school s join vpr_result v on v.school_id = s.id
       join oge_result o on o.school_id = s.id join ege_result e on e.school_id = s.id group by s.code order by s.code limit 1`,
      )
    ).rows[0]!;
    const data = dataOf(
      await graphql(server.url, SchoolWithResultsDocument, { code: row.code, year: row.year }),
    );
    const stored = await db.query<{ grade: number; subject: string; participants: number; n2: number }>(
      `select grade, subject, participants, n2 from vpr_result v join school s on s.id = v.school_id
       where s.code = $1 and year = $2 order by grade, subject`,
      [row.code, row.year],
    );
    expect(data.school?.vprResults.map((r) => [r.grade, r.subject, r.participants, r.n2])).toEqual(
      stored.rows.map((r) => [r.grade, r.subject, r.participants, r.n2]),
    );
    for (const r of data.school!.vprResults) {
      expect(r.n2 + r.n3 + r.n4 + r.n5).toBe(r.participants);
      expect(r.share2).toBeCloseTo(r.n2 / r.participants, 12);
      expect(r.quality).toBeCloseTo((r.n4 + r.n5) / r.participants, 12);
    }
    expect(data.school!.ogeResults.length).toBeGreaterThan(0);
    for (const e of data.school!.egeResults)
      expect(e.belowMinShare).toBeCloseTo(e.belowMin / e.participants, 12);
  });

  it('answers null for an unknown code', async () => {
    const data = dataOf(await graphql(server.url, SchoolWithResultsDocument, { code: 'no-such-school' }));
    expect(data.school).toBeNull();
  });
});
