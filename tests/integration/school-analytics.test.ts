import { DEFAULT_V1 } from '../../analytics/methodology/params.js';
import { markerParamsKey } from '../../analytics/sql/keys.js';
import { describe, expect, it } from 'vitest';
import { dataOf, graphql } from '../support/graphql-client.js';
import { serverAndDatabase } from '../support/server.js';

const { server, db } = serverAndDatabase();

type Analytics = {
  status: string | null;
  lowRank: number | null;
  explanation: string | null;
  markers: { year: number; code: string }[];
  riskProfile: { year: number; factors: { code: string; level: string }[]; priorityRisks: number[] } | null;
  context: { swi: number | null; difficultContext: boolean | null; resilient: boolean } | null;
  methodology: { name: string };
};

const QUERY = `query($code: String!) { school(code: $code) { analytics(year: 2026) {
  status lowRank explanation methodology { name } markers { year code }
  riskProfile { year priorityRisks factors { code level } } context { swi difficultContext resilient } } } }`;

describe('school.analytics', () => {
  it('agrees with shnorCandidates and carries the risk profile and context of the year', async () => {
    const list = dataOf(
      await graphql(
        server.url,
        `
          {
            shnorCandidates(year: 2026, status: [ELIGIBLE], first: 1) {
              nodes {
                school {
                  code
                }
                lowRank
              }
            }
          }
        `,
      ),
    ) as {
      shnorCandidates: { nodes: { school: { code: string }; lowRank: number }[] };
    };
    const top = list.shnorCandidates.nodes[0]!;
    const a = (
      dataOf(await graphql(server.url, QUERY, { code: top.school.code })) as {
        school: { analytics: Analytics };
      }
    ).school.analytics;
    expect(a.status).toBe('ELIGIBLE');
    expect(a.lowRank).toBe(top.lowRank);
    expect(a.explanation).toContain('2026');
    expect(a.methodology.name).toBe('default-v1');
    expect(a.riskProfile?.year).toBe(2026);
    expect(a.riskProfile?.factors.map((f) => f.code)).toEqual([
      'R1',
      'R2',
      'R3',
      'R4',
      'R5',
      'R6',
      'R7',
      'R8',
      'R9',
      'R10',
    ]);
    expect(a.context?.swi).not.toBeNull();
    // resilient needs a difficult context and a rank no worse than the median: an ELIGIBLE school is neither
    expect(a.context?.resilient).toBe(false);
  });

  it('lists the markers of an inflated school in y and y − 1', async () => {
    const { rows } = await db.query(
      `select s.code, count(*)::int as n from seed_truth t join school s on s.code = t.school_code
      join objectivity_marker o on o.school_id = s.id and o.year in (2025, 2026) and o.params_key = $1
      where t.kind = 'INFLATED' group by s.code order by s.code limit 1`,
      [markerParamsKey(DEFAULT_V1)],
    );
    const a = (
      dataOf(await graphql(server.url, QUERY, { code: rows[0].code })) as { school: { analytics: Analytics } }
    ).school.analytics;
    expect(a.markers).toHaveLength(rows[0].n);
    expect(new Set(a.markers.map((m) => m.year))).toEqual(new Set([2025, 2026]));
  });

  it('shares one computation across a page of schools (statements do not grow with the page)', async () => {
    const q = (n: number) =>
      `{ schools(first: ${n}) { nodes { code analytics(year: 2025) { status riskProfile { priorityRisks } } } } }`;
    await graphql(server.url, q(1)); // computes (and caches) the year for the country
    const small = await graphql(server.url, q(5));
    const large = await graphql(server.url, q(50));
    expect(small.extensions?.sqlStatements).toBeLessThanOrEqual(8);
    expect(small.errors).toBeUndefined();
    expect(large.extensions?.sqlStatements).toBe(small.extensions?.sqlStatements);
  });
});
