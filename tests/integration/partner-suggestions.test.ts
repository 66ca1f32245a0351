import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshAfterWrite } from '../../analytics/sql/refresh.js';
import { SUPPORT_V1 } from '../../analytics/support/params.js';
import { fromPgClient } from '../../db/queryable.js';
import { type RunningServer } from '../../api/server.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { dataOf, graphql } from '../support/graphql-client.js';
import { type Ask, clientAs, refusal } from '../support/list-workflow.js';
import { startTestServerOn } from '../support/server.js';

/*
 * SUPPORT-V1 §4 over HTTP. A list of region 56 for 2026 is created and approved here (so this file
 * has a database of its own), then partnerSuggestions is asked for every school on it and checked
 * against §4 worked out in this file:
 * - lowIndex, lowRank (and so ranked / low) recomputed in SQL from the raw result rows (the
 *   METHODOLOGY-V1 §1 query of shnor.test.ts), §7-rounded here;
 * - the approved list's included schools, the schools' region, municipality and code: SQL;
 * - swi and resilient (§6: z-scores, ШНСУ, markers) taken from the API's own school.analytics
 *   context rows, which school-analytics tests check against their definition;
 * - the conditions, the swi rule, the order and the cut: by hand below.
 * Then viewers (another region, the public, a municipality), supportOverrides, and — with the
 * context shares of a listed school and of a candidate deleted — the swi rule when a swi is undefined.
 */
const SECRET = 'partner-suggestions-test-secret-32-bytes';
const REGION = '56';
const YEAR = 2026;

const RANKS_SQL = `
with c as (
  select s.id, m.region_id,
    (select sum(n2)::float8 / nullif(sum(participants), 0) from vpr_result v where v.school_id = s.id and v.year = $1
       and grade in (4,5,6,7,8) and subject in ('RU','MA','MAA') having sum(participants) >= 20) as vpr,
    (select sum(n2)::float8 / sum(participants) from oge_result o where o.school_id = s.id and o.year = $1
       and subject in ('RU','MA') having sum(participants) >= 5) as oge,
    (select sum(below_min)::float8 / sum(participants) from ege_result e where e.school_id = s.id and e.year = $1
       and subject in ('RU','MAP','MAB') having sum(participants) >= 5) as ege
  from school s join municipality m on m.id = s.municipality_id
), i as (
  select id, region_id, case when vpr is null then null else round(((0.5 * vpr + 0.25 * coalesce(oge, 0) + 0.25 * coalesce(ege, 0))
    / (0.5 + case when oge is null then 0 else 0.25 end + case when ege is null then 0 else 0.25 end))::numeric, 12) end as low_index from c
)
select id, low_index::float8 as low_index, percent_rank() over w as low_rank
from i where low_index is not null window w as (partition by region_id order by low_index)`;

/** §7: 12 decimals, halves away from zero (the values here are never halves at the 13th decimal). */
const round12 = (x: number) => Math.sign(x) * (Math.round(Math.abs(x) * 1e12) / 1e12) || 0;

interface School {
  id: number;
  code: string;
  regionCode: string;
  municipalityId: number;
  lowIndex: number | null;
  lowRank: number | null;
  swi: number | null;
  resilient: boolean;
  listed: boolean;
}

interface Expected {
  candidateCount: number;
  swiFilterApplied: boolean;
  suggestions: {
    code: string;
    municipalityId: number;
    sameMunicipality: boolean;
    resilient: boolean;
    lowIndex: number;
    lowRank: number;
    swi: number | null;
    swiDistance: number | null;
  }[];
}

/** §4 by hand, over the schools the viewer may see (`visible`). */
function expectedFor(
  s: School,
  schools: readonly School[],
  p: { partnerRankMax: number; partnerSwiMaxDistance: number; partnerMax: number },
  visible: (x: School) => boolean = () => true,
): Expected {
  const met = schools
    .filter((x) => visible(x) && x.id !== s.id && x.regionCode === s.regionCode)
    .filter((x) => x.lowIndex !== null && x.lowRank !== null && x.lowRank < 0.9) // ranked, not low (lowRankCut 0.9)
    .filter((x) => !x.listed && (x.lowRank as number) <= p.partnerRankMax)
    .map((x) => ({
      code: x.code,
      municipalityId: x.municipalityId,
      sameMunicipality: x.municipalityId === s.municipalityId,
      resilient: x.resilient,
      lowIndex: x.lowIndex as number,
      lowRank: x.lowRank as number,
      swi: x.swi,
      swiDistance: s.swi !== null && x.swi !== null ? round12(Math.abs(x.swi - s.swi)) : null,
    }))
    .filter((x) => x.swiDistance === null || x.swiDistance <= p.partnerSwiMaxDistance)
    .sort(
      (a, b) =>
        Number(b.sameMunicipality) - Number(a.sameMunicipality) ||
        Number(b.resilient) - Number(a.resilient) ||
        a.lowIndex - b.lowIndex ||
        (a.code < b.code ? -1 : a.code > b.code ? 1 : 0), // the codes are ASCII: UTF-16 order is codepoint order
    );
  return {
    candidateCount: met.length,
    swiFilterApplied: s.swi !== null,
    suggestions: met.slice(0, p.partnerMax),
  };
}

interface Answer {
  year: number;
  listId: string;
  swi: number | null;
  swiFilterApplied: boolean;
  candidateCount: number;
  scopeCoversRegion: boolean;
  school: { code: string };
  support: { name: string; overridden: boolean; params: typeof SUPPORT_V1 };
  methodology: { name: string; hash: string; overridden: boolean };
  dataVersion: number;
  suggestions: {
    school: { code: string };
    municipality: { id: string };
    sameMunicipality: boolean;
    resilient: boolean;
    lowIndex: number;
    lowRank: number;
    swi: number | null;
    swiDistance: number | null;
  }[];
}

const PARTNERS = `partnerSuggestions(year: $year, schoolCode: $code, supportOverrides: $support) {
  year listId swi swiFilterApplied candidateCount scopeCoversRegion school { code }
  support { name overridden params } methodology { name hash overridden } dataVersion
  suggestions { school { code } municipality { id } sameMunicipality resilient lowIndex lowRank swi swiDistance } }`;
const QUERY = `query Partners($year: Int!, $code: String!, $support: PartnerOverridesInput) { ${PARTNERS} }`;

type Vars = { year: number; code: string; support?: Record<string, number> };
const ask = (client: Ask, code: string, support?: Record<string, number>) =>
  client<{ partnerSuggestions: Answer }, Vars>(QUERY, { year: YEAR, code, support });

/** The answer reduced to what `expectedFor` computes. */
function shapeOf(a: Answer): Expected {
  return {
    candidateCount: a.candidateCount,
    swiFilterApplied: a.swiFilterApplied,
    suggestions: a.suggestions.map((x) => ({
      code: x.school.code,
      municipalityId: Number(x.municipality.id),
      sameMunicipality: x.sameMunicipality,
      resilient: x.resilient,
      lowIndex: x.lowIndex,
      lowRank: x.lowRank,
      swi: x.swi,
      swiDistance: x.swiDistance,
    })),
  };
}

/** Equal; the reals to 1e-9 as in shnor.test.ts (SQL rounds the weighted mean once, the API each share first: they differ at 1e-12). */
function expectSame(actual: Expected, expected: Expected, label: string) {
  const exact = (e: Expected) => ({
    ...e,
    suggestions: e.suggestions.map((x) => ({
      code: x.code,
      municipalityId: x.municipalityId,
      sameMunicipality: x.sameMunicipality,
      resilient: x.resilient,
    })),
  });
  expect(exact(actual), label).toEqual(exact(expected));
  actual.suggestions.forEach((x, i) => {
    const e = expected.suggestions[i]!;
    expect(x.lowIndex, `${label} ${x.code} lowIndex`).toBeCloseTo(e.lowIndex, 9);
    expect(x.lowRank, `${label} ${x.code} lowRank`).toBeCloseTo(e.lowRank, 9);
    expect(x.swi === null, `${label} ${x.code} swi`).toBe(e.swi === null);
    if (x.swi !== null) expect(x.swi).toBeCloseTo(e.swi as number, 12);
    expect(x.swiDistance === null, `${label} ${x.code} swiDistance`).toBe(e.swiDistance === null);
    if (x.swiDistance !== null) expect(x.swiDistance).toBeCloseTo(e.swiDistance as number, 12);
  });
}

let database: FreshDatabase;
let server: RunningServer;
let pool: pg.Pool;
let ministry: Ask;
let listId = '';
let schools: School[] = [];
let listed: School[] = [];

async function readSchools(): Promise<School[]> {
  const places = await pool.query<{ id: number; code: string; region_code: string; municipality_id: number }>(
    `select s.id, s.code, r.code as region_code, s.municipality_id from school s
     join municipality m on m.id = s.municipality_id join region r on r.id = m.region_id where r.code = $1`,
    [REGION],
  );
  const ranks = new Map(
    (await pool.query<{ id: number; low_index: number; low_rank: number }>(RANKS_SQL, [YEAR])).rows.map(
      (r) => [r.id, r],
    ),
  );
  const included = new Set(
    (
      await pool.query<{ school_id: number }>(
        `select school_id from shnor_list_entry
         where list_id = $1 and (decision = 'INCLUDE' or (decision is null and status = 'ELIGIBLE'))`,
        [listId],
      )
    ).rows.map((r) => r.school_id),
  );
  // §6 values from the API itself (see the note at the top)
  const context = dataOf(
    await ministry<
      {
        schools: {
          nodes: {
            code: string;
            analytics: { context: { swi: number | null; resilient: boolean } | null };
          }[];
        };
      },
      object
    >(
      `{ schools(filter: { regionCodes: ["${REGION}"] }, first: 500) {
        nodes { code analytics(year: ${YEAR}) { context { swi resilient } } } } }`,
    ),
  ).schools.nodes;
  const contextOf = new Map(context.map((n) => [n.code, n.analytics.context]));
  expect(context.length).toBe(places.rows.length);
  return places.rows.map((r) => {
    const rank = ranks.get(r.id);
    return {
      id: r.id,
      code: r.code,
      regionCode: r.region_code,
      municipalityId: r.municipality_id,
      lowIndex: rank ? round12(rank.low_index) : null,
      lowRank: rank ? round12(rank.low_rank) : null,
      swi: contextOf.get(r.code)?.swi ?? null,
      resilient: contextOf.get(r.code)?.resilient ?? false,
      listed: included.has(r.id),
    };
  });
}

beforeAll(async () => {
  database = await createFreshDatabase();
  server = await startTestServerOn(database.url, {
    AUTH_DEV_MODE: '0',
    AUTH_JWT_SECRET: SECRET,
    PUBLIC_ACCESS: '1',
  });
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  ministry = await clientAs(server.url, SECRET, { role: 'MINISTRY', sub: 'ministry' });
});
afterAll(async () => {
  await server?.close();
  await pool?.end();
  await database?.drop();
});

describe('partnerSuggestions (SUPPORT-V1 §4)', () => {
  it('refuses while the region has no approved list of the year — a draft does not count', async () => {
    const [school] = (
      await pool.query<{ code: string }>(
        `select s.code from school s join municipality m on m.id = s.municipality_id join region r on r.id = m.region_id
         where r.code = $1 order by s.code limit 1`,
        [REGION],
      )
    ).rows;
    const before = await ask(ministry, school!.code);
    expect(refusal(before)).toEqual({ code: 'BAD_USER_INPUT', argument: 'schoolCode' });
    expect(before.errors?.[0]?.extensions?.reason).toBe('NO_APPROVED_LIST');
    expect(before.errors?.[0]?.message).toMatch(/no approved ШНОР list for 2026/);

    const created = dataOf(
      await ministry<{ createShnorList: { id: string; counts: { undecided: number } } }, object>(
        `mutation { createShnorList(year: ${YEAR}, regionCode: "${REGION}") { id counts { undecided } } }`,
      ),
    ).createShnorList;
    listId = created.id;
    expect(created.counts.undecided).toBe(0); // no list of 2025, no REVIEW in the demo: nothing to decide
    expect((await ask(ministry, school!.code)).errors?.[0]?.extensions?.reason).toBe('NO_APPROVED_LIST');

    const approved = dataOf(
      await ministry<{ approveShnorList: { status: string } }, object>(
        `mutation { approveShnorList(listId: "${listId}") { status } }`,
      ),
    ).approveShnorList;
    expect(approved.status).toBe('APPROVED');
    schools = await readSchools();
    listed = schools.filter((s) => s.listed);
    expect(listed.length).toBeGreaterThan(1);
  });

  it('answers every school of the approved list exactly as §4 worked out by hand', async () => {
    const candidates = dataOf(
      await ministry<{ shnorCandidates: { methodology: { hash: string }; dataVersion: number } }, object>(
        `{ shnorCandidates(year: ${YEAR}, first: 1) { methodology { hash } dataVersion } }`,
      ),
    ).shnorCandidates;
    let cut = 0;
    let withoutSwi = 0;
    const seen = new Set<string>();
    for (const s of listed) {
      const answer = dataOf(await ask(ministry, s.code)).partnerSuggestions;
      expectSame(shapeOf(answer), expectedFor(s, schools, SUPPORT_V1.partners), s.code);
      expect(answer).toMatchObject({
        year: YEAR,
        listId,
        school: { code: s.code },
        scopeCoversRegion: true,
        support: { name: 'support-v1', overridden: false, params: SUPPORT_V1 },
        methodology: { name: 'default-v1', hash: candidates.methodology.hash, overridden: false },
        dataVersion: candidates.dataVersion,
      });
      expect(answer.swi === null).toBe(s.swi === null);
      if (answer.swi !== null) expect(answer.swi).toBeCloseTo(s.swi as number, 12);
      if (answer.candidateCount > SUPPORT_V1.partners.partnerMax) cut += 1;
      if (s.swi === null) withoutSwi += 1;
      for (const x of answer.suggestions)
        seen.add(`same:${x.sameMunicipality}`).add(`resilient:${x.resilient}`);
    }
    // the demo exercises the cut at partnerMax (more candidates than suggestions) for some school
    expect(cut).toBeGreaterThan(0);
    expect(withoutSwi).toBeLessThan(listed.length);
    // and both sides of the first two ordering keys
    expect([...seen].sort()).toEqual(['resilient:false', 'resilient:true', 'same:false', 'same:true']);
  });

  it('gives the same suggestions on the approved list’s entries, in statements that do not grow with them', async () => {
    type Entries = {
      shnorList: {
        entries: {
          nodes: {
            included: boolean;
            school: { code: string };
            partnerSuggestions: {
              candidateCount: number;
              suggestions: { school: { code: string } }[];
            } | null;
          }[];
        };
      };
    };
    const entries = async (first: number) =>
      ministry<Entries, object>(
        `{ shnorList(id: "${listId}") { entries(first: ${first}) { nodes { included school { code }
           partnerSuggestions { candidateCount suggestions { school { code } } } } } } }`,
      );
    const all = await entries(500);
    const nodes = dataOf(all).shnorList.entries.nodes;
    const byCode = new Map(schools.map((x) => [x.code, x]));
    for (const node of nodes) {
      if (!node.included) {
        expect(node.partnerSuggestions, node.school.code).toBeNull();
        continue;
      }
      const expected = expectedFor(byCode.get(node.school.code)!, schools, SUPPORT_V1.partners);
      expect(node.partnerSuggestions?.candidateCount, node.school.code).toBe(expected.candidateCount);
      expect(node.partnerSuggestions?.suggestions.map((x) => x.school.code)).toEqual(
        expected.suggestions.map((x) => x.code),
      );
    }
    expect(nodes.filter((n) => n.included)).toHaveLength(listed.length);
    // one set of statements for the list, none per entry (DataLoader batches may split by one
    // depending on when the memoised region read resolves)
    const few = Number((await entries(2)).extensions?.sqlStatements);
    const many = Number(all.extensions?.sqlStatements);
    expect(many).toBeLessThanOrEqual(few + 1);
    expect(many).toBeLessThan(listed.length);
  });

  it('refuses a school that is not on the approved list, naming the list', async () => {
    const notListed = schools.find((s) => !s.listed)!;
    const answer = await ask(ministry, notListed.code);
    expect(refusal(answer)).toEqual({ code: 'BAD_USER_INPUT', argument: 'schoolCode' });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ reason: 'NOT_ON_APPROVED_LIST', listId });
    expect(answer.errors?.[0]?.message).toBe(
      `schoolCode: «${notListed.code}» is not on the approved ШНОР list ${listId} of region ${REGION} for ${YEAR}; partners are suggested for the schools of an approved list only`,
    );
    // another year of the same region has no approved list
    const other = await ministry<{ partnerSuggestions: Answer }, Vars>(QUERY, {
      year: YEAR - 1,
      code: listed[0]!.code,
    });
    expect(other.errors?.[0]?.extensions?.reason).toBe('NO_APPROVED_LIST');
  });

  it('answers a viewer of another region (and the public) as for an unknown school', async () => {
    const [otherRegion] = (
      await pool.query<{ code: string }>(`select code from region where code <> $1 order by code limit 1`, [
        REGION,
      ])
    ).rows;
    const outsider = await clientAs(server.url, SECRET, {
      role: 'REGION_ANALYST',
      region: otherRegion!.code,
      sub: 'x',
    });
    const s = listed[0]!;
    const unknown = await ask(ministry, 'sch-no-such-school');
    const shape = (r: Awaited<ReturnType<typeof ask>>, code: string) => ({
      data: r.data,
      message: r.errors?.[0]?.message.replace(code, '<code>'),
      extensions: r.errors?.[0]?.extensions,
    });
    expect(shape(unknown, 'sch-no-such-school')).toEqual({
      data: null,
      message: 'schoolCode: no school «<code>»',
      extensions: { code: 'BAD_USER_INPUT', argument: 'schoolCode' },
    });
    expect(shape(await ask(outsider, s.code), s.code)).toEqual(shape(unknown, 'sch-no-such-school'));
    const anonymous = await graphql<{ partnerSuggestions: Answer }, Vars>(server.url, QUERY, {
      year: YEAR,
      code: s.code,
    });
    expect(shape(anonymous, s.code)).toEqual(shape(unknown, 'sch-no-such-school'));
    // a what-if is refused to the public before anything is read, as with methodology overrides
    const publicWhatIf = await graphql(server.url, QUERY, {
      year: YEAR,
      code: s.code,
      support: { partnerMax: 1 },
    });
    expect(publicWhatIf.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      argument: 'supportOverrides',
    });
  });

  it('gives the region’s analyst the same answer; a municipal analyst only the schools of its scope', async () => {
    const s = listed.find((x) =>
      expectedFor(x, schools, SUPPORT_V1.partners).suggestions.some((p) => p.sameMunicipality),
    )!;
    expect(s).toBeDefined();
    const own = await clientAs(server.url, SECRET, { role: 'REGION_ANALYST', region: REGION, sub: 'a56' });
    expect(shapeOf(dataOf(await ask(own, s.code)).partnerSuggestions)).toEqual(
      shapeOf(dataOf(await ask(ministry, s.code)).partnerSuggestions),
    );
    const municipal = await clientAs(server.url, SECRET, {
      role: 'MUNICIPAL_ANALYST',
      municipality: s.municipalityId,
      sub: 'mun',
    });
    const answer = dataOf(await ask(municipal, s.code)).partnerSuggestions;
    expect(answer.scopeCoversRegion).toBe(false);
    const inScope = (x: School) => x.municipalityId === s.municipalityId;
    expectSame(shapeOf(answer), expectedFor(s, schools, SUPPORT_V1.partners, inScope), `${s.code} municipal`);
    expect(answer.suggestions.every((x) => x.sameMunicipality)).toBe(true);
  });

  it('takes supportOverrides as a what-if of §4, named in the answer', async () => {
    const s = listed.reduce((best, x) =>
      expectedFor(x, schools, SUPPORT_V1.partners).candidateCount >
      expectedFor(best, schools, SUPPORT_V1.partners).candidateCount
        ? x
        : best,
    );
    const base = dataOf(await ask(ministry, s.code)).partnerSuggestions;
    expect(base.candidateCount).toBeGreaterThan(2);

    const two = dataOf(await ask(ministry, s.code, { partnerMax: 2 })).partnerSuggestions;
    expect(two.candidateCount).toBe(base.candidateCount);
    expect(two.suggestions).toEqual(base.suggestions.slice(0, 2));
    expect(two.support).toEqual({
      name: 'support-v1',
      overridden: true,
      params: { ...SUPPORT_V1, partners: { ...SUPPORT_V1.partners, partnerMax: 2 } },
    });
    expect(two.methodology.overridden).toBe(false);

    const wider = { partnerRankMax: 0.5, partnerSwiMaxDistance: 1, partnerMax: 50 };
    const answer = dataOf(await ask(ministry, s.code, wider)).partnerSuggestions;
    expectSame(shapeOf(answer), expectedFor(s, schools, wider), `${s.code} wider`);
    expect(answer.candidateCount).toBeGreaterThan(base.candidateCount);

    const bad = await ask(ministry, s.code, { partnerMax: 51, partnerRankMax: 2 });
    expect(refusal(bad)).toEqual({ code: 'BAD_USER_INPUT', argument: 'supportOverrides.partnerMax' });
    expect(bad.errors?.[0]?.message).toBe(
      'supportOverrides.partnerMax: must be an integer from 0 to 50 (got 51); supportOverrides.partnerRankMax: must be a percent rank from 0 to 1 (got 2)',
    );
  });

  it('drops the swi condition where a swi is undefined: of the listed school (swiFilterApplied false) or of a candidate', async () => {
    const candidate = (s: School, x: School) =>
      x.id !== s.id &&
      !x.listed &&
      x.lowIndex !== null &&
      x.lowRank !== null &&
      x.lowRank <= SUPPORT_V1.partners.partnerRankMax;
    // p0: a candidate of s1 in every respect but its swi, too far from s1's
    const [s1, p0] = listed
      .filter((s) => s.swi !== null)
      .flatMap((s) =>
        schools
          .filter((x) => candidate(s, x) && x.swi !== null && Math.abs(x.swi - (s.swi as number)) > 0.6)
          .map((x) => [s, x] as const),
      )[0]!;
    const s0 = listed.find((s) => s.id !== s1.id && s.swi !== null)!;
    expect([s0, s1, p0].every(Boolean)).toBe(true);
    const wide = { partnerMax: 50 };
    const before = dataOf(await ask(ministry, s1.code, wide)).partnerSuggestions;
    expect(before.suggestions.map((x) => x.school.code)).not.toContain(p0.code);

    // their context shares of the year removed, the reductions rebuilt as an import would
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query(
        `delete from indicator_value where year = $1 and code like 'CTX\\_%' and school_id = any($2::int[])`,
        [YEAR, [s0.id, p0.id]],
      );
      await refreshAfterWrite(fromPgClient(client));
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw error;
    } finally {
      client.release();
    }
    schools = await readSchools();
    listed = schools.filter((s) => s.listed);
    expect(schools.filter((x) => x.id === s0.id || x.id === p0.id).map((x) => x.swi)).toEqual([null, null]);

    const own = dataOf(await ask(ministry, s0.code)).partnerSuggestions;
    expect(own).toMatchObject({ swi: null, swiFilterApplied: false });
    expect(own.suggestions.every((x) => x.swiDistance === null)).toBe(true);
    const after = dataOf(await ask(ministry, s1.code, wide)).partnerSuggestions;
    expect(after.suggestions.find((x) => x.school.code === p0.code)).toMatchObject({
      swi: null,
      swiDistance: null,
    });
    for (const s of listed) {
      expectSame(
        shapeOf(dataOf(await ask(ministry, s.code)).partnerSuggestions),
        expectedFor(s, schools, SUPPORT_V1.partners),
        `${s.code} after`,
      );
    }
    expectSame(
      shapeOf(after),
      expectedFor(schools.find((x) => x.id === s1.id)!, schools, { ...SUPPORT_V1.partners, ...wide }),
      `${s1.code} wide`,
    );
  });
});
