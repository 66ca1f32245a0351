import { describe, expect, it } from 'vitest';
import {
  GiaStatisticsDocument,
  VprStatisticsByRegionDocument,
  VprStatisticsBySubjectDocument,
} from '../../api/operations/generated/graphql.js';
import { dataOf, graphql } from '../support/graphql-client.js';
import { serverAndDatabase } from '../support/server.js';

const { server, db } = serverAndDatabase();

const REGION_SUMS = `select g.code, v.year, count(distinct s.id)::int as schools, sum(participants)::int as n,
  sum(n2)::int as n2, sum(n4 + n5)::int as good
  from vpr_result v join school s on s.id = v.school_id join municipality m on m.id = s.municipality_id
  join region g on g.id = m.region_id group by g.code, v.year order by g.code, v.year`;

describe('vprStatistics', () => {
  it('pools counts per region × year exactly as a direct SQL sum does', async () => {
    const data = dataOf(await graphql(server.url, VprStatisticsByRegionDocument, {}));
    const expected = (await db.query(REGION_SUMS)).rows;
    expect(data.vprStatistics.totalCount).toBe(expected.length);
    expect(
      data.vprStatistics.nodes.map((r) => [
        r.region?.code,
        r.year,
        r.schoolCount,
        r.participants,
        r.share2,
        r.quality,
      ]),
    ).toEqual(
      expected.map((e) => [
        e.code,
        e.year,
        e.schools,
        e.n,
        expect.closeTo(e.n2 / e.n, 12),
        expect.closeTo(e.good / e.n, 12),
      ]),
    );
  });

  it('municipality groups add up to their region, for one grade and subject', async () => {
    const filter = { regionCodes: ['56'], grades: [4], subjects: ['RU' as const], years: [2025] };
    const byMunicipality = dataOf(
      await graphql(server.url, VprStatisticsBySubjectDocument, { filter, groupBy: ['MUNICIPALITY'] }),
    ).vprStatistics.nodes;
    const total = dataOf(await graphql(server.url, VprStatisticsBySubjectDocument, { filter, groupBy: [] }))
      .vprStatistics.nodes;
    expect(total).toHaveLength(1);
    expect(byMunicipality.length).toBeGreaterThan(1);
    const sum = (k: 'participants' | 'n2' | 'n3' | 'n4' | 'n5' | 'schoolCount') =>
      byMunicipality.reduce((acc, r) => acc + r[k], 0);
    expect(sum('participants')).toBe(total[0]!.participants);
    expect(sum('n2')).toBe(total[0]!.n2);
    expect(sum('n5')).toBe(total[0]!.n5);
    expect(sum('schoolCount')).toBe(total[0]!.schoolCount);
    expect(total[0]!.meanMark).toBeCloseTo(
      (2 * total[0]!.n2 + 3 * total[0]!.n3 + 4 * total[0]!.n4 + 5 * total[0]!.n5) / total[0]!.participants,
      12,
    );
  });

  it('groups by school with the school object, paged by cursor', async () => {
    const first = dataOf(
      await graphql(
        server.url,
        `
          {
            vprStatistics(groupBy: [SCHOOL], filter: { years: [2025] }, first: 7) {
              totalCount
              pageInfo {
                hasNextPage
                endCursor
              }
              nodes {
                school {
                  code
                  name
                  municipality {
                    name
                  }
                }
                participants
              }
            }
          }
        `,
      ),
    ) as {
      vprStatistics: {
        totalCount: number;
        pageInfo: { endCursor: string };
        nodes: { school: { code: string } }[];
      };
    };
    const expected = await db.query(
      `select count(distinct school_id)::int as n from vpr_result where year = 2025`,
    );
    expect(first.vprStatistics.totalCount).toBe(expected.rows[0].n);
    const second = dataOf(
      await graphql(
        server.url,
        `
          query ($after: String) {
            vprStatistics(groupBy: [SCHOOL], filter: { years: [2025] }, first: 7, after: $after) {
              nodes {
                school {
                  code
                }
              }
            }
          }
        `,
        { after: first.vprStatistics.pageInfo.endCursor },
      ),
    ) as { vprStatistics: { nodes: { school: { code: string } }[] } };
    const codes = [...first.vprStatistics.nodes, ...second.vprStatistics.nodes].map((n) => n.school.code);
    expect(new Set(codes).size).toBe(14);
    expect([...codes].sort()).toEqual(codes);
  });
});

describe('giaStatistics', () => {
  it('ОГЭ: fail share pooled from «2» counts per region and subject', async () => {
    const data = dataOf(
      await graphql(server.url, GiaStatisticsDocument, { exam: 'OGE', groupBy: ['REGION', 'SUBJECT'] }),
    );
    const expected = (
      await db.query(`select g.code, o.subject::text, sum(participants)::int as n, sum(n2)::int as n2,
        sum(mean_primary * participants) / sum(participants) as mp
        from oge_result o join school s on s.id = o.school_id join municipality m on m.id = s.municipality_id
        join region g on g.id = m.region_id group by g.code, o.subject order by g.code, o.subject`)
    ).rows;
    expect(data.giaStatistics.nodes.map((r) => [r.subject, r.participants, r.failed, r.failShare])).toEqual(
      expected.map((e) => [e.subject, e.n, e.n2, expect.closeTo(e.n2 / e.n, 12)]),
    );
    data.giaStatistics.nodes.forEach((r, i) => expect(r.meanPrimary).toBeCloseTo(Number(expected[i].mp), 9));
  });

  it('ЕГЭ: below-minimum share and weighted mean score per year', async () => {
    const data = dataOf(
      await graphql(server.url, GiaStatisticsDocument, {
        exam: 'EGE',
        groupBy: ['YEAR'],
        filter: { subjects: ['RU'] },
      }),
    );
    const expected = (
      await db.query(`select year, sum(participants)::int as n, sum(below_min)::int as b,
        sum(mean_score * participants) / sum(participants) as ms from ege_result where subject = 'RU' group by year order by year`)
    ).rows;
    expect(data.giaStatistics.nodes.map((r) => [r.year, r.participants, r.failed])).toEqual(
      expected.map((e) => [e.year, e.n, e.b]),
    );
    data.giaStatistics.nodes.forEach((r, i) => expect(r.meanScore).toBeCloseTo(Number(expected[i].ms), 9));
    expect(data.giaStatistics.nodes.every((r) => r.quality === null)).toBe(true);
  });
});
