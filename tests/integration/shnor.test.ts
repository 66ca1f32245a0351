import { describe, expect, it } from 'vitest';
import { dataOf, graphql } from '../support/graphql-client.js';
import { serverAndDatabase } from '../support/server.js';

const { server, db } = serverAndDatabase();

const YEAR = 2026;

/** §1 recomputed in SQL straight from the raw result rows: pooled shares, weights renormalised, PERCENT_RANK. */
const RANKS_SQL = `
with c as (
  select s.id, m.region_id, y.year,
    (select sum(n2)::float8 / nullif(sum(participants), 0) from vpr_result v where v.school_id = s.id and v.year = y.year
       and grade in (4,5,6,7,8) and subject in ('RU','MA','MAA') having sum(participants) >= 20) as vpr,
    (select sum(n2)::float8 / sum(participants) from oge_result o where o.school_id = s.id and o.year = y.year
       and subject in ('RU','MA') having sum(participants) >= 5) as oge,
    (select sum(below_min)::float8 / sum(participants) from ege_result e where e.school_id = s.id and e.year = y.year
       and subject in ('RU','MAP','MAB') having sum(participants) >= 5) as ege
  from school s join municipality m on m.id = s.municipality_id cross join (values ($1::int), ($1::int - 1)) y(year)
), i as (
  select id, region_id, year, case when vpr is null then null else round(((0.5 * vpr + 0.25 * coalesce(oge, 0) + 0.25 * coalesce(ege, 0))
    / (0.5 + case when oge is null then 0 else 0.25 end + case when ege is null then 0 else 0.25 end))::numeric, 12) end as low_index from c
)
select id, year, low_index::float8, percent_rank() over w as low_rank, rank() over w::int as rank,
  count(*) over (partition by region_id, year)::int as ranked
from i where low_index is not null window w as (partition by region_id, year order by low_index)`;

/** Σ «2» and Σ N of the ВПР core set per school, the pooled counts behind vprLow. */
const VPR_COUNTS_SQL = `select school_id as id, sum(n2)::int as n2, sum(participants)::int as n from vpr_result
  where year = $1 and grade in (4,5,6,7,8) and subject in ('RU','MA','MAA') group by school_id`;

describe('shnorCandidates', () => {
  it('ranks every school exactly as PERCENT_RANK over the raw rows, and applies the §2 statuses', async () => {
    const expected = new Map<string, { low_index: number; low_rank: number; rank: number; ranked: number }>();
    for (const r of (await db.query(RANKS_SQL, [YEAR])).rows) expected.set(`${r.id}:${r.year}`, r);
    const vprCounts = new Map<string, { n2: number; n: number }>();
    for (const r of (await db.query(VPR_COUNTS_SQL, [YEAR])).rows) vprCounts.set(String(r.id), r);
    const [registry] = (await db.query(`select count(*)::int as n from school`)).rows;
    const data = dataOf(
      await graphql(
        server.url,
        `{ shnorCandidates(year: ${YEAR}, first: 500) { totalCount methodology { name hash }
        nodes { school { id } status lowIndex lowRank previousLowRank evidence { rule
          current { low marked rank schoolsRanked vprN vprN2 hasResults } previous { low marked hasResults } } } } }`,
      ),
    ) as {
      shnorCandidates: {
        totalCount: number;
        methodology: { name: string; hash: string };
        nodes: {
          school: { id: string };
          status: string;
          lowIndex: number | null;
          lowRank: number | null;
          previousLowRank: number | null;
          evidence: {
            rule: string;
            current: {
              low: boolean | null;
              marked: boolean;
              rank: number | null;
              schoolsRanked: number;
              vprN: number;
              vprN2: number;
              hasResults: boolean;
            };
            previous: { low: boolean | null; marked: boolean; hasResults: boolean };
          };
        }[];
      };
    };
    expect(data.shnorCandidates.methodology.name).toBe('default-v1');
    // every school of the registry has a status, with results or without
    expect(data.shnorCandidates.totalCount).toBe(registry.n);
    for (const n of data.shnorCandidates.nodes) {
      const now = expected.get(`${n.school.id}:${YEAR}`);
      const before = expected.get(`${n.school.id}:${YEAR - 1}`);
      expect(n.lowIndex).toBeCloseTo(now?.low_index ?? NaN, 9);
      expect(n.lowRank).toBeCloseTo(now?.low_rank ?? NaN, 9);
      if (before) expect(n.previousLowRank).toBeCloseTo(before.low_rank, 9);
      const { current, previous } = n.evidence;
      const low = current.low && previous.low;
      const status =
        current.low === null || previous.low === null
          ? 'INSUFFICIENT_DATA'
          : !low
            ? 'NOT_ELIGIBLE'
            : current.marked || previous.marked
              ? 'REVIEW'
              : 'ELIGIBLE';
      expect(n.status).toBe(status);
      if (n.lowRank !== null) expect(current.low).toBe(n.lowRank >= 0.9);
      // the integer rank and the number ranked, as RANK() and count(*) over the region-year
      expect([current.rank, current.schoolsRanked]).toEqual(
        now ? [now.rank, now.ranked] : [null, current.schoolsRanked],
      );
      const counts = vprCounts.get(n.school.id) ?? { n2: 0, n: 0 };
      expect([current.vprN2, current.vprN]).toEqual([counts.n2, counts.n]);
      const rule =
        status === 'INSUFFICIENT_DATA'
          ? !current.hasResults && !previous.hasResults
            ? 'NO_RESULTS'
            : current.low === null && previous.low === null
              ? 'NOT_RANKED_BOTH_YEARS'
              : current.low === null
                ? 'NOT_RANKED_LIST_YEAR'
                : 'NOT_RANKED_PREVIOUS_YEAR'
          : status === 'NOT_ELIGIBLE'
            ? 'NOT_LOW'
            : status === 'ELIGIBLE'
              ? 'LOW_TWICE'
              : 'LOW_TWICE_MARKED_REVIEW';
      expect(n.evidence.rule).toBe(rule);
    }
    // the first page (default order) starts with the ELIGIBLE schools
    expect(data.shnorCandidates.nodes[0]?.status).toBe('ELIGIBLE');
  });

  it('gives each region value with the pooled counts behind it, as SQL sums them', async () => {
    const { rows } = await db.query(
      `select r.code, sum(v.n2)::int as n2, sum(v.participants)::int as n from vpr_result v
       join school s on s.id = v.school_id join municipality m on m.id = s.municipality_id join region r on r.id = m.region_id
       where v.year = $1 and v.grade in (4,5,6,7,8) and v.subject in ('RU','MA','MAA') group by r.code`,
      [YEAR],
    );
    for (const r of rows) {
      const data = dataOf(
        await graphql(
          server.url,
          `{ shnorCandidates(year: ${YEAR}, filter: { regionCodes: ["${r.code}"] }, first: 1) { nodes { evidence { current {
            region { vprLow vprN2 vprN } } } } } }`,
        ),
      ) as { shnorCandidates: { nodes: { evidence: { current: { region: Record<string, number> } } }[] } };
      const region = data.shnorCandidates.nodes[0]!.evidence.current.region;
      expect([region.vprN2, region.vprN]).toEqual([r.n2, r.n]);
      expect(region.vprLow).toBeCloseTo(r.n2 / r.n, 12);
    }
    expect(rows.length).toBeGreaterThan(1);
  });

  it('filters by status and region, pages by cursor, and explains each decision in Russian', async () => {
    const query = `query($after: String) { shnorCandidates(year: ${YEAR}, status: [ELIGIBLE, REVIEW], filter: { regionCodes: ["56"] }, first: 3, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { status explanation school { code municipality { region { code } } } markers { code year } } } }`;
    type Page = {
      shnorCandidates: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        nodes: {
          status: string;
          explanation: string;
          school: { code: string; municipality: { region: { code: string } } };
          markers: { code: string; year: number }[];
        }[];
      };
    };
    const first = dataOf(await graphql(server.url, query, { after: null })) as Page;
    const second = dataOf(
      await graphql(server.url, query, { after: first.shnorCandidates.pageInfo.endCursor }),
    ) as Page;
    const nodes = [...first.shnorCandidates.nodes, ...second.shnorCandidates.nodes];
    expect(first.shnorCandidates.totalCount).toBeGreaterThan(3);
    expect(new Set(nodes.map((n) => n.school.code)).size).toBe(nodes.length);
    for (const n of nodes) {
      expect(['ELIGIBLE', 'REVIEW']).toContain(n.status);
      expect(n.school.municipality.region.code).toBe('56');
      expect(n.explanation).toMatch(/Доля «2» по ВПР \d+,\d %/);
      if (n.status === 'REVIEW') expect(n.markers.length).toBeGreaterThan(0);
    }
  });

  it('what-if overrides change the answer and the parameters hash; bad overrides name the parameter', async () => {
    const q = (overrides: string) =>
      `{ shnorCandidates(year: ${YEAR}, status: [ELIGIBLE, REVIEW], first: 1${overrides}) { totalCount methodology { hash overridden } } }`;
    type R = { shnorCandidates: { totalCount: number; methodology: { hash: string; overridden: boolean } } };
    const base = dataOf(await graphql(server.url, q(''))) as R;
    const wider = dataOf(
      await graphql(server.url, q(', overrides: { eligibility: { lowRankCut: 0.8 } }')),
    ) as R;
    expect(wider.shnorCandidates.totalCount).toBeGreaterThan(base.shnorCandidates.totalCount);
    expect(wider.shnorCandidates.methodology.hash).not.toBe(base.shnorCandidates.methodology.hash);
    expect(wider.shnorCandidates.methodology.overridden).toBe(true);
    const bad = await graphql(server.url, q(', overrides: { eligibility: { lowRankCut: 1.5 } }'));
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.argument).toBe('overrides.eligibility.lowRankCut');
    const unknown = await graphql(
      server.url,
      `{ shnorCandidates(year: ${YEAR}, methodology: "nope") { totalCount } }`,
    );
    expect(unknown.errors?.[0]?.extensions?.argument).toBe('methodology');
  });

  it('EXCLUDE policy turns REVIEW into NOT_ELIGIBLE, IGNORE into ELIGIBLE', async () => {
    const count = async (policy: string, status: string) =>
      (
        dataOf(
          await graphql(
            server.url,
            `{ shnorCandidates(year: ${YEAR}, status: [${status}], first: 1, overrides: { eligibility: { objectivityPolicy: ${policy} } }) { totalCount } }`,
          ),
        ) as { shnorCandidates: { totalCount: number } }
      ).shnorCandidates.totalCount;
    const review = await count('REVIEW', 'REVIEW');
    const eligible = await count('REVIEW', 'ELIGIBLE');
    expect(await count('EXCLUDE', 'REVIEW')).toBe(0);
    expect(await count('IGNORE', 'ELIGIBLE')).toBe(eligible + review);
  });
});

describe('shnorSummary and methodologies', () => {
  it('counts statuses per region consistently with the candidate list', async () => {
    type S = {
      shnorSummary: {
        rows: {
          region: { code: string };
          schools: number;
          eligible: number;
          review: number;
          notEligible: number;
          insufficientData: number;
        }[];
      };
    };
    const summary = dataOf(
      await graphql(
        server.url,
        `{ shnorSummary(year: ${YEAR}, groupBy: REGION) { rows { region { code } schools eligible review notEligible insufficientData } } }`,
      ),
    ) as S;
    for (const row of summary.shnorSummary.rows) {
      expect(row.eligible + row.review + row.notEligible + row.insufficientData).toBe(row.schools);
      const listed = dataOf(
        await graphql(
          server.url,
          `{ shnorCandidates(year: ${YEAR}, filter: { regionCodes: ["${row.region.code}"] }, status: [ELIGIBLE], first: 1) { totalCount } }`,
        ),
      ) as { shnorCandidates: { totalCount: number } };
      expect(listed.shnorCandidates.totalCount).toBe(row.eligible);
    }
    const byMunicipality = dataOf(
      await graphql(
        server.url,
        `{ shnorSummary(year: ${YEAR}, groupBy: MUNICIPALITY) { rows { schools } } }`,
      ),
    ) as { shnorSummary: { rows: { schools: number }[] } };
    const total = (rows: { schools: number }[]) => rows.reduce((n, r) => n + r.schools, 0);
    expect(total(byMunicipality.shnorSummary.rows)).toBe(total(summary.shnorSummary.rows));
  });

  it('stores a new version with validation, and analytics accept it by name', async () => {
    const created = await graphql(
      server.url,
      `
        mutation {
          createMethodologyVersion(name: "strict-test", changes: { eligibility: { lowRankCut: 0.95 } }) {
            name
            basedOn
            hash
          }
        }
      `,
    );
    expect(created.errors).toBeUndefined();
    const again = await graphql(
      server.url,
      `
        mutation {
          createMethodologyVersion(name: "strict-test", changes: {}) {
            name
          }
        }
      `,
    );
    expect(again.errors?.[0]?.extensions?.argument).toBe('name');
    const invalid = await graphql(
      server.url,
      `
        mutation {
          createMethodologyVersion(
            name: "bad-test"
            changes: { risk: { mediumLevel: 0.9, highLevel: 0.5 } }
          ) {
            name
          }
        }
      `,
    );
    expect(invalid.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(invalid.errors?.[0]?.extensions?.argument).toBe('changes.risk.mediumLevel');
    const listed = dataOf(
      await graphql(
        server.url,
        `
          {
            methodologies {
              name
              createdAt
            }
          }
        `,
      ),
    ) as { methodologies: { name: string; createdAt: string }[] };
    expect(listed.methodologies.map((m) => m.name)).toEqual(
      expect.arrayContaining(['default-v1', 'strict-test']),
    );
    for (const m of listed.methodologies) expect(Date.parse(m.createdAt)).not.toBeNaN();
    const strict = dataOf(
      await graphql(
        server.url,
        `{ shnorCandidates(year: ${YEAR}, methodology: "strict-test", first: 1) { methodology { name } nodes { evidence { cutoffs { lowRankCut } } } } }`,
      ),
    ) as {
      shnorCandidates: {
        methodology: { name: string };
        nodes: { evidence: { cutoffs: { lowRankCut: number } } }[];
      };
    };
    expect(strict.shnorCandidates.methodology.name).toBe('strict-test');
    expect(strict.shnorCandidates.nodes[0]?.evidence.cutoffs.lowRankCut).toBe(0.95);
  });
});
