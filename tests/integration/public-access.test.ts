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
    AUTH_JWT_SECRET: 'public-access-test-secret-of-32-bytes-or-more',
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

  describe.each([
    ['vprStatistics', 'vprStatistics'],
    ['giaStatistics(OGE)', 'giaStatistics(exam: OGE, '],
    ['giaStatistics(EGE)', 'giaStatistics(exam: EGE, '],
  ])('%s refuses the filters that pick schools', (_name, call) => {
    const ask = (args: string) =>
      graphql(server.url, `{ stats: ${call.endsWith(', ') ? call : `${call}(`}${args}) { totalCount } }`);

    it('nameContains, schoolCodes, types and localities: FORBIDDEN naming the argument', async () => {
      const school = (
        await db.query<{ code: string; name: string; type: string; locality: string }>(
          `select code, name, type, locality from school order by code limit 1`,
        )
      ).rows[0]!;
      const cases: [string, string][] = [
        ['filter.nameContains', `nameContains: ${JSON.stringify(school.name)}`],
        ['filter.schoolCodes', `schoolCodes: ["${school.code}"]`],
        ['filter.types', `types: [${school.type}]`],
        ['filter.localities', `localities: [${school.locality}]`],
      ];
      for (const [argument, filter] of cases) {
        const answer = await ask(`groupBy: [MUNICIPALITY, SUBJECT], filter: { ${filter} }`);
        expect((answer.data as { stats?: unknown } | null | undefined)?.stats ?? null, argument).toBeNull();
        expect(answer.errors?.[0]?.extensions, argument).toMatchObject({ code: 'FORBIDDEN', argument });
      }
    });

    it('a place filter only with its place in groupBy: every row a whole region or municipality', async () => {
      const id = (await db.query<{ id: number }>(`select id from municipality order by id limit 1`)).rows[0]!
        .id;
      const refused: [string, string][] = [
        ['filter.municipalityIds', `groupBy: [SUBJECT], filter: { municipalityIds: ["${id}"] }`],
        ['filter.municipalityIds', `groupBy: [REGION, YEAR], filter: { municipalityIds: ["${id}"] }`],
        ['filter.regionCodes', `groupBy: [YEAR], filter: { regionCodes: ["56", "23"] }`],
      ];
      for (const [argument, args] of refused) {
        const answer = await ask(args);
        expect(answer.errors?.[0]?.extensions, args).toMatchObject({ code: 'FORBIDDEN', argument });
      }
      for (const args of [
        `groupBy: [MUNICIPALITY, SUBJECT], filter: { municipalityIds: ["${id}"] }`,
        `groupBy: [REGION, YEAR], filter: { regionCodes: ["56"] }`,
        `groupBy: [MUNICIPALITY], filter: { regionCodes: ["56"], years: [2026] }`,
      ]) {
        expect((await ask(args)).errors, args).toBeUndefined();
      }
    });
  });

  it('no entry point gives a school’s figures: statistics of 5+ schools, places carry names only, analytics are empty', async () => {
    const { code, municipality } = (
      await db.query<{ code: string; municipality: number }>(
        `select code, municipality_id as municipality from school order by code limit 1`,
      )
    ).rows[0]!;
    // the smallest municipality has groups of fewer than 5 schools by grade and subject (checked here)
    const smallest = (
      await db.query<{ id: number; n: number }>(
        `select s.municipality_id as id, min(n)::int as n from (select s.municipality_id, v.grade, v.subject,
           count(*) as n from vpr_result v join school s on s.id = v.school_id where v.year = 2026
           group by 1, 2, 3) s group by 1 order by (select count(*) from school where municipality_id = s.municipality_id), 1 limit 1`,
      )
    ).rows[0]!;
    expect(smallest.n).toBeLessThan(5);
    const statistics = await graphql(
      server.url,
      `{
        vpr: vprStatistics(groupBy: [MUNICIPALITY, GRADE, SUBJECT], first: 500,
          filter: { years: [2026], municipalityIds: ["${smallest.id}"] }) { nodes { schoolCount } }
        oge: giaStatistics(exam: OGE, groupBy: [MUNICIPALITY, YEAR, SUBJECT], first: 500) { nodes { schoolCount } }
        ege: giaStatistics(exam: EGE, groupBy: [MUNICIPALITY, YEAR, SUBJECT], first: 500) { nodes { schoolCount } }
      }`,
    );
    expect(statistics.errors).toBeUndefined();
    const groups = statistics.data as Record<string, { nodes: { schoolCount: number }[] }>;
    for (const name of ['vpr', 'oge', 'ege']) {
      expect(groups[name]!.nodes.length, name).toBeGreaterThan(0);
      expect(Math.min(...groups[name]!.nodes.map((n) => n.schoolCount)), name).toBeGreaterThanOrEqual(5);
    }
    const answer = await graphql(
      server.url,
      `{
        regions(first: 10) { totalCount nodes { code municipalities { id name region { code } } } }
        municipalities(first: 100) { totalCount }
        schools(first: 1, filter: { nameContains: "а" }) { totalCount nodes { code } }
        shnorSummary(year: 2026, groupBy: MUNICIPALITY) { rows { eligible review notEligible insufficientData } }
        riskFactorSummary(year: 2026, groupBy: MUNICIPALITY) { rows { high medium low noData } }
        objectivityMarkers(year: 2026) { totalCount }
        riskProfiles(year: 2026, filter: { schoolCodes: ["${code}"] }) { totalCount }
        shnorLists { id }
        mun: dynamics(entity: MUNICIPALITY, id: "${municipality}", indicator: SHARE2, grade: 4, subject: RU) { points { value } }
      }`,
    );
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    const data = answer.data as Record<string, unknown>;
    const counted = await db.query<{ regions: number; municipalities: number }>(
      `select (select count(*) from region)::int as regions, (select count(*) from municipality)::int as municipalities`,
    );
    expect(data.regions).toMatchObject({ totalCount: counted.rows[0]!.regions });
    expect(data.municipalities).toEqual({ totalCount: counted.rows[0]!.municipalities });
    expect(data.schools).toEqual({ totalCount: 0, nodes: [] });
    const zeros = (rows: Record<string, number>[]) =>
      rows.every((r) => Object.values(r).every((v) => v === 0));
    expect(zeros((data.shnorSummary as { rows: Record<string, number>[] }).rows)).toBe(true);
    expect(zeros((data.riskFactorSummary as { rows: Record<string, number>[] }).rows)).toBe(true);
    expect(data.objectivityMarkers).toEqual({ totalCount: 0 });
    expect(data.riskProfiles).toEqual({ totalCount: 0 });
    expect(data.shnorLists).toEqual([]);
    const points = (data.mun as { points: { value: number | null }[] }).points;
    expect(points.every((p) => p.value === null)).toBe(true);
    const cohort = await graphql(
      server.url,
      `{ cohort(schoolCode: "${code}", subject: RU, startYear: 2022) { steps { year } } }`,
    );
    expect(cohort.data ?? null).toBeNull();
  });
});
