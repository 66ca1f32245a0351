import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPPORT_V1 } from '../../analytics/support/params.js';
import { type RunningServer } from '../../api/server.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { dataOf, graphql } from '../support/graphql-client.js';
import { type Ask, clientAs, refusal } from '../support/list-workflow.js';
import { startTestServerOn } from '../support/server.js';

/*
 * SUPPORT-V1 §6 over HTTP, on a database of this file's own: a list of region 56 for 2025 is
 * created and approved (the demo holds 2022–2026, so y + 1 = 2026 has data), then supportEffect is
 * checked against §6 worked out here. The inputs come from the API's other questions —
 * lowIndex and lowRank of every school of the region in 2025 and lowIndex in 2026 from
 * shnorCandidates (which shnor.test.ts checks against SQL over the raw rows), the included schools
 * from the list's entries — and T, C, Δ, the means, variances, SE, interval and df are computed
 * below in plain double arithmetic, compared to 1e-9 (§6: the API's figures are exact).
 */
const SECRET = 'support-effect-test-secret-32-bytes-long';
const REGION = '56';
const YEAR = 2025;
const TOLERANCE_DIGITS = 9;

interface SchoolFacts {
  code: string;
  municipalityId: number;
  lowIndex: number | null;
  lowRank: number | null;
  outcome: number | null;
  listed: boolean;
}

interface Figures {
  nT: number;
  nC: number;
  meanDeltaT: number | null;
  meanDeltaC: number | null;
  varianceT: number | null;
  varianceC: number | null;
  did: number | null;
  se: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  df: number | null;
  defined: boolean;
  deltas: {
    schoolCode: string;
    schoolName: string;
    municipality: { id: string };
    group: 'TREATED' | 'CONTROL';
    lowIndex: number;
    outcomeLowIndex: number;
    delta: number;
  }[];
  excludedNoOutcome: { schoolCode: string; group: string; notRankedIn: number }[];
}

interface Answer {
  year: number;
  outcomeYear: number;
  horizon: number;
  controlRankMin: number;
  regions: (Figures & {
    regionCode: string;
    listId: string;
    scopeCoversRegion: boolean;
    methodology: { name: string; hash: string };
  })[];
  total: Figures;
  regionsWithoutList: string[];
  support: { name: string; overridden: boolean; params: typeof SUPPORT_V1 };
  methodologies: { name: string }[];
}

const FIGURES = `nT nC meanDeltaT meanDeltaC varianceT varianceC did se ciLow ciHigh df defined
  deltas { schoolCode schoolName municipality { id } group lowIndex outcomeLowIndex delta }
  excludedNoOutcome { schoolCode group notRankedIn }`;
const QUERY = `query Effect($year: Int!, $regions: [String!], $horizon: Int, $rank: Float) {
  supportEffect(year: $year, regionCodes: $regions, horizon: $horizon, controlRankMin: $rank) {
    year outcomeYear horizon controlRankMin regionsWithoutList
    support { name overridden params } methodologies { name }
    regions { regionCode listId scopeCoversRegion methodology { name hash } ${FIGURES} }
    total { ${FIGURES} } } }`;
type Vars = { year: number; regions?: string[] | null; horizon?: number; rank?: number };

const ask = (client: Ask, vars: Partial<Vars> = {}) =>
  client<{ supportEffect: Answer }, Vars>(QUERY, { year: YEAR, regions: [REGION], ...vars });

/** §6 by hand, in doubles, over the schools given. */
function expectedFigures(schools: readonly SchoolFacts[], controlRankMin: number, minGroup = 3) {
  const ranked = (s: SchoolFacts) => s.lowIndex !== null && s.lowRank !== null;
  const treated = schools.filter((s) => s.listed);
  const control = schools.filter((s) => !s.listed && ranked(s) && (s.lowRank as number) >= controlRankMin);
  const withOutcome = (g: SchoolFacts[]) => g.filter((s) => ranked(s) && s.outcome !== null);
  const t = withOutcome(treated).map((s) => (s.outcome as number) - (s.lowIndex as number));
  const c = withOutcome(control).map((s) => (s.outcome as number) - (s.lowIndex as number));
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const variance = (xs: number[]) => {
    if (xs.length < 2) return null;
    const m = mean(xs) as number;
    return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
  };
  const [mT, mC, vT, vC] = [mean(t), mean(c), variance(t), variance(c)];
  const defined = t.length >= minGroup && c.length >= minGroup;
  const did = defined ? (mT as number) - (mC as number) : null;
  const aT = (vT as number) / t.length;
  const aC = (vC as number) / c.length;
  const se = defined ? Math.sqrt(aT + aC) : null;
  const df =
    defined && aT + aC > 0 ? (aT + aC) ** 2 / (aT ** 2 / (t.length - 1) + aC ** 2 / (c.length - 1)) : null;
  return {
    nT: t.length,
    nC: c.length,
    meanDeltaT: mT,
    meanDeltaC: mC,
    varianceT: vT,
    varianceC: vC,
    did,
    se,
    ciLow: did !== null ? did - 1.96 * (se as number) : null,
    ciHigh: did !== null ? did + 1.96 * (se as number) : null,
    df,
    defined,
    treated: withOutcome(treated).map((s) => s.code),
    control: withOutcome(control).map((s) => s.code),
    excluded: [...treated, ...control].filter((s) => !withOutcome([s]).length).map((s) => s.code),
  };
}

function expectFigures(actual: Figures, expected: ReturnType<typeof expectedFigures>, label: string) {
  expect({ nT: actual.nT, nC: actual.nC, defined: actual.defined }, label).toEqual({
    nT: expected.nT,
    nC: expected.nC,
    defined: expected.defined,
  });
  const keys = [
    'meanDeltaT',
    'meanDeltaC',
    'varianceT',
    'varianceC',
    'did',
    'se',
    'ciLow',
    'ciHigh',
    'df',
  ] as const;
  for (const key of keys) {
    const e = expected[key];
    if (e === null) expect(actual[key], `${label} ${key}`).toBeNull();
    else expect(actual[key], `${label} ${key}`).toBeCloseTo(e, TOLERANCE_DIGITS);
  }
  const codes = (g: string) =>
    actual.deltas
      .filter((d) => d.group === g)
      .map((d) => d.schoolCode)
      .sort();
  expect(codes('TREATED'), `${label} T`).toEqual([...expected.treated].sort());
  expect(codes('CONTROL'), `${label} C`).toEqual([...expected.control].sort());
  expect(actual.excludedNoOutcome.map((x) => x.schoolCode).sort(), `${label} excluded`).toEqual(
    [...expected.excluded].sort(),
  );
}

let database: FreshDatabase;
let server: RunningServer;
let ministry: Ask;
let listId = '';
let schools: SchoolFacts[] = [];

type Candidates = {
  shnorCandidates: {
    nodes: {
      school: { code: string; municipality: { id: string } };
      lowIndex: number | null;
      lowRank: number | null;
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

/** lowIndex and lowRank of every school of the region in `year`, as shnorCandidates answers. */
async function candidatesOf(year: number) {
  const out = new Map<string, { municipalityId: number; lowIndex: number | null; lowRank: number | null }>();
  let after: string | null = null;
  for (;;) {
    const page: Candidates['shnorCandidates'] = dataOf(
      await ministry<Candidates, { year: number; after: string | null }>(
        `query C($year: Int!, $after: String) { shnorCandidates(year: $year, filter: { regionCodes: ["${REGION}"] },
           first: 500, after: $after) { nodes { school { code municipality { id } } lowIndex lowRank }
           pageInfo { hasNextPage endCursor } } }`,
        { year, after },
      ),
    ).shnorCandidates;
    for (const n of page.nodes) {
      out.set(n.school.code, {
        municipalityId: Number(n.school.municipality.id),
        lowIndex: n.lowIndex,
        lowRank: n.lowRank,
      });
    }
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}

async function readSchools(): Promise<SchoolFacts[]> {
  const [before, after] = [await candidatesOf(YEAR), await candidatesOf(YEAR + 1)];
  const entries = dataOf(
    await ministry<{ shnorList: { entries: { nodes: { school: { code: string } }[] } } }, object>(
      `{ shnorList(id: "${listId}") { entries(included: true, first: 500) { nodes { school { code } } } } }`,
    ),
  ).shnorList.entries.nodes;
  const listed = new Set(entries.map((e) => e.school.code));
  return [...before].map(([code, y]) => ({
    code,
    municipalityId: y.municipalityId,
    lowIndex: y.lowIndex,
    lowRank: y.lowRank,
    outcome: after.get(code)?.lowIndex ?? null,
    listed: listed.has(code),
  }));
}

beforeAll(async () => {
  database = await createFreshDatabase();
  server = await startTestServerOn(database.url, {
    AUTH_DEV_MODE: '0',
    AUTH_JWT_SECRET: SECRET,
    PUBLIC_ACCESS: '1',
  });
  ministry = await clientAs(server.url, SECRET, { role: 'MINISTRY', sub: 'ministry' });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

describe('supportEffect (SUPPORT-V1 §6)', () => {
  it('has no row for a region without an approved list of the year — a draft does not count', async () => {
    const before = dataOf(await ask(ministry)).supportEffect;
    expect(before).toMatchObject({
      regions: [],
      regionsWithoutList: [REGION],
      total: { nT: 0, nC: 0, defined: false },
    });

    const created = dataOf(
      await ministry<{ createShnorList: { id: string; counts: { undecided: number } } }, object>(
        `mutation { createShnorList(year: ${YEAR}, regionCode: "${REGION}") { id counts { undecided } } }`,
      ),
    ).createShnorList;
    listId = created.id;
    expect(created.counts.undecided).toBe(0); // no list of 2024, no REVIEW in the demo
    expect(dataOf(await ask(ministry)).supportEffect.regionsWithoutList).toEqual([REGION]);
    const approved = dataOf(
      await ministry<{ approveShnorList: { status: string } }, object>(
        `mutation { approveShnorList(listId: "${listId}") { status } }`,
      ),
    ).approveShnorList;
    expect(approved.status).toBe('APPROVED');
    schools = await readSchools();
    expect(schools.filter((s) => s.listed).length).toBeGreaterThanOrEqual(3);
  });

  it('answers region 56, 2025 → 2026, exactly as §6 worked out by hand', async () => {
    const answer = dataOf(await ask(ministry)).supportEffect;
    expect(answer).toMatchObject({
      year: YEAR,
      outcomeYear: YEAR + 1,
      horizon: 1,
      controlRankMin: 0.75,
      regionsWithoutList: [],
      support: { name: 'support-v1', overridden: false, params: SUPPORT_V1 },
      methodologies: [{ name: 'default-v1' }],
    });
    expect(answer.regions).toHaveLength(1);
    const row = answer.regions[0]!;
    expect(row).toMatchObject({
      regionCode: REGION,
      listId,
      scopeCoversRegion: true,
      methodology: { name: 'default-v1' },
    });
    const expected = expectedFigures(schools, 0.75);
    expect(expected.defined).toBe(true);
    expectFigures(row, expected, 'region 56');
    expectFigures(answer.total, expected, 'total');
    // every Δ is its school's two lowIndex values, the group by the rule
    const byCode = new Map(schools.map((s) => [s.code, s]));
    for (const d of row.deltas) {
      const s = byCode.get(d.schoolCode)!;
      expect(d.lowIndex).toBe(s.lowIndex);
      expect(d.outcomeLowIndex).toBe(s.outcome);
      expect(d.delta).toBeCloseTo((s.outcome as number) - (s.lowIndex as number), 12);
      expect(Number(d.municipality.id)).toBe(s.municipalityId);
      expect(d.group).toBe(s.listed ? 'TREATED' : 'CONTROL');
    }
    expect(row.deltas.map((d) => d.group)).toEqual([...row.deltas.map((d) => d.group)].sort().reverse()); // TREATED first
  });

  it('pools every region for the whole scope; regions without a list are named', async () => {
    const all = dataOf(await ask(ministry, { regions: null })).supportEffect;
    expect(all.regions.map((r) => r.regionCode)).toEqual([REGION]);
    expect(all.regionsWithoutList).toHaveLength(3); // the demo's other three regions
    expectFigures(all.total, expectedFigures(schools, 0.75), 'all regions');
  });

  it('takes controlRankMin as a request override: more controls below 0.75', async () => {
    const answer = dataOf(await ask(ministry, { rank: 0.5 })).supportEffect;
    expect(answer.controlRankMin).toBe(0.5);
    expect(answer.support).toMatchObject({
      overridden: true,
      params: { did: { ...SUPPORT_V1.did, didControlRankMin: 0.5 } },
    });
    const expected = expectedFigures(schools, 0.5);
    expectFigures(answer.regions[0]!, expected, 'controlRankMin 0.5');
    expect(expected.nC).toBeGreaterThan(expectedFigures(schools, 0.75).nC);
  });

  it('a horizon without an outcome year excludes every school: undefined', async () => {
    const answer = dataOf(await ask(ministry, { horizon: 5 })).supportEffect;
    expect(answer).toMatchObject({ horizon: 5, outcomeYear: YEAR + 5 });
    const row = answer.regions[0]!;
    expect(row).toMatchObject({
      nT: 0,
      nC: 0,
      meanDeltaT: null,
      meanDeltaC: null,
      did: null,
      se: null,
      df: null,
      defined: false,
      deltas: [],
    });
    const groups = expectedFigures(schools, 0.75);
    expect(row.excludedNoOutcome).toHaveLength(groups.nT + groups.nC + groups.excluded.length);
    expect(new Set(row.excludedNoOutcome.map((x) => x.notRankedIn))).toEqual(new Set([YEAR + 5]));
  });

  it('shows a region analyst of another region nothing of region 56; its own analyst the same figures', async () => {
    const outsider = await clientAs(server.url, SECRET, { role: 'REGION_ANALYST', region: '63', sub: 'a63' });
    const asked = dataOf(await ask(outsider)).supportEffect;
    expect(asked).toMatchObject({
      regions: [],
      regionsWithoutList: [],
      total: { nT: 0, nC: 0, deltas: [], excludedNoOutcome: [] },
    });
    const all = dataOf(await ask(outsider, { regions: null })).supportEffect;
    expect(all.regions).toEqual([]);
    expect(all.regionsWithoutList).not.toContain(REGION);

    const own = await clientAs(server.url, SECRET, { role: 'REGION_ANALYST', region: REGION, sub: 'a56' });
    expect(dataOf(await ask(own)).supportEffect.regions).toEqual(
      dataOf(await ask(ministry)).supportEffect.regions,
    );
  });

  it('computes a municipal analyst’s figures over the schools of its scope', async () => {
    const counts = new Map<number, number>();
    for (const s of schools.filter((x) => x.listed))
      counts.set(s.municipalityId, (counts.get(s.municipalityId) ?? 0) + 1);
    const [municipalityId] = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
    const municipal = await clientAs(server.url, SECRET, {
      role: 'MUNICIPAL_ANALYST',
      municipality: municipalityId,
      sub: 'mun',
    });
    const row = dataOf(await ask(municipal)).supportEffect.regions[0]!;
    expect(row.scopeCoversRegion).toBe(false);
    const inScope = schools.filter((s) => s.municipalityId === municipalityId);
    expectFigures(row, expectedFigures(inScope, 0.75), `municipality ${municipalityId}`);
    expect(row.deltas.every((d) => Number(d.municipality.id) === municipalityId)).toBe(true);
  });

  it('refuses the public (FORBIDDEN) and names every bad argument (BAD_USER_INPUT)', async () => {
    const anonymous = await graphql<{ supportEffect: Answer }, Vars>(server.url, QUERY, { year: YEAR });
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', action: 'support.read' });
    expect(refusal(await ask(ministry, { horizon: 0 }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'horizon',
    });
    expect(refusal(await ask(ministry, { rank: 1.5 }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'controlRankMin',
    });
    expect(refusal(await ask(ministry, { rank: -0.1 }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'controlRankMin',
    });
    expect(refusal(await ask(ministry, { regions: [REGION, 'nowhere'] }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'regionCodes[1]',
    });
    expect(refusal(await ask(ministry, { year: 1900 }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'year',
    });
  });
});
