import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer } from '../../api/server.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { dataOf } from '../support/graphql-client.js';
import { importBytes } from '../support/import.js';
import { type Ask, clientAs } from '../support/list-workflow.js';
import { startTestServerOn } from '../support/server.js';

/*
 * Issue 10 §2: every school of the registry gets a status, every school-year with results a profile.
 * Two schools are imported into a demo municipality: NORES with no results at all, VPRONLY with
 * ВПР 2026 rows and no survey indicators. Expected figures are worked out by hand below.
 */
const SECRET = 'statuses-profiles-test-secret-32-bytes';
const YEAR = 2026;
const NORES = 'tst-nores-1';
const VPRONLY = 'tst-vpronly-1';
// VPRONLY's ВПР 2026, core set: grade 5 RU 30 participants (6 «2»), grade 5 MA 30 (3 «2»).
// vprLow = (6 + 3)/(30 + 30) = 0.15 → SR_VPR_LOW risk 1 (≥ 0.10, < 0.20) → R6 score 1/(2·1) = 0.5 → MEDIUM.
const VPR_ROWS = [
  [YEAR, VPRONLY, 5, 'RU', 30, 6, 10, 10, 4],
  [YEAR, VPRONLY, 5, 'MA', 30, 3, 12, 10, 5],
];

let database: FreshDatabase;
let server: RunningServer;
let pool: pg.Pool;
let ministry: Ask;
let place: { region_code: string; region_name: string; municipality_id: number; municipality_name: string };

beforeAll(async () => {
  database = await createFreshDatabase({ seed: 'demo' });
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  [place] = (
    await pool.query(
      `select r.code as region_code, r.name as region_name, m.id as municipality_id, m.name as municipality_name
       from municipality m join region r on r.id = m.region_id where r.code = '56' order by m.id limit 1`,
    )
  ).rows;
  const schools = [
    'Регион;Муниципалитет;Логин;ОО;Тип ОО;Местность;Численность обучающихся',
    `${place.region_name};${place.municipality_name};${NORES};МБОУ «Школа без результатов»;СОШ;село;40`,
    `${place.region_name};${place.municipality_name};${VPRONLY};МБОУ «Школа только с ВПР»;СОШ;село;120`,
  ].join('\n');
  expect((await importBytes(database.url, 'schools', schools)).status).toBe('ACCEPTED');
  const vpr = ['Год;Логин;Класс;Предмет;Кол-во участников;2;3;4;5', ...VPR_ROWS.map((r) => r.join(';'))];
  expect((await importBytes(database.url, 'vpr', vpr.join('\n'))).status).toBe('ACCEPTED');
  server = await startTestServerOn(database.url, { AUTH_DEV_MODE: '0', AUTH_JWT_SECRET: SECRET });
  ministry = await clientAs(server.url, SECRET, { sub: 'ministry', role: 'MINISTRY' });
});

afterAll(async () => {
  await server?.close();
  await pool?.end();
  await database?.drop();
});

interface Candidate {
  status: string;
  explanation: string;
  school: { code: string };
  evidence: {
    rule: string;
    current: { hasResults: boolean; vprN: number; vprN2: number; rank: number | null };
  };
}

async function candidate(code: string): Promise<Candidate | undefined> {
  const data = dataOf(
    await ministry<{ shnorCandidates: { nodes: Candidate[] } }, object>(
      `{ shnorCandidates(year: ${YEAR}, filter: { municipalityIds: ["${place.municipality_id}"] }, status: [INSUFFICIENT_DATA], first: 500) {
        nodes { status explanation school { code } evidence { rule current { hasResults vprN vprN2 rank } } } } }`,
    ),
  );
  return data.shnorCandidates.nodes.find((n) => n.school.code === code);
}

describe('a registry school without results', () => {
  it('is INSUFFICIENT_DATA with rule NO_RESULTS in shnorCandidates, with a sentence saying so', async () => {
    const c = await candidate(NORES);
    expect(c).toMatchObject({
      status: 'INSUFFICIENT_DATA',
      evidence: { rule: 'NO_RESULTS', current: { hasResults: false, vprN: 0, vprN2: 0, rank: null } },
    });
    expect(c?.explanation).toBe(
      `Нет результатов ни в ${YEAR}, ни в ${YEAR - 1}: школа не участвовала в ВПР, ОГЭ и ЕГЭ по предметам методики — нужно выяснить причину.`,
    );
    // VPRONLY is ranked in 2026 (60 ≥ 20 participants) but has nothing in 2025
    expect((await candidate(VPRONLY))?.evidence).toMatchObject({
      rule: 'NOT_RANKED_PREVIOUS_YEAR',
      current: { hasResults: true, vprN: 60, vprN2: 9 },
    });
  });

  it('is counted in shnorSummary: the municipality has as many schools as the registry', async () => {
    const [registry] = (
      await pool.query(`select count(*)::int as n from school where municipality_id = $1`, [
        place.municipality_id,
      ])
    ).rows;
    const rows = dataOf(
      await ministry<
        {
          shnorSummary: {
            rows: { municipality: { id: string } | null; schools: number; insufficientData: number }[];
          };
        },
        object
      >(
        `{ shnorSummary(year: ${YEAR}, groupBy: MUNICIPALITY, filter: { regionCodes: ["${place.region_code}"] }) {
          rows { municipality { id } schools insufficientData } } }`,
      ),
    ).shnorSummary.rows;
    const row = rows.find((r) => r.municipality?.id === String(place.municipality_id));
    expect(row?.schools).toBe(registry.n);
    expect(row?.insufficientData).toBeGreaterThanOrEqual(2);
  });

  it('is INSUFFICIENT_DATA in school.analytics and in a new list snapshot', async () => {
    const analytics = dataOf(
      await ministry<{ school: { analytics: { status: string; riskProfile: unknown } } }, object>(
        `{ school(code: "${NORES}") { analytics(year: ${YEAR}) { status riskProfile { year } } } }`,
      ),
    ).school.analytics;
    // no results and no survey: a status, but no school-year to profile
    expect(analytics).toEqual({ status: 'INSUFFICIENT_DATA', riskProfile: null });

    type Created = { createShnorList: { id: string } };
    const list = dataOf(
      await ministry<Created, object>(
        `mutation { createShnorList(year: ${YEAR}, regionCode: "${place.region_code}") { id } }`,
      ),
    ).createShnorList;
    type Entry = { schoolCode: string; status: string; included: boolean; evidence: { rule: string } };
    type Entries = {
      shnorList: { entries: { pageInfo: { endCursor: string; hasNextPage: boolean }; nodes: Entry[] } };
    };
    const entries: Entry[] = [];
    for (let after: string | null = null, more = true; more; ) {
      const page: Entries['shnorList']['entries'] = dataOf(
        await ministry<Entries, object>(
          `query($after: String) { shnorList(id: "${list.id}") { entries(first: 500, after: $after) {
            pageInfo { endCursor hasNextPage } nodes { schoolCode status included evidence { rule } } } } }`,
          { after },
        ),
      ).shnorList.entries;
      entries.push(...page.nodes);
      [after, more] = [page.pageInfo.endCursor, page.pageInfo.hasNextPage];
    }
    const [inRegion] = (
      await pool.query(
        `select count(*)::int as n from school s join municipality m on m.id = s.municipality_id
         join region r on r.id = m.region_id where r.code = $1`,
        [place.region_code],
      )
    ).rows;
    expect(entries).toHaveLength(inRegion.n);
    expect(entries.find((e) => e.schoolCode === NORES)).toEqual({
      schoolCode: NORES,
      status: 'INSUFFICIENT_DATA',
      included: false,
      evidence: { rule: 'NO_RESULTS' },
    });
  });
});

describe('a school-year with ВПР results and no survey indicators', () => {
  type Factor = {
    code: string;
    level: string;
    score: number | null;
    indicators: { code: string; value: number; risk: number }[];
  };
  type Profile = { year: number; priorityRisks: number[]; factors: Factor[] };

  it('has a risk profile: R6 from SR_VPR_LOW, every other factor NO_DATA', async () => {
    const profiles = dataOf(
      await ministry<{ riskProfiles: { nodes: Profile[] } }, object>(
        `{ riskProfiles(year: ${YEAR}, filter: { schoolCodes: ["${VPRONLY}"] }) { nodes { year priorityRisks
          factors { code level score indicators { code value risk } } } } }`,
      ),
    ).riskProfiles.nodes;
    expect(profiles).toHaveLength(1);
    const [profile] = profiles as [Profile];
    expect(profile.priorityRisks).toEqual([6]);
    const r6 = profile.factors.find((f) => f.code === 'R6');
    expect(r6).toEqual({
      code: 'R6',
      level: 'MEDIUM',
      score: 0.5,
      indicators: [{ code: 'SR_VPR_LOW', value: 0.15, risk: 1 }],
    });
    const others = profile.factors.filter((f) => f.code !== 'R6');
    expect(others).toHaveLength(9);
    expect(others.every((f) => f.level === 'NO_DATA' && f.score === null && f.indicators.length === 0)).toBe(
      true,
    );
  });

  it('reports its social context as far as it is defined: no swi, not resilient', async () => {
    const analytics = dataOf(
      await ministry<
        { school: { analytics: { riskProfile: { priorityRisks: number[] }; context: unknown } } },
        object
      >(
        `{ school(code: "${VPRONLY}") { analytics(year: ${YEAR}) { riskProfile { priorityRisks }
          context { swi swiRank difficultContext resilient components { code } } } } }`,
      ),
    ).school.analytics;
    expect(analytics.riskProfile.priorityRisks).toEqual([6]);
    expect(analytics.context).toEqual({
      swi: null,
      swiRank: null,
      difficultContext: null,
      resilient: false,
      components: [],
    });
  });
});
