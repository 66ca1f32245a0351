import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens.js';
import { type RunningServer } from '../../api/server.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { startTestServerOn } from '../support/server.js';
import { uploadImport } from '../support/support-import.js';

/**
 * A school's local diagnostics beside its ВПР (issue 13 item 2) over real HTTP, on a database of
 * this file's own (demo seed): diagnostics imported by `POST /import/diagnostics`, the pooled
 * figures of SUPPORT-V1 §5 written out by hand below, the ВПР share of «2» recomputed by SQL and
 * compared with the `dynamics` query's own point; the scope of the school level (another school,
 * another municipality, a curator of another school read the school as unknown; PUBLIC refused).
 */
const SECRET = 'diagnostics-dynamics-secret-of-32-bytes!';
let fresh: FreshDatabase;
let server: RunningServer;
let db: pg.Pool;

/** Two schools of one municipality of region 56 with ВПР RU and MA in 2026 (A, B), a municipality without them. */
const place = { m1: 0, m2: 0, a: '', b: '' };
const tokens: Record<string, string | undefined> = {};

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string; argument?: string; action?: string } }[];
}

async function ask(token: string | undefined, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}

function refused(answer: Answer, code: string, extensions: Record<string, unknown> = {}) {
  expect(answer.errors, JSON.stringify(answer)).toHaveLength(1);
  expect(answer.errors?.[0]?.extensions).toMatchObject({ code, ...extensions });
  expect(answer.data ?? null).toBeNull();
}

const QUERY = `query ($schoolCode: String!, $subjects: [DiagnosticSubject!], $years: [Int!]) {
  schoolDiagnosticsDynamics(schoolCode: $schoolCode, subjects: $subjects, years: $years) {
    school { code } methodology { name } support { name }
    subjects {
      subject
      years {
        year schoolYearStart schoolYearEnd grades unpairedGrades change
        vpr { year value numerator denominator delta trend trendYears z significant }
        stages { stage share2 n n2 grades firstDate lastDate }
      }
    }
  }
}`;

interface Stage {
  stage: string;
  share2: number | null;
  n: number;
  n2: number;
  grades: number[];
  firstDate: string | null;
  lastDate: string | null;
}
interface Year {
  year: number;
  schoolYearStart: string;
  schoolYearEnd: string;
  grades: number[];
  unpairedGrades: number[];
  change: number | null;
  vpr: Record<string, unknown> & {
    value: number | null;
    numerator: number | null;
    denominator: number | null;
  };
  stages: Stage[];
}
interface Dynamics {
  school: { code: string };
  methodology: { name: string };
  support: { name: string };
  subjects: { subject: string; years: Year[] }[];
}

async function dynamicsOf(token: string | undefined, variables: Record<string, unknown>) {
  const answer = await ask(token, QUERY, variables);
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data?.schoolDiagnosticsDynamics as Dynamics;
}

/** One CSV row: n3 = N − n2 (n4 = n5 = 0), so the marks sum to N. */
const line = (
  code: string,
  grade: number,
  subject: string,
  stage: string,
  date: string,
  n: number,
  n2: number,
) => `${code},${grade},${subject},${stage},${date},${n},${n2},${n - n2},0,0`;

beforeAll(async () => {
  fresh = await createFreshDatabase();
  db = new pg.Pool({ connectionString: fresh.url, max: 2 });
  server = await startTestServerOn(fresh.url, {
    AUTH_DEV_MODE: '0',
    AUTH_JWT_SECRET: SECRET,
    PUBLIC_ACCESS: '1',
  });
  // schools with ВПР RU and MA of the core grades in 2026, two in one municipality
  const { rows } = await db.query<{ code: string; municipality_id: number; region_id: number }>(
    `select s.code, s.municipality_id, m.region_id from school s join municipality m on m.id = s.municipality_id
     join region g on g.id = m.region_id
     where g.code = '56' and exists (select 1 from vpr_result v where v.school_id = s.id and v.year = 2026
       and v.subject = 'RU' and v.grade between 4 and 8)
       and exists (select 1 from vpr_result v where v.school_id = s.id and v.year = 2026
       and v.subject = 'MA' and v.grade between 4 and 8)
     order by s.municipality_id, s.code`,
  );
  const first = rows.find((r, i) => rows[i + 1]?.municipality_id === r.municipality_id)!;
  const second = rows[rows.indexOf(first) + 1]!;
  const other = rows.find((r) => r.municipality_id !== first.municipality_id)!;
  Object.assign(place, {
    m1: first.municipality_id,
    m2: other.municipality_id,
    a: first.code,
    b: second.code,
  });
  const [a] = (await db.query<{ id: number }>(`select id from school where code = $1`, [place.a])).rows;
  await db.query(
    `insert into assignment (kind, person_full_name, person_key, region_id, municipality_id, school_id, valid_from, valid_to)
     values ('CURATOR', 'Куратор А', 'curator-a', $1, $2, $3, '2020-01-01', null)`,
    [first.region_id, place.m1, a!.id],
  );
  tokens.ministry = await mintToken(SECRET, { role: 'MINISTRY', sub: 'ministry' });
  tokens.schoolA = await mintToken(SECRET, { role: 'SCHOOL', school: place.a, sub: 'school-a' });
  tokens.schoolB = await mintToken(SECRET, { role: 'SCHOOL', school: place.b, sub: 'school-b' });
  tokens.curatorA = await mintToken(SECRET, { role: 'CURATOR', person: 'curator-a', sub: 'curator-a' });
  tokens.curatorB = await mintToken(SECRET, { role: 'CURATOR', person: 'curator-b', sub: 'curator-b' });
  tokens.m1 = await mintToken(SECRET, { role: 'MUNICIPAL_ANALYST', municipality: place.m1, sub: 'mun-1' });
  tokens.m2 = await mintToken(SECRET, { role: 'MUNICIPAL_ANALYST', municipality: place.m2, sub: 'mun-2' });

  await db.query(`delete from diagnostic`);
  const csv = [
    'school,grade,subject,stage,date,participants,n2,n3,n4,n5',
    // A, RU, school year 2026/27
    line(place.a, 5, 'RU', 'ENTRANCE', '2026-09-01', 20, 6), // the window's first day; a later one wins
    line(place.a, 5, 'RU', 'ENTRANCE', '2026-09-18', 20, 4),
    line(place.a, 8, 'RU', 'ENTRANCE', '2026-09-18', 25, 5),
    line(place.a, 6, 'RU', 'ENTRANCE', '2026-09-18', 30, 15), // no intermediate of grade 6: left out
    line(place.a, 5, 'RU', 'INTERMEDIATE', '2026-11-26', 20, 3),
    line(place.a, 8, 'RU', 'INTERMEDIATE', '2027-08-31', 24, 2), // the window's last day
    line(place.a, 5, 'RU', 'FINAL', '2027-05-15', 20, 1), // not a diagStage
    // A, RU, school year 2027/28: an entrance alone
    line(place.a, 5, 'RU', 'ENTRANCE', '2027-09-01', 21, 7),
    // A, MA: ΣN 5 and 6 < minDiagN 10
    line(place.a, 5, 'MA', 'ENTRANCE', '2026-09-18', 5, 1),
    line(place.a, 5, 'MA', 'INTERMEDIATE', '2026-11-26', 6, 1),
    // B, RU: never in A's answer
    line(place.b, 5, 'RU', 'ENTRANCE', '2026-09-18', 30, 12),
    line(place.b, 5, 'RU', 'INTERMEDIATE', '2026-11-26', 30, 6),
  ].join('\n');
  const { report } = await uploadImport(server.url, 'diagnostics', `${csv}\n`, 'd.csv', tokens.ministry);
  expect(report.errors).toEqual([]);
  expect(report).toMatchObject({ status: 'ACCEPTED', inserted: 12 });
});

afterAll(async () => {
  await server?.close();
  await db?.end();
  await fresh?.drop();
});

/** ВПР share of «2» of the subject over the core grades 4–8 per year, by SQL. */
async function vprByYear(code: string, subject: string) {
  const { rows } = await db.query<{ year: number; n2: number; n: number }>(
    `select v.year, sum(v.n2)::int as n2, sum(v.participants)::int as n from vpr_result v
     join school s on s.id = v.school_id where s.code = $1 and v.subject = $2 and v.grade between 4 and 8
     group by v.year order by v.year`,
    [code, subject],
  );
  return rows;
}

describe('schoolDiagnosticsDynamics', () => {
  it('pools RU of 2026/27 by SUPPORT-V1 §5 beside the ВПР share of «2» of 2026', async () => {
    const answer = await dynamicsOf(tokens.ministry, { schoolCode: place.a, subjects: ['RU'] });
    expect(answer.school.code).toBe(place.a);
    expect(answer.methodology.name).toBe('default-v1');
    expect(answer.support.name).toBe('support-v1');
    const [ru] = answer.subjects;
    expect(ru?.subject).toBe('RU');
    const year = ru!.years.find((y) => y.year === 2026)!;
    expect([year.schoolYearStart, year.schoolYearEnd]).toEqual(['2026-09-01', '2027-08-31']);
    expect(year.grades).toEqual([5, 8]);
    expect(year.unpairedGrades).toEqual([6]);
    // entrance: grade 5 of 18.09 (4 of 20, not 6 of 20 of 01.09) + grade 8 (5 of 25) = 9/45
    // intermediate: grade 5 (3 of 20) + grade 8 of 31.08 (2 of 24) = 5/44
    expect(year.stages).toEqual([
      {
        stage: 'ENTRANCE',
        share2: 0.2,
        n: 45,
        n2: 9,
        grades: [5, 8],
        firstDate: '2026-09-18',
        lastDate: '2026-09-18',
      },
      {
        stage: 'INTERMEDIATE',
        share2: 0.113636363636,
        n: 44,
        n2: 5,
        grades: [5, 8],
        firstDate: '2026-11-26',
        lastDate: '2027-08-31',
      },
    ]);
    // 5/44 − 9/45 = (225 − 396) / 1980 = −19/220 = −0.0863636363636…
    expect(year.change).toBe(-0.086363636364);

    // ВПР 2026 of RU: Σn2/ΣN of grades 4–8 by SQL, and the very point of `dynamics`
    const sums = await vprByYear(place.a, 'RU');
    const vpr2026 = sums.find((s) => s.year === 2026)!;
    expect([year.vpr.numerator, year.vpr.denominator]).toEqual([vpr2026.n2, vpr2026.n]);
    expect(year.vpr.value).toBeCloseTo(vpr2026.n2 / vpr2026.n, 12);
    const series = await ask(
      tokens.ministry,
      `query ($id: String!) { dynamics(entity: SCHOOL, id: $id, indicator: SHARE2, subject: RU) {
        points { year value numerator denominator delta trend trendYears z significant } } }`,
      { id: place.a },
    );
    const points = (series.data?.dynamics as { points: { year: number }[] }).points;
    for (const point of points) {
      expect(ru!.years.find((y) => y.year === point.year)?.vpr).toEqual(point);
    }
    // every ВПР year with rows and the school year 2027/28 of the lone entrance
    expect(ru!.years.map((y) => y.year)).toEqual([...new Set([...sums.map((s) => s.year), 2027])].sort());
  });

  it('a school year with a grade of one stage only, and one with ΣN < minDiagN, is undefined', async () => {
    const answer = await dynamicsOf(tokens.ministry, { schoolCode: place.a, years: [2026, 2027] });
    expect(answer.subjects.map((s) => s.subject)).toEqual(['RU', 'MA']);
    const [ru, ma] = answer.subjects;
    const ru2027 = ru!.years.find((y) => y.year === 2027)!;
    expect([ru2027.grades, ru2027.unpairedGrades, ru2027.change]).toEqual([[], [5], null]);
    expect(ru2027.stages.map((s) => [s.stage, s.share2, s.n])).toEqual([
      ['ENTRANCE', null, 0],
      ['INTERMEDIATE', null, 0],
    ]);
    const ma2026 = ma!.years.find((y) => y.year === 2026)!;
    expect(ma2026.grades).toEqual([5]);
    expect(ma2026.stages.map((s) => [s.share2, s.n, s.n2])).toEqual([
      [null, 5, 1],
      [null, 6, 1],
    ]);
    expect(ma2026.change).toBeNull();
    const sums = await vprByYear(place.a, 'MA');
    const vpr2026 = sums.find((s) => s.year === 2026)!;
    expect([ma2026.vpr.numerator, ma2026.vpr.denominator]).toEqual([vpr2026.n2, vpr2026.n]);
    expect(ma!.years.map((y) => y.year)).toEqual([2026, 2027]);
  });

  it('the school, its curator and its municipality read it; B reads only its own rows', async () => {
    const ministry = await dynamicsOf(tokens.ministry, { schoolCode: place.a, years: [2026] });
    for (const token of [tokens.schoolA, tokens.curatorA, tokens.m1]) {
      expect(await dynamicsOf(token, { schoolCode: place.a, years: [2026] })).toEqual(ministry);
    }
    const b = await dynamicsOf(tokens.schoolB, { schoolCode: place.b, subjects: ['RU'], years: [2026] });
    // 12/30 → 6/30
    expect(b.subjects[0]!.years[0]!.stages.map((s) => [s.n2, s.n, s.share2])).toEqual([
      [12, 30, 0.4],
      [6, 30, 0.2],
    ]);
    expect(b.subjects[0]!.years[0]!.change).toBe(-0.2);
  });

  it('another school, a curator of another school, another municipality: the school is unknown', async () => {
    for (const token of [tokens.schoolB, tokens.curatorB, tokens.m2]) {
      refused(await ask(token, QUERY, { schoolCode: place.a }), 'BAD_USER_INPUT', {
        argument: 'schoolCode',
      });
    }
  });

  it('PUBLIC is refused before anything is read', async () => {
    refused(await ask(undefined, QUERY, { schoolCode: place.a }), 'FORBIDDEN', { action: 'support.read' });
  });

  it('a bad year is BAD_USER_INPUT on it', async () => {
    refused(await ask(tokens.ministry, QUERY, { schoolCode: place.a, years: [1900] }), 'BAD_USER_INPUT', {
      argument: 'years[0]',
    });
  });
});
