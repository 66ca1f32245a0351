import { describe, expect, it } from 'vitest';
import { dataOf, graphql } from '../support/graphql-client.js';
import { serverAndDatabase } from '../support/server.js';

const { server, db } = serverAndDatabase();

interface Step {
  year: number;
  grade: number;
  exam: string;
  participants: number;
  n2: number;
  share2: number | null;
  quality: number | null;
  meanMark: number | null;
  regionShare2: number | null;
  regionQuality: number | null;
  regionMeanMark: number | null;
}
interface CohortData {
  cohort: { school: { code: string }; subject: string; startYear: number; startGrade: number; steps: Step[] };
}

const COHORT = `query ($schoolCode: String!, $subject: Subject!, $startYear: Int!, $startGrade: Int) {
  cohort(schoolCode: $schoolCode, subject: $subject, startYear: $startYear, startGrade: $startGrade) {
    school { code } subject startYear startGrade methodology { name }
    steps { year grade exam participants n2 share2 quality meanMark regionShare2 regionQuality regionMeanMark }
  }
}`;
const cohort = (variables: Record<string, unknown>) =>
  graphql<CohortData, typeof variables>(server.url, COHORT, variables);

interface Counts {
  year: number;
  grade: number;
  participants: number;
  n2: number;
  n3: number;
  n4: number;
  n5: number;
}
const SUMS = `sum(participants)::int as participants, sum(n2)::int as n2, sum(n3)::int as n3,
  sum(n4)::int as n4, sum(n5)::int as n5`;

/** The school's own figures and the region's on a step equal those of the counts (§1 formulas). */
function expectFigures(step: Step, own: Counts, region: Counts) {
  const mean = (c: Counts) => (2 * c.n2 + 3 * c.n3 + 4 * c.n4 + 5 * c.n5) / c.participants;
  expect(step.participants).toBe(own.participants);
  expect(step.n2).toBe(own.n2);
  expect(step.share2).toBeCloseTo(own.n2 / own.participants, 12);
  expect(step.quality).toBeCloseTo((own.n4 + own.n5) / own.participants, 12);
  expect(step.meanMark).toBeCloseTo(mean(own), 12);
  expect(step.regionShare2).toBeCloseTo(region.n2 / region.participants, 12);
  expect(step.regionQuality).toBeCloseTo((region.n4 + region.n5) / region.participants, 12);
  expect(step.regionMeanMark).toBeCloseTo(mean(region), 12);
}

describe('cohort', () => {
  it('follows grade 4 of 2022 to grade 8 of 2026 with the vpr_result and vpr_region_cell rows', async () => {
    // a school with ВПР RU in every step of the path: (2022, 4), (2023, 5), … (2026, 8)
    const { rows } = await db.query<{ code: string; id: number; region_id: number }>(
      `select s.code, s.id, m.region_id from vpr_result v join school s on s.id = v.school_id
       join municipality m on m.id = s.municipality_id
       where v.subject = 'RU' and v.grade - 4 = v.year - 2022 and v.grade between 4 and 8
       group by s.code, s.id, m.region_id having count(*) = 5 order by s.code limit 1`,
    );
    const school = rows[0]!;
    const data = dataOf(await cohort({ schoolCode: school.code, subject: 'RU', startYear: 2022 })).cohort;
    expect(data).toMatchObject({
      school: { code: school.code },
      subject: 'RU',
      startYear: 2022,
      startGrade: 4,
    });
    expect(data.steps.map((s) => [s.year, s.grade, s.exam])).toEqual([
      [2022, 4, 'VPR'],
      [2023, 5, 'VPR'],
      [2024, 6, 'VPR'],
      [2025, 7, 'VPR'],
      [2026, 8, 'VPR'],
    ]);
    const own = await db.query<Counts>(
      `select year, grade, ${SUMS} from vpr_result where school_id = $1 and subject = 'RU'
       and grade - 4 = year - 2022 group by year, grade order by year`,
      [school.id],
    );
    const region = await db.query<Counts>(
      `select year, grade, ${SUMS} from vpr_region_cell where region_id = $1 and subject = 'RU'
       and grade - 4 = year - 2022 group by year, grade order by year`,
      [school.region_id],
    );
    data.steps.forEach((step, i) => expectFigures(step, own.rows[i]!, region.rows[i]!));
  });

  it('ends in ОГЭ grade 9 (grade 5 of 2022 → grade 9 of 2026) with the oge_result row', async () => {
    const { rows } = await db.query<{ code: string; id: number; region_id: number }>(
      `select s.code, s.id, m.region_id from oge_result o join school s on s.id = o.school_id
       join municipality m on m.id = s.municipality_id
       where o.subject = 'MA' and o.year = 2026 order by s.code limit 1`,
    );
    const school = rows[0]!;
    const data = dataOf(
      await cohort({ schoolCode: school.code, subject: 'MA', startYear: 2022, startGrade: 5 }),
    );
    const steps = data.cohort.steps;
    expect(steps.map((s) => [s.year, s.grade, s.exam])).toEqual([
      [2022, 5, 'VPR'],
      [2023, 6, 'VPR'],
      [2024, 7, 'VPR'],
      [2025, 8, 'VPR'],
      [2026, 9, 'OGE'],
    ]);
    const own = await db.query<Counts>(
      `select year, 9 as grade, ${SUMS} from oge_result where school_id = $1 and subject = 'MA' and year = 2026
       group by year`,
      [school.id],
    );
    // the region's ОГЭ figures: every school of the region pooled
    const region = await db.query<Counts>(
      `select 2026 as year, 9 as grade, ${SUMS} from oge_result o join school s on s.id = o.school_id
       join municipality m on m.id = s.municipality_id where m.region_id = $1 and o.subject = 'MA' and o.year = 2026`,
      [school.region_id],
    );
    expectFigures(steps[4]!, own.rows[0]!, region.rows[0]!);
  });

  it('cuts a young cohort at the newest year and gives a step without a row as 0 participants', async () => {
    // a school without ВПР RU grade 5 in 2026 (if the demo has one): its step is empty, not missing
    const { rows } = await db.query<{ code: string }>(
      `select s.code from school s where not exists (select 1 from vpr_result v where v.school_id = s.id
       and v.subject = 'RU' and v.grade = 5 and v.year = 2026) order by s.code limit 1`,
    );
    const code = rows[0]!.code;
    const steps = dataOf(await cohort({ schoolCode: code, subject: 'RU', startYear: 2025 })).cohort.steps;
    expect(steps.map((s) => [s.year, s.grade])).toEqual([
      [2025, 4],
      [2026, 5],
    ]);
    expect(steps[1]).toMatchObject({ participants: 0, n2: 0, share2: null, quality: null, meanMark: null });
    expect(steps[1]!.regionShare2).not.toBeNull();
    // a cohort that starts after the newest year has nothing to show: a bad startYear, not an empty list
    const { errors } = await cohort({ schoolCode: code, subject: 'RU', startYear: 2027 });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'startYear' });
  });

  it.each([
    [{ schoolCode: 'no-such-school', subject: 'RU', startYear: 2022 }, 'schoolCode'],
    [{ schoolCode: 'x', subject: 'EN', startYear: 2022 }, 'subject'],
    [{ schoolCode: 'x', subject: 'RU', startYear: 2022, startGrade: 3 }, 'startGrade'],
    [{ schoolCode: 'x', subject: 'RU', startYear: 2022, startGrade: 10 }, 'startGrade'],
    [{ schoolCode: 'x', subject: 'RU', startYear: 1990 }, 'startYear'],
  ])('rejects %j as BAD_USER_INPUT naming %s', async (variables, argument) => {
    const { errors } = await cohort(variables);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });
});
