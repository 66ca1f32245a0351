import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens.js';
import { type RunningServer } from '../../api/server.js';
import { startTestServer, testDatabaseUrl } from '../support/server.js';

/**
 * Small-cell suppression of the public statistics (README: Security): over real HTTP, with the
 * expected cells computed with SQL from the demo data.
 */

const SECRET = 'public-small-cells-test-secret-of-32-bytes-or-more';
const PUBLIC_ENV = { AUTH_DEV_MODE: '0', PUBLIC_ACCESS: '1', AUTH_JWT_SECRET: SECRET };

let publicDefault: RunningServer; // PUBLIC_MIN_SCHOOLS unset: 5
let public20: RunningServer; // the demo's ОГЭ/ЕГЭ and region cells are all ≥ 5 schools: 20 makes some small
let public1: RunningServer;
let db: pg.Pool;
beforeAll(async () => {
  db = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
  publicDefault = await startTestServer(PUBLIC_ENV);
  public20 = await startTestServer({ ...PUBLIC_ENV, PUBLIC_MIN_SCHOOLS: '20' });
  public1 = await startTestServer({ ...PUBLIC_ENV, PUBLIC_MIN_SCHOOLS: '1' });
});
afterAll(async () => {
  await Promise.all([publicDefault?.close(), public20?.close(), public1?.close()]);
  await db.end();
});

type Dim = 'REGION' | 'MUNICIPALITY' | 'YEAR' | 'GRADE' | 'SUBJECT';
type Exam = 'VPR' | 'OGE' | 'EGE';
const TABLE: Record<Exam, string> = { VPR: 'vpr_result', OGE: 'oge_result', EGE: 'ege_result' };
const KEY_SQL: Partial<Record<Dim, string>> = {
  YEAR: 'r.year',
  GRADE: 'r.grade',
  SUBJECT: 'r.subject::text',
};

interface Row {
  region: { id: string } | null;
  municipality: { id: string } | null;
  year: number | null;
  grade?: number | null;
  subject: string | null;
  schoolCount: number;
  participants: number;
}

interface Cell {
  regionId: number;
  /** Municipality id, or the region id for a region cell. */
  place: number;
  key: string;
  schools: number;
  participants: number;
}

async function post(server: RunningServer, query: string, token?: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as {
    data?: Record<string, { totalCount: number; suppressedGroups: number; nodes: Row[]; pageInfo: Page }>;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}
interface Page {
  hasNextPage: boolean;
  endCursor: string | null;
}

const filterText = (years?: number[], municipalityIds?: number[]) => {
  const parts = [
    ...(years ? [`years: [${years.join(', ')}]`] : []),
    ...(municipalityIds ? [`municipalityIds: [${municipalityIds.map((id) => `"${id}"`).join(', ')}]`] : []),
  ];
  return parts.length ? `filter: { ${parts.join(', ')} }` : '';
};

/** Every group of one statistics query, page after page, with totalCount and suppressedGroups. */
async function fetchAll(
  server: RunningServer,
  exam: Exam,
  groupBy: Dim[],
  options: { years?: number[]; municipalityIds?: number[]; token?: string } = {},
) {
  const field = exam === 'VPR' ? 'vprStatistics' : 'giaStatistics';
  const examArg = exam === 'VPR' ? '' : `exam: ${exam}, `;
  const nodes: Row[] = [];
  let after: string | null = null;
  const counts: { totalCount: number; suppressedGroups: number }[] = [];
  for (;;) {
    const answer = await post(
      server,
      `{ page: ${field}(${examArg}groupBy: [${groupBy.join(', ')}], first: 500,
          ${filterText(options.years, options.municipalityIds)} ${after ? `, after: "${after}"` : ''}) {
        totalCount suppressedGroups pageInfo { hasNextPage endCursor }
        nodes { region { id } municipality { id } year ${exam === 'VPR' ? 'grade' : ''} subject schoolCount participants }
      } }`,
      options.token,
    );
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    const page = answer.data!.page!;
    nodes.push(...page.nodes);
    counts.push({ totalCount: page.totalCount, suppressedGroups: page.suppressedGroups });
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  // every page reports the same counts
  expect(new Set(counts.map((c) => JSON.stringify(c))).size).toBe(1);
  return { nodes, ...counts[0]! };
}

const keyDims = (groupBy: Dim[]) => groupBy.filter((d) => KEY_SQL[d]);
const placeOf = (groupBy: Dim[], row: Row) =>
  Number(groupBy.includes('MUNICIPALITY') ? row.municipality!.id : row.region!.id);
const keyOf = (groupBy: Dim[], row: Row) =>
  keyDims(groupBy)
    .map((d) => String(d === 'YEAR' ? row.year : d === 'GRADE' ? row.grade : row.subject))
    .join('|');

/** The groups of the full data, computed with SQL: one per place × year/grade/subject of the grouping. */
async function sqlCells(exam: Exam, groupBy: Dim[], years?: number[]): Promise<Cell[]> {
  const place = groupBy.includes('MUNICIPALITY') ? 'm.id' : 'm.region_id';
  const keys = keyDims(groupBy).map((d) => KEY_SQL[d]!);
  const keySql = keys.length ? `concat_ws('|', ${keys.map((k) => `${k}::text`).join(', ')})` : `''`;
  const { rows } = await db.query<{ region_id: number; place: number; key: string; n: number; p: number }>(
    `select m.region_id, ${place} as place, ${keySql} as key, count(distinct s.id)::int as n,
            sum(r.participants)::int as p
     from ${TABLE[exam]} r join school s on s.id = r.school_id join municipality m on m.id = s.municipality_id
     ${years ? `where r.year = any($1::int[])` : ''}
     group by m.region_id, ${place}${keys.length ? `, ${keys.join(', ')}` : ''}`,
    years ? [years] : [],
  );
  return rows.map((r) => ({
    regionId: r.region_id,
    place: r.place,
    key: r.key,
    schools: r.n,
    participants: r.p,
  }));
}

const cellId = (place: number, key: string) => `${place}/${key}`;

function groupCells(cells: Cell[], parentOf: (c: Cell) => string): Map<string, Cell[]> {
  const out = new Map<string, Cell[]>();
  for (const c of cells) out.set(parentOf(c), [...(out.get(parentOf(c)) ?? []), c]);
  return out;
}

/**
 * What the public must and must not see of one grouping: no small group, the SQL small cells absent,
 * visible figures equal to SQL, and among the siblings of one parent (the municipalities of a region,
 * or the regions) the hidden cells count at least `min` schools together or are all of them.
 */
async function checkSuppression(
  server: RunningServer,
  min: number,
  exam: Exam,
  groupBy: Dim[],
  years?: number[],
) {
  const [answer, cells] = await Promise.all([
    fetchAll(server, exam, groupBy, { years }),
    sqlCells(exam, groupBy, years),
  ]);
  const byId = new Map(cells.map((c) => [cellId(c.place, c.key), c]));
  const shown = new Set<string>();
  for (const row of answer.nodes) {
    expect(row.schoolCount).toBeGreaterThanOrEqual(min);
    const id = cellId(placeOf(groupBy, row), keyOf(groupBy, row));
    const cell = byId.get(id);
    expect(cell, id).toBeDefined();
    expect([row.schoolCount, row.participants]).toEqual([cell!.schools, cell!.participants]);
    shown.add(id);
  }
  const small = cells.filter((c) => c.schools < min);
  for (const c of small) expect(shown.has(cellId(c.place, c.key))).toBe(false);
  const hidden = cells.filter((c) => !shown.has(cellId(c.place, c.key)));
  expect(answer.totalCount).toBe(shown.size);
  expect(answer.suppressedGroups).toBe(hidden.length);
  expect(shown.size + hidden.length).toBe(cells.length);

  const parentOf = groupBy.includes('MUNICIPALITY')
    ? (c: Cell) => `${c.regionId}/${c.key}`
    : (c: Cell) => c.key;
  let complements = 0;
  for (const [parent, siblings] of groupCells(cells, parentOf)) {
    const hiddenHere = siblings.filter((c) => !shown.has(cellId(c.place, c.key)));
    if (hiddenHere.length === 0) continue;
    const hiddenSchools = hiddenHere.reduce((sum, c) => sum + c.schools, 0);
    // parent total − the visible siblings = the hidden ones together: never fewer than `min` schools
    expect(
      hiddenSchools >= min || hiddenHere.length === siblings.length,
      `${parent}: hidden ${hiddenSchools} schools in ${hiddenHere.length}/${siblings.length} cells`,
    ).toBe(true);
    if (hiddenHere.some((c) => c.schools >= min)) complements++;
  }
  return { small: small.length, hidden: hidden.length, complements, shown, cells };
}

describe('public statistics hide small groups (PUBLIC_MIN_SCHOOLS, default 5)', () => {
  it.each<[Dim[], number[] | undefined]>([
    [['MUNICIPALITY', 'GRADE', 'SUBJECT'], [2026]],
    [
      ['MUNICIPALITY', 'YEAR', 'GRADE', 'SUBJECT'],
      [2025, 2026],
    ],
    [['REGION', 'MUNICIPALITY', 'SUBJECT', 'GRADE'], [2024]],
    [['MUNICIPALITY', 'YEAR', 'SUBJECT'], undefined],
    [['MUNICIPALITY', 'GRADE'], [2026]],
    [['MUNICIPALITY', 'YEAR'], undefined],
  ])(
    'ВПР by %j (years %j): no group under 5 schools, the hidden ones never alone',
    async (groupBy, years) => {
      const result = await checkSuppression(publicDefault, 5, 'VPR', groupBy, years);
      if (groupBy.includes('SUBJECT') && groupBy.includes('GRADE')) {
        // the demo data has small cells here (checked with SQL), so suppression is exercised
        expect(result.small).toBeGreaterThan(0);
        expect(result.complements).toBeGreaterThan(0);
      }
    },
  );

  it('the hidden cells are decided from the whole region, not from the municipalities asked for', async () => {
    const groupBy: Dim[] = ['MUNICIPALITY', 'GRADE', 'SUBJECT'];
    const all = await checkSuppression(publicDefault, 5, 'VPR', groupBy, [2026]);
    // the smallest municipality and the biggest of the same region: the differencing pair of the issue
    const { rows } = await db.query<{ small: number; big: number }>(
      `with n as (select municipality_id as id, count(*) as n from school group by municipality_id)
       select (select n.id from n join municipality m using (id) where m.region_id = r.id order by n.n, n.id limit 1) as small,
              (select n.id from n join municipality m using (id) where m.region_id = r.id order by n.n desc, n.id limit 1) as big
       from region r order by r.code limit 1`,
    );
    const { small, big } = rows[0]!;
    const two = await fetchAll(publicDefault, 'VPR', groupBy, {
      years: [2026],
      municipalityIds: [small, big],
    });
    const ids = two.nodes.map((n) => cellId(placeOf(groupBy, n), keyOf(groupBy, n))).sort();
    const expected = [...all.shown].filter((id) => [small, big].includes(Number(id.split('/')[0]))).sort();
    expect(ids).toEqual(expected);
    const hiddenOfTwo = all.cells.filter(
      (c) => [small, big].includes(c.place) && !all.shown.has(cellId(c.place, c.key)),
    );
    expect(two.suppressedGroups).toBe(hiddenOfTwo.length);
    expect(two.totalCount).toBe(expected.length);
  });

  it('a page counts and skips only the visible groups', async () => {
    const groupBy: Dim[] = ['MUNICIPALITY', 'GRADE', 'SUBJECT'];
    const answer = await post(
      publicDefault,
      `{ a: vprStatistics(groupBy: [MUNICIPALITY, GRADE, SUBJECT], filter: { years: [2026] }, first: 7) {
           totalCount pageInfo { endCursor } nodes { municipality { id } grade subject schoolCount } } }`,
    );
    expect(answer.errors).toBeUndefined();
    const next = await post(
      publicDefault,
      `{ a: vprStatistics(groupBy: [MUNICIPALITY, GRADE, SUBJECT], filter: { years: [2026] }, first: 7,
           after: "${answer.data!.a!.pageInfo.endCursor}") { nodes { municipality { id } grade subject schoolCount } } }`,
    );
    const all = await fetchAll(publicDefault, 'VPR', groupBy, { years: [2026] });
    const id = (n: Row) => cellId(placeOf(groupBy, n), keyOf(groupBy, n));
    expect([...answer.data!.a!.nodes, ...next.data!.a!.nodes].map(id)).toEqual(
      all.nodes.slice(0, 14).map(id),
    );
    expect(answer.data!.a!.totalCount).toBe(all.nodes.length);
  });

  it('ОГЭ and ЕГЭ by municipality, year and subject: no group under 5 schools', async () => {
    for (const exam of ['OGE', 'EGE'] as const) {
      await checkSuppression(publicDefault, 5, exam, ['MUNICIPALITY', 'YEAR', 'SUBJECT']);
    }
  });
});

describe('with PUBLIC_MIN_SCHOOLS=20 (ОГЭ, ЕГЭ and region cells of the demo data are small then)', () => {
  it.each<[Exam, Dim[], { small: boolean; complement: boolean }]>([
    ['OGE', ['MUNICIPALITY', 'YEAR', 'SUBJECT'], { small: true, complement: true }],
    ['OGE', ['MUNICIPALITY', 'SUBJECT'], { small: true, complement: false }],
    ['OGE', ['MUNICIPALITY'], { small: true, complement: false }],
    ['EGE', ['MUNICIPALITY', 'YEAR', 'SUBJECT'], { small: true, complement: false }],
    ['EGE', ['REGION', 'MUNICIPALITY', 'YEAR'], { small: true, complement: false }],
    ['EGE', ['MUNICIPALITY', 'SUBJECT'], { small: true, complement: false }],
  ])('%s by %j: no group under 20 schools, the hidden ones never alone', async (exam, groupBy, exercised) => {
    const result = await checkSuppression(public20, 20, exam, groupBy);
    // where the demo data has small cells (and lone ones to complement), the test says so
    if (exercised.small) expect(result.small).toBeGreaterThan(0);
    if (exercised.complement) expect(result.complements).toBeGreaterThan(0);
  });

  it('ВПР by region: a region hidden among the regions is not the sum of its visible municipalities', async () => {
    const key: Dim[] = ['YEAR', 'GRADE', 'SUBJECT'];
    const regions = await checkSuppression(public20, 20, 'VPR', ['REGION', ...key], [2026]);
    expect(regions.small).toBeGreaterThan(0);
    const munis = await checkSuppression(public20, 20, 'VPR', ['MUNICIPALITY', ...key], [2026]);
    const hiddenRegions = regions.cells.filter((c) => !regions.shown.has(cellId(c.place, c.key)));
    expect(hiddenRegions.length).toBeGreaterThan(0);
    for (const region of hiddenRegions) {
      const children = munis.cells.filter((c) => c.regionId === region.place && c.key === region.key);
      const hiddenChildren = children.filter((c) => !munis.shown.has(cellId(c.place, c.key)));
      const hiddenSchools = hiddenChildren.reduce((sum, c) => sum + c.schools, 0);
      expect(hiddenSchools >= 20 || hiddenChildren.length === children.length).toBe(true);
    }
  });
});

describe('who else sees small groups', () => {
  it('with PUBLIC_MIN_SCHOOLS=1 the public sees the small cells', async () => {
    const groupBy: Dim[] = ['MUNICIPALITY', 'GRADE', 'SUBJECT'];
    const [answer, cells] = await Promise.all([
      fetchAll(public1, 'VPR', groupBy, { years: [2026] }),
      sqlCells('VPR', groupBy, [2026]),
    ]);
    expect(cells.filter((c) => c.schools < 5).length).toBeGreaterThan(0);
    expect(answer.suppressedGroups).toBe(0);
    expect(answer.nodes.map((n) => cellId(placeOf(groupBy, n), keyOf(groupBy, n))).sort()).toEqual(
      cells.map((c) => cellId(c.place, c.key)).sort(),
    );
  });

  it('the ministry sees every group, small ones too, and nothing suppressed', async () => {
    const token = await mintToken(SECRET, { role: 'MINISTRY', sub: 'small-cells' });
    const groupBy: Dim[] = ['MUNICIPALITY', 'GRADE', 'SUBJECT'];
    const [answer, cells] = await Promise.all([
      fetchAll(publicDefault, 'VPR', groupBy, { years: [2026], token }),
      sqlCells('VPR', groupBy, [2026]),
    ]);
    expect(answer.nodes.some((n) => n.schoolCount === 1)).toBe(true);
    expect(answer.suppressedGroups).toBe(0);
    expect(answer.totalCount).toBe(cells.length);
    const byId = new Map(cells.map((c) => [cellId(c.place, c.key), c]));
    for (const n of answer.nodes) {
      expect(n.schoolCount).toBe(byId.get(cellId(placeOf(groupBy, n), keyOf(groupBy, n)))!.schools);
    }
  });
});
