import { beforeAll, describe, expect, it } from 'vitest';
import { dataOf, graphql } from '../support/graphql-client.js';
import { serverAndDatabase } from '../support/server.js';

const { server, db } = serverAndDatabase();
const sql = async <T>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows as T[];

const YEAR = 2025;

/** METHODOLOGY-V1 §4 written out again, independently of analytics/: code factor direction cut1 cut2. */
const RULES = new Map(
  `EQ_PC_PER_100 1 <= 10 5; EQ_INTERNET_MBPS 1 <= 50 10; EQ_LIBRARY 1 <= 0 0; ST_VACANCY_RATE 2 >= 0.05 0.15;
   ST_NONSPECIALIST_SHARE 2 >= 0.1 0.25; ST_PENSION_AGE_SHARE 2 >= 0.3 0.5; TC_NO_TRAINING_3Y_SHARE 3 >= 0.2 0.4;
   TC_DIFFICULTY_SHARE 3 >= 0.3 0.5; AD_RARE_DIFFERENTIATION_SHARE 4 >= 0.3 0.5; AD_RARE_FORMATIVE_SHARE 4 >= 0.3 0.5;
   PD_NO_OBSERVATION_SHARE 5 >= 0.4 0.7; PD_NO_MENTORING 5 >= 1 1; SR_TERM_FAIL_SHARE 6 >= 0.1 0.2;
   SR_VPR_LOW 6 >= 0.1 0.2; SR_REPEATERS_SHARE 6 >= 0.01 0.03; LB_NON_NATIVE_SHARE 7 >= 0.1 0.25; LB_NO_SUPPORT 7 >= 1 1;
   EN_BULLYING_SHARE 8 >= 0.15 0.3; EN_DISLIKE_SCHOOL_SHARE 8 >= 0.3 0.5; PA_NEVER_MEETINGS_SHARE 9 >= 0.2 0.4;
   PA_NO_CONTACT_SHARE 9 >= 0.25 0.5; OV_SHARE 10 >= 0.1 0.2; OV_NO_SPECIALISTS 10 >= 1 1`
    .split(';')
    .map((rule) => rule.trim().split(' '))
    .map(([code, factor, op, ...cut]) => [code!, { factor: Number(factor), op, cut: cut.map(Number) }]),
);
const PROFILED = `select distinct school_id as id from indicator_value where year = ${YEAR}`;
const REGION_OF = `select s.code, g.code as region
  from school s join municipality m on m.id = s.municipality_id join region g on g.id = m.region_id`;
const r12 = (x: number) => Number(x.toFixed(12));
const beyond = (op?: string, v = 0, cut = NaN) => (op === '>=' ? r12(v) >= cut : r12(v) <= cut);
const levelOf = (x: number | null) =>
  x === null ? 'NO_DATA' : x >= 0.6 ? 'HIGH' : x >= 0.3 ? 'MEDIUM' : 'LOW';

type Coded = { code: string };
type Factor = Coded & { factor: number; score: number | null; level: string; indicators: Coded[] };
type Profile = { year: number; priorityRisks: number[]; school: Coded & { id: string }; factors: Factor[] };
type Meta = { methodology: { hash: string; overridden: boolean }; totalCount: number; nodes: Profile[] };
type Page = Meta & { pageInfo: { hasNextPage: boolean; endCursor: string | null } };

const PROFILES = `query($year: Int!, $level: RiskLevel, $factor: Int, $first: Int, $after: String,
  $overrides: MethodologyOverridesInput) {
  riskProfiles(year: $year, level: $level, factor: $factor, first: $first, after: $after, overrides: $overrides) {
    totalCount pageInfo { hasNextPage endCursor } methodology { hash overridden } nodes { year priorityRisks
      school { id code } factors { factor code score level indicators { code } } } } }`;

async function profiles(variables: Record<string, unknown>): Promise<Page> {
  return dataOf(
    await graphql<{ riskProfiles: Page }, unknown>(server.url, PROFILES, { year: YEAR, ...variables }),
  ).riskProfiles;
}

/** Every profile of the filter, page by page. */
async function allProfiles(variables: Record<string, unknown> = {}): Promise<Profile[]> {
  const out: Profile[] = [];
  let after: string | null = null;
  do {
    const page: Page = await profiles({ ...variables, first: 500, after });
    out.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return out;
}

const highs = (p: Profile) => p.factors.filter((f) => f.level === 'HIGH').length;
const idOf = (p: Profile) => Number(p.school.id);

describe('riskProfiles', () => {
  let all: Profile[];
  beforeAll(async () => {
    all = await allProfiles();
  });

  it('profiles every school with indicators that year, most HIGH factors first', async () => {
    const ids = (await sql<{ id: number }>(PROFILED)).map((r) => r.id);
    expect(all.map(idOf).sort((a, b) => a - b)).toEqual(ids.sort((a, b) => a - b));
    const sorted = [...all].sort((a, b) => highs(b) - highs(a) || idOf(a) - idOf(b));
    expect(all.map(idOf)).toEqual(sorted.map(idOf));
    expect(highs(all[0]!)).toBeGreaterThan(0);
    // cursors page through the same order
    const first = await profiles({ first: 7 });
    const second = await profiles({ first: 7, after: first.pageInfo.endCursor });
    expect([...first.nodes, ...second.nodes].map(idOf)).toEqual(all.slice(0, 14).map(idOf));
    expect(first.totalCount).toBe(all.length);
  });

  it('scores factors exactly as §4 does from the stored indicator values and vprLow', async () => {
    const sample = [...all.slice(0, 15), ...all.slice(-15)];
    const values = await sql<{ school_id: number; code: string; value: number }>(
      `select school_id, code, value from indicator_value where year = $1 and school_id = any($2::int[])
       union all
       select school_id, 'SR_VPR_LOW', sum(n2)::float8 / sum(participants) from vpr_result
       where year = $1 and school_id = any($2::int[]) and grade between 4 and 8 and subject in ('RU', 'MA', 'MAA')
       group by school_id having sum(participants) >= 20`,
      [YEAR, sample.map(idOf)],
    );
    expect(values.some((v) => v.code === 'SR_VPR_LOW')).toBe(true);
    for (const p of sample) {
      const own = values.filter((v) => v.school_id === idOf(p) && RULES.has(v.code));
      for (const f of p.factors) {
        const present = own.filter((v) => RULES.get(v.code)!.factor === f.factor);
        const risks = present.map((v): number => {
          const { op, cut } = RULES.get(v.code)!;
          return beyond(op, v.value, cut[1]) ? 2 : beyond(op, v.value, cut[0]) ? 1 : 0;
        });
        const score = risks.length ? risks.reduce((a, b) => a + b, 0) / (2 * risks.length) : null;
        expect(f.code).toBe(`R${f.factor}`);
        expect(f.score).toEqual(score === null ? null : expect.closeTo(score, 10));
        expect(f.level).toBe(levelOf(score));
        expect(f.indicators.map((i) => i.code).sort()).toEqual(present.map((v) => v.code).sort());
      }
      const expected = p.factors
        .filter((f) => f.level === 'HIGH' || f.level === 'MEDIUM')
        .sort((a, b) => b.score! - a.score! || a.factor - b.factor)
        .slice(0, 3)
        .map((f) => f.factor);
      expect(p.priorityRisks).toEqual(expected);
    }
  });

  it('filters by level and factor as documented', async () => {
    const count = (pred: (p: Profile) => boolean) => all.filter(pred).length;
    const has = (p: Profile, n: number, levels: string[]) =>
      levels.includes(p.factors.find((f) => f.factor === n)!.level);
    const both = await allProfiles({ level: 'HIGH', factor: 2 });
    expect(both.length).toBe(count((p) => has(p, 2, ['HIGH'])));
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((p) => has(p, 2, ['HIGH']))).toBe(true);
    const levelOnly = await profiles({ level: 'NO_DATA', first: 0 });
    expect(levelOnly.totalCount).toBe(count((p) => p.factors.some((f) => f.level === 'NO_DATA')));
    const factorOnly = await allProfiles({ factor: 6 });
    expect(factorOnly.length).toBe(count((p) => has(p, 6, ['HIGH', 'MEDIUM'])));
    expect(factorOnly.length).toBeLessThan(all.length);
  });

  it('what-if overrides change the levels and name another methodology hash', async () => {
    const base = await profiles({ level: 'HIGH', first: 0 });
    const strict = await profiles({ level: 'HIGH', first: 0, overrides: { risk: { highLevel: 0.95 } } });
    expect([base, strict].map((p) => p.methodology.overridden)).toEqual([false, true]);
    expect(strict.methodology.hash).not.toBe(base.methodology.hash);
    expect(strict.totalCount).toBeLessThan(base.totalCount);
  });

  it('riskFactorSummary counts the profiles per region, level and factor', async () => {
    const regions = await sql<{ code: string; region: string }>(REGION_OF);
    const regionOf = new Map(regions.map((r) => [r.code, r.region]));
    const query = `query($groupBy: PlaceGroupBy!) { riskFactorSummary(year: ${YEAR}, groupBy: $groupBy) {
      rows { region { code } municipality { id } factor code schools high medium low noData highShare } } }`;
    type Counts = Record<'factor' | 'schools' | 'high' | 'medium' | 'low' | 'noData' | 'highShare', number>;
    type Row = Counts & { region: { code: string }; municipality: { id: string } | null; code: string };
    const run = async (groupBy: string) =>
      dataOf(await graphql<{ riskFactorSummary: { rows: Row[] } }, unknown>(server.url, query, { groupBy }))
        .riskFactorSummary.rows;
    const rows = await run('REGION');
    expect(rows).toHaveLength(4 * 10);
    const key = { HIGH: 'high', MEDIUM: 'medium', LOW: 'low', NO_DATA: 'noData' } as const;
    for (const row of rows) {
      expect(row.municipality).toBeNull();
      expect(row.code).toBe(`R${row.factor}`);
      expect(row.high + row.medium + row.low + row.noData).toBe(row.schools);
      expect(row.highShare).toBeCloseTo(row.high / row.schools, 12);
      const mine = all.filter((p) => regionOf.get(p.school.code) === row.region.code);
      expect(row.schools).toBe(mine.length);
      for (const [level, field] of Object.entries(key)) {
        const n = mine.filter((p) => p.factors.find((f) => f.factor === row.factor)!.level === level).length;
        expect(row[field]).toBe(n);
      }
    }
    // municipalities add up to their region
    const munis = await run('MUNICIPALITY');
    for (const row of rows) {
      const parts = munis.filter((r) => r.region.code === row.region.code && r.factor === row.factor);
      expect(parts.every((r) => r.municipality !== null)).toBe(true);
      expect(parts.reduce((s, r) => s + r.high, 0)).toBe(row.high);
      expect(parts.reduce((s, r) => s + r.schools, 0)).toBe(row.schools);
    }
  });
});

describe('bad arguments', () => {
  it.each([
    ['year', 'riskProfiles(year: 1900) { totalCount }'],
    ['year', 'riskFactorSummary(year: 1900) { year }'],
    ['methodology', 'riskProfiles(year: 2025, methodology: "nope") { totalCount }'],
    ['overrides.risk.highLevel', 'riskFactorSummary(year: 2025, overrides: {risk: {highLevel: 2}}) { year }'],
    ['factor', 'riskProfiles(year: 2025, factor: 11) { totalCount }'],
    ['level', 'riskProfiles(year: 2025, level: SEVERE) { totalCount }'],
  ])('a bad %s is BAD_USER_INPUT naming it: %s', async (argument, query) => {
    const response = await graphql(server.url, `{ ${query} }`);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });
});
