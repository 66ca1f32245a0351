import { describe, expect, it } from 'vitest';
import { dataOf, graphql } from '../support/graphql-client.js';
import { serverAndDatabase } from '../support/server.js';

const { server, db } = serverAndDatabase();

type Point = { year: number; significant: boolean | null; trendYears: number[] } & Record<
  'value' | 'numerator' | 'denominator' | 'delta' | 'trend' | 'z',
  number | null
>;
type Series = { dynamics: { entity: string; id: string; name: string; indicator: string; points: Point[] } };

const DYNAMICS = `query ($entity: DynamicsEntity!, $id: String!, $indicator: DynamicsIndicator!, $years: [Int!],
  $grade: Int, $subject: Subject) {
  dynamics(entity: $entity, id: $id, indicator: $indicator, years: $years, grade: $grade, subject: $subject) {
    entity id name indicator methodology { name hash }
    points { year value numerator denominator delta trend trendYears z significant }
  }
}`;
const dynamics = (variables: Record<string, unknown>) =>
  graphql<Series, typeof variables>(server.url, DYNAMICS, variables);

/** METHODOLOGY-V1 §1 core set of default-v1: grades 4–8 × RU, MA, MAA. */
const CORE = `v.grade between 4 and 8 and v.subject in ('RU', 'MA', 'MAA')`;
const SCHOOLS = `vpr_result v join school s on s.id = v.school_id join municipality m on m.id = s.municipality_id
  join region g on g.id = m.region_id`;

/** Σ n2, Σ N per year of the rows matching `where` ($1 the entity). */
async function sumsByYear(where: string, id: string | number) {
  const { rows } = await db.query<{ year: number; a: number; n: number }>(
    `select v.year, sum(v.n2)::int as a, sum(v.participants)::int as n from ${SCHOOLS}
     where ${where} group by v.year order by v.year`,
    [id],
  );
  return rows;
}

/** §5 by hand: the pooled proportion and z of y against y − 1. */
function zByHand(a0: number, n0: number, a1: number, n1: number): number {
  const p = (a0 + a1) / (n0 + n1);
  return (a1 / n1 - a0 / n0) / Math.sqrt(p * (1 - p) * (1 / n0 + 1 / n1));
}

/** OLS slope of the (year, value) pairs. */
function slope(points: { x: number; y: number }[]): number {
  const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const my = points.reduce((s, p) => s + p.y, 0) / points.length;
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return sxy / sxx;
}

/** value, delta, z of every year and the trend of the last year against the SQL sums. */
function expectSeriesMatches(points: Point[], sums: { year: number; a: number; n: number }[]) {
  expect(points.map((p) => [p.year, p.numerator, p.denominator])).toEqual(
    sums.map((s) => [s.year, s.a, s.n]),
  );
  const value = sums.map((s) => s.a / s.n);
  points.forEach((p, i) => {
    expect(p.value).toBeCloseTo(value[i]!, 12);
    if (i === 0) return expect(p.delta).toBeNull();
    // both values are rounded to 12 places before they are subtracted (§7): a last-digit difference
    expect(p.delta).toBeCloseTo(value[i]! - value[i - 1]!, 11);
  });
  // the z-test of the last year against the one before, by hand
  const [s0, s1] = sums.slice(-2) as [(typeof sums)[0], (typeof sums)[0]];
  const z = zByHand(s0.a, s0.n, s1.a, s1.n);
  const last = points.at(-1)!;
  expect(last.z).toBeCloseTo(z, 9);
  expect(last.significant).toBe(Math.abs(z) >= 1.96);
  // trend: OLS slope over the last 3 calendar years
  const window = sums.slice(-3).map((s) => ({ x: s.year, y: s.a / s.n }));
  expect(last.trend).toBeCloseTo(slope(window), 10);
  // and it names the years it read: those of y − 2 … y with a value
  expect(last.trendYears).toEqual(sums.filter((s) => s.year >= last.year - 2).map((s) => s.year));
}

describe('dynamics', () => {
  it('follows a school’s vprLow: pooled counts, delta, z-test and trend as in SQL', async () => {
    // a school with ВПР every year and Σ N ≥ minPooledVpr (20) each year, so vprLow is defined
    const { rows } = await db.query<{ code: string }>(
      `select s.code from ${SCHOOLS} where ${CORE} group by s.code
       having count(distinct v.year) = 5 and min(v.participants) > 0 order by sum(v.participants) desc, s.code limit 1`,
    );
    const code = rows[0]!.code;
    const sums = await sumsByYear(`s.code = $1 and ${CORE}`, code);
    expect(sums.every((s) => s.n >= 20)).toBe(true);
    const data = dataOf(await dynamics({ entity: 'SCHOOL', id: code, indicator: 'VPR_LOW' })).dynamics;
    expect(data).toMatchObject({ entity: 'SCHOOL', id: code, indicator: 'VPR_LOW' });
    expect(data.name.length).toBeGreaterThan(0);
    expectSeriesMatches(data.points, sums);
  });

  it('follows a region’s vprLow over all its schools, with no minimum N', async () => {
    const sums = await sumsByYear(`g.code = $1 and ${CORE}`, '56');
    const data = dataOf(await dynamics({ entity: 'REGION', id: '56', indicator: 'VPR_LOW' })).dynamics;
    expect(sums.map((s) => s.year)).toEqual([2022, 2023, 2024, 2025, 2026]);
    expectSeriesMatches(data.points, sums);
  });

  it('leaves a school’s vprLow undefined below minPooledVpr, with its counts shown', async () => {
    const { rows } = await db.query<{ code: string; year: number; a: number; n: number }>(
      `select s.code, v.year, sum(v.n2)::int as a, sum(v.participants)::int as n from ${SCHOOLS}
       where ${CORE} group by s.code, v.year having sum(v.participants) < 20 order by s.code, v.year limit 1`,
    );
    const small = rows[0]!;
    const data = dataOf(await dynamics({ entity: 'SCHOOL', id: small.code, indicator: 'VPR_LOW' }));
    const point = data.dynamics.points.find((p) => p.year === small.year)!;
    expect(point).toMatchObject({ value: null, numerator: small.a, denominator: small.n, z: null });
  });

  it('sums a municipality’s schools', async () => {
    const { rows } = await db.query<{ id: number }>(`select min(id) as id from municipality`);
    const id = rows[0]!.id;
    const sums = await sumsByYear(`s.municipality_id = $1 and ${CORE}`, id);
    const data = dataOf(await dynamics({ entity: 'MUNICIPALITY', id: String(id), indicator: 'VPR_LOW' }));
    expect(data.dynamics.points.map((p) => [p.year, p.numerator, p.denominator])).toEqual(
      sums.map((s) => [s.year, s.a, s.n]),
    );
  });

  it('gives SHARE2 of a grade × subject slice, and cuts to the years asked without losing y − 1', async () => {
    const { rows } = await db.query<{ code: string }>(
      `select s.code from ${SCHOOLS} where v.grade = 6 and v.subject = 'MA' group by s.code
       having count(distinct v.year) = 5 order by s.code limit 1`,
    );
    const code = rows[0]!.code;
    const sums = await sumsByYear(`s.code = $1 and v.grade = 6 and v.subject = 'MA'`, code);
    const all = dataOf(
      await dynamics({ entity: 'SCHOOL', id: code, indicator: 'SHARE2', grade: 6, subject: 'MA' }),
    ).dynamics.points;
    expectSeriesMatches(all, sums);
    const cut = dataOf(
      await dynamics({
        entity: 'SCHOOL',
        id: code,
        indicator: 'SHARE2',
        grade: 6,
        subject: 'MA',
        years: [2025, 2026],
      }),
    ).dynamics.points;
    expect(cut).toEqual(all.slice(-2));
    expect(cut[0]!.delta).not.toBeNull();
  });

  it('has no z-test for LOW_INDEX, and weights the region’s defined shares 0.5 / 0.25 / 0.25', async () => {
    // the region's pooled share per year of one exam's rows: Σ a / Σ N over all its schools
    const share = (table: string, a: string, where: string) =>
      `(select v.year, sum(v.${a})::float8 / sum(v.participants) as share from ${SCHOOLS.replace('vpr_result', table)}
        where g.code = '56' and ${where} group by 1)`;
    const { rows } = await db.query<{ year: number; vpr: number; oge: number | null; ege: number | null }>(
      `select year, v.share as vpr, o.share as oge, e.share as ege from ${share('vpr_result', 'n2', CORE)} v
       left join ${share('oge_result', 'n2', `v.subject in ('RU', 'MA')`)} o using (year)
       left join ${share('ege_result', 'below_min', `v.subject in ('RU', 'MAP', 'MAB')`)} e using (year) order by 1`,
    );
    const data = dataOf(await dynamics({ entity: 'REGION', id: '56', indicator: 'LOW_INDEX' })).dynamics;
    const expected = rows.map((r) => {
      const parts = [
        [0.5, r.vpr],
        [0.25, r.oge],
        [0.25, r.ege],
      ].filter((w): w is [number, number] => w[1] !== null);
      return parts.reduce((s, [w, x]) => s + w * x, 0) / parts.reduce((s, [w]) => s + w, 0);
    });
    expect(data.points.map((p) => p.year)).toEqual(rows.map((r) => r.year));
    data.points.forEach((p, i) => {
      expect(p.value).toBeCloseTo(expected[i]!, 12);
      expect([p.z, p.significant, p.numerator, p.denominator]).toEqual([null, null, null, null]);
    });
  });

  it.each([
    [{ entity: 'SCHOOL', id: 'no-such-school', indicator: 'VPR_LOW' }, 'id'],
    [{ entity: 'REGION', id: '99', indicator: 'VPR_LOW' }, 'id'],
    [{ entity: 'MUNICIPALITY', id: 'abc', indicator: 'VPR_LOW' }, 'id'],
    [{ entity: 'REGION', id: '56', indicator: 'SHARE2', grade: 3 }, 'grade'],
    [{ entity: 'REGION', id: '56', indicator: 'SHARE2', subject: 'MAP' }, 'subject'],
    [{ entity: 'REGION', id: '56', indicator: 'SHARE2', grade: 4, subject: 'MAA' }, 'subject'],
    [{ entity: 'REGION', id: '56', indicator: 'VPR_LOW', grade: 4 }, 'grade'],
    [{ entity: 'REGION', id: '56', indicator: 'VPR_LOW', years: [2025, 1999] }, 'years[1]'],
  ])('rejects %j as BAD_USER_INPUT naming %s', async (variables, argument) => {
    const { errors } = await dynamics(variables);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });
});
