import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens.js';
import { type RunningServer } from '../../api/server.js';
import { startTestServer, testDatabaseUrl } from '../support/server.js';

/**
 * The CURATOR role (SUPPORT-V1 §1): a token names a person; the viewer reads the school-level data
 * of the schools that person is assigned to on the request date, and nothing else. Assignments are
 * written by SQL here (their API is tested elsewhere); the dates are the region's own today.
 */
const SECRET = 'curator-scope-secret-of-at-least-32-bytes';
let server: RunningServer;
let db: pg.Pool;
interface School {
  id: number;
  code: string;
  municipality: number;
  region: number;
}
let schools: School[];

beforeAll(async () => {
  server = await startTestServer({ AUTH_DEV_MODE: '0', AUTH_JWT_SECRET: SECRET });
  db = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
  // four schools of one municipality with ВПР results in 2026
  schools = (
    await db.query<School>(
      `select s.id, s.code, s.municipality_id as municipality, m.region_id as region
       from school s join municipality m on m.id = s.municipality_id
       where s.municipality_id = (select municipality_id from school s2
                                  where exists (select 1 from vpr_result v where v.school_id = s2.id and v.year = 2026)
                                  group by municipality_id having count(*) >= 4 order by municipality_id limit 1)
         and exists (select 1 from vpr_result v where v.school_id = s.id and v.year = 2026)
       order by s.code limit 4`,
    )
  ).rows;
  const today = `(now() at time zone (select time_zone from region where id = $3))::date`;
  const assign = (person: string, school: School, from: string, to: string | null) =>
    db.query(
      `insert into assignment (kind, person_full_name, person_key, region_id, municipality_id, school_id, valid_from, valid_to)
       values ('CURATOR', $1, $2, $3, $4, $5, ${from}, ${to ?? 'null'})`,
      [`Куратор ${person}`, person, school.region, school.municipality, school.id],
    );
  const [a, b, c, d] = schools as [School, School, School, School];
  await assign('curator-1', a, `${today} - 30`, null); // open
  await assign('curator-1', b, `${today} - 30`, `${today}`); // ends today: still assigned
  await assign('curator-1', c, `${today} - 30`, `${today} - 1`); // ended yesterday
  await assign('curator-1', d, `${today} + 1`, null); // starts tomorrow
  await assign('curator-2', c, `${today}`, null); // another person's school
});
afterAll(async () => {
  await db.query(`delete from assignment where person_key like 'curator-%'`);
  await server.close();
  await db.end();
});

async function ask(person: string | null, query: string) {
  const claims =
    person === null ? { role: 'CURATOR', sub: 'no-person' } : { role: 'CURATOR', sub: person, person };
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await mintToken(SECRET, claims)}`,
    },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as {
    data?: Record<string, unknown>;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}

const codesOf = (answer: { data?: Record<string, unknown> }) =>
  ((answer.data?.schools as { nodes: { code: string }[] }).nodes ?? []).map((n) => n.code);

describe('CURATOR', () => {
  it('sees exactly the schools assigned to its person today (open, or ending today)', async () => {
    const answer = await ask('curator-1', '{ schools(first: 100) { nodes { code } } }');
    expect(codesOf(answer)).toEqual([schools[0]!.code, schools[1]!.code].sort());
  });

  it('reads their results, and another school of the same municipality reads as unknown', async () => {
    const [a, , c] = schools as [School, School, School];
    const answer = await ask(
      'curator-1',
      `{ mine: school(code: "${a.code}") { code vprResults(year: 2026) { n2 } }
         other: school(code: "${c.code}") { code } }`,
    );
    const expected = await db.query<{ n: number }>(
      `select count(*)::int as n from vpr_result where school_id = $1 and year = 2026`,
      [a.id],
    );
    const mine = answer.data?.mine as { vprResults: unknown[] };
    expect(mine.vprResults).toHaveLength(expected.rows[0]!.n);
    expect(answer.data?.other).toBeNull();
  });

  it('counts only its schools in aggregates and analytics', async () => {
    const answer = await ask(
      'curator-1',
      `{ shnorCandidates(year: 2026, first: 100) { totalCount nodes { school { code } } } }`,
    );
    const candidates = answer.data?.shnorCandidates as { totalCount: number };
    expect(candidates.totalCount).toBe(2);
  });

  it('a person with no assignment today, or a token without a person, sees nothing', async () => {
    expect(codesOf(await ask('curator-nobody', '{ schools(first: 100) { nodes { code } } }'))).toEqual([]);
    const noPerson = await ask(null, '{ schools(first: 1) { nodes { code } } }');
    expect(noPerson.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('may not change lists, store methodologies or read the audit log', async () => {
    const answers = await Promise.all([
      ask('curator-1', `mutation { createShnorList(year: 2026, regionCode: "56") { id } }`),
      ask('curator-1', `{ auditLog(first: 1) { totalCount } }`),
    ]);
    for (const answer of answers) expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
