import { beforeAll, describe, expect, it } from 'vitest';
import { type MethodologyParams } from '../../analytics/methodology/params.js';
import { markerParamsKey } from '../../analytics/sql/keys.js';
import { dataOf, graphql } from '../support/graphql-client.js';
import { serverAndDatabase } from '../support/server.js';

const { server, db } = serverAndDatabase();

const YEAR = 2025;
const LABEL: Record<string, string> = { RU: 'РУ', MA: 'МА', MAA: 'МАУ' };

interface Row {
  school: { id: string; code: string } | null;
  markerCount: number;
  cells: { column: string; grade: number; subject: string; codes: string[] }[];
  markers: { year: number; grade: number; subject: string; code: string; value: number; threshold: number }[];
}
interface Table {
  year: number;
  dataVersion: number;
  methodology: { hash: string; overridden: boolean; params: MethodologyParams };
  columns: string[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Row[];
}

const QUERY = `query($year: Int!, $regionCodes: [String!], $overrides: MethodologyOverridesInput, $first: Int,
  $after: String, $methodology: String) {
  objectivityMarkers(year: $year, filter: { regionCodes: $regionCodes }, overrides: $overrides, first: $first, after: $after,
    methodology: $methodology) {
    year dataVersion methodology { hash overridden params } columns totalCount pageInfo { hasNextPage endCursor }
    nodes { school { id code } markerCount cells { column grade subject codes }
      markers { year grade subject code value threshold } } } }`;

async function table(variables: Record<string, unknown> = {}): Promise<Table> {
  const response = await graphql<{ objectivityMarkers: Table }, unknown>(server.url, QUERY, {
    year: YEAR,
    first: 500,
    ...variables,
  });
  return dataOf(response).objectivityMarkers;
}

describe('objectivityMarkers', () => {
  let base: Table;
  beforeAll(async () => {
    base = await table();
  });

  /** The rows the stored markers of `t`'s parameters make: (school id, marker count), most markers first. */
  async function storedRows(t: Table) {
    const rows = await db.query(
      `select school_id, count(*)::int as n from objectivity_marker where params_key = $1 and year = $2
       group by school_id order by n desc, school_id`,
      [markerParamsKey(t.methodology.params), YEAR],
    );
    return rows.rows.map((r: { school_id: number; n: number }) => [String(r.school_id), r.n]);
  }

  it('has one row per marked school with its stored marker count, most markers first', async () => {
    const expected = await storedRows(base);
    expect(expected.length).toBeGreaterThan(0);
    expect(base.pageInfo.hasNextPage).toBe(false);
    expect(base.totalCount).toBe(expected.length);
    expect(base.nodes.map((r) => [r.school!.id, r.markerCount])).toEqual(expected);
    // the planted schools all carry the same count; a looser gap gives counts to order by
    const loose = await table({ overrides: { markers: { highVsRegionQualityGap: 0.1 } } });
    expect(new Set(loose.nodes.map((r) => r.markerCount)).size).toBeGreaterThan(1);
    expect(loose.nodes.map((r) => [r.school!.id, r.markerCount])).toEqual(await storedRows(loose));
  });

  it('lays the markers out in grade × subject columns, each cell with its codes', async () => {
    const key = markerParamsKey(base.methodology.params);
    const cells = (
      await db.query(
        `select distinct grade, subject::text from objectivity_marker where params_key = $1 and year = $2`,
        [key, YEAR],
      )
    ).rows.map((r: { grade: number; subject: string }) => `${r.grade} ${LABEL[r.subject] ?? r.subject}`);
    expect([...base.columns].sort()).toEqual([...cells].sort());
    const grades = base.columns.map((c) => Number(c.split(' ')[0]));
    expect(grades).toEqual([...grades].sort((a, b) => a - b));
    for (const row of base.nodes) {
      expect(row.markers.length).toBe(row.markerCount);
      expect(row.markers.every((m) => m.year === YEAR && m.value >= m.threshold)).toBe(true);
      for (const cell of row.cells) {
        expect(base.columns).toContain(cell.column);
        const behind = row.markers.filter((m) => m.grade === cell.grade && m.subject === cell.subject);
        expect(cell.codes).toEqual(
          behind.map((m) => m.code).sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)),
        );
      }
      expect(row.cells.reduce((s, c) => s + c.codes.length, 0)).toBe(row.markerCount);
    }
  });

  it('gives each marker its own figures as fields, as in the raw ВПР rows', async () => {
    type Figures = Record<string, number | null>;
    const { nodes } = await table({ first: 500 });
    const query = `{ objectivityMarkers(year: ${YEAR}, first: 500) { nodes { school { id }
      markers { grade subject code value figures { participants qualityCount quality regionQuality raised
        meanMark nextMeanMark schoolDrop regionDrop score scoreCount maxScore minCountedScore } } } } }`;
    type Answer = {
      objectivityMarkers: {
        nodes: { school: { id: string }; markers: (Row['markers'][number] & { figures: Figures })[] }[];
      };
    };
    const answer = dataOf(await graphql<Answer, unknown>(server.url, query)).objectivityMarkers.nodes;
    expect(answer.length).toBe(nodes.length);
    const checked = new Set<string>();
    for (const row of answer) {
      for (const m of row.markers) {
        const [raw] = (
          await db.query(
            `select participants, n4 + n5 as quality_count, raised, max_score from vpr_result
             where school_id = $1 and year = $2 and grade = $3 and subject = $4`,
            [row.school.id, YEAR, m.grade, m.subject],
          )
        ).rows;
        const f = m.figures;
        expect(f.participants).toBe(raw.participants);
        if (m.code === 'HIGH_VS_REGION') {
          expect(f.qualityCount).toBe(raw.quality_count);
          expect(f.quality).toBeCloseTo(raw.quality_count / raw.participants, 12);
          expect(f.quality! - f.regionQuality!).toBeCloseTo(m.value, 11);
        }
        if (m.code === 'JOURNAL_MISMATCH') expect(f.raised! / f.participants!).toBeCloseTo(m.value, 12);
        if (m.code === 'COHORT_DROP') expect(f.schoolDrop! - f.regionDrop!).toBeCloseTo(m.value, 11);
        if (m.code === 'SCORE_SPIKE') {
          expect(f.maxScore).toBe(raw.max_score);
          expect(f.scoreCount! / f.participants!).toBeCloseTo(m.value, 12);
          expect(f.score!).toBeGreaterThanOrEqual(f.minCountedScore!);
        }
        checked.add(m.code);
      }
    }
    // the demo plants every kind of marker
    expect([...checked].sort()).toEqual(['COHORT_DROP', 'HIGH_VS_REGION', 'JOURNAL_MISMATCH', 'SCORE_SPIKE']);
  });

  it('lists the planted INFLATED schools', async () => {
    const planted = (
      await db.query(`select school_code from seed_truth where kind = 'INFLATED' and $1 = any(years)`, [YEAR])
    ).rows.map((r: { school_code: string }) => r.school_code);
    expect(planted.length).toBeGreaterThan(0);
    const listed = new Set(base.nodes.map((r) => r.school!.code));
    expect(planted.filter((code) => !listed.has(code))).toEqual([]);
  });

  it('filters by region and pages by cursor', async () => {
    const region = await table({ regionCodes: ['56'] });
    const [{ n }] = (
      await db.query(
        `select count(distinct o.school_id)::int as n from objectivity_marker o join school s on s.id = o.school_id
         join municipality m on m.id = s.municipality_id join region g on g.id = m.region_id
         where o.params_key = $1 and o.year = $2 and g.code = '56'`,
        [markerParamsKey(base.methodology.params), YEAR],
      )
    ).rows;
    expect(region.totalCount).toBe(n);
    expect(region.totalCount).toBeLessThan(base.totalCount);
    const first = await table({ first: 3 });
    const second = await table({ first: 3, after: first.pageInfo.endCursor });
    expect([...first.nodes, ...second.nodes].map((r) => r.school!.id)).toEqual(
      base.nodes.slice(0, 6).map((r) => r.school!.id),
    );
  });

  it('what-if: a journal threshold of 99 % removes JOURNAL_MISMATCH and names another hash', async () => {
    const codes = (t: Table) => new Set(t.nodes.flatMap((r) => r.markers.map((m) => m.code)));
    expect(codes(base).has('JOURNAL_MISMATCH')).toBe(true);
    const whatIf = await table({ overrides: { markers: { journalRaisedShare: 0.99 } } });
    expect(whatIf.methodology.overridden).toBe(true);
    expect(whatIf.methodology.hash).not.toBe(base.methodology.hash);
    expect(codes(whatIf).has('JOURNAL_MISMATCH')).toBe(false);
    const total = (t: Table) => t.nodes.reduce((s, r) => s + r.markerCount, 0);
    expect(total(whatIf)).toBeLessThan(total(base));
  });

  it.each([
    ['year 1900', { year: 1900 }, 'year'],
    ['an unknown methodology', { methodology: 'nope' }, 'methodology'],
    ['highLevel 2', { overrides: { risk: { highLevel: 2 } } }, 'overrides.risk.highLevel'],
    ['a page over the cap', { first: 100_000 }, 'first'],
  ])('%s is BAD_USER_INPUT', async (_name, variables, argument) => {
    const response = await graphql(server.url, QUERY, { year: YEAR, ...variables });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });
});

const ORDER = ['HIGH_VS_REGION', 'JOURNAL_MISMATCH', 'COHORT_DROP', 'SCORE_SPIKE'];
