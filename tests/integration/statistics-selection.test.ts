import { describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens.js';
import { serverAndDatabase } from '../support/server.js';

/**
 * vprStatistics computes only what the selection asks (no `count(distinct)` without schoolCount,
 * no place joins without a place to group, filter or scope by): the figures must not change with it.
 */
const SECRET = 'statistics-selection-secret-of-32-bytes!';
const { server, db } = serverAndDatabase({ AUTH_DEV_MODE: '0', AUTH_JWT_SECRET: SECRET });
const YEAR = 2025;
const REGION = '56';

type Row = { grade: number; subject: string; participants: number; n2: number; schoolCount?: number };

async function ask(token: string, query: string): Promise<Row[]> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: { vprStatistics: { nodes: Row[] } }; errors?: unknown };
  if (!body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data.vprStatistics.nodes;
}

const BY_GRADE_SUBJECT = (rows: string) => `{
  vprStatistics(groupBy: [GRADE, SUBJECT], filter: { years: [${YEAR}] }, first: 500) { ${rows} }
}`;

/** The same sums straight from the tables, over the schools `where` picks. */
async function expected(where: string): Promise<Row[]> {
  const { rows } = await db.query<Row>(
    `select v.grade, v.subject::text as subject, sum(v.participants)::int as participants,
       sum(v.n2)::int as n2, count(distinct v.school_id)::int as "schoolCount"
     from vpr_result v join school s on s.id = v.school_id join municipality m on m.id = s.municipality_id
     join region g on g.id = m.region_id
     where v.year = ${YEAR} and ${where} group by v.grade, v.subject order by v.grade, v.subject`,
  );
  return rows;
}

const withoutCount = (rows: Row[]) => rows.map(({ schoolCount: _c, ...rest }) => rest);

describe('vprStatistics asks the database only for what is selected', () => {
  it('sums without schoolCount equal the SQL sums; schoolCount through a fragment is still counted', async () => {
    const ministry = await mintToken(SECRET, { role: 'MINISTRY', sub: 'm' });
    const all = await expected('true');
    expect(all.length).toBeGreaterThan(5);
    const bare = await ask(ministry, BY_GRADE_SUBJECT('nodes { grade subject participants n2 }'));
    expect(bare).toEqual(withoutCount(all));
    const fragment = await ask(
      ministry,
      `${BY_GRADE_SUBJECT('edges { node { ...Counted } } nodes { grade subject participants n2 schoolCount }')}
       fragment Counted on VprStatisticsRow { schoolCount }`,
    );
    expect(fragment).toEqual(all);
  });

  it("a region's analyst still sees its region's sums only, whatever the grouping omits", async () => {
    const analyst = await mintToken(SECRET, { role: 'REGION_ANALYST', region: REGION, sub: 'r' });
    const region = await expected(`g.code = '${REGION}'`);
    const all = await expected('true');
    expect(region.reduce((n, r) => n + r.participants, 0)).toBeLessThan(
      all.reduce((n, r) => n + r.participants, 0),
    );
    expect(await ask(analyst, BY_GRADE_SUBJECT('nodes { grade subject participants n2 }'))).toEqual(
      withoutCount(region),
    );
    expect(
      await ask(analyst, BY_GRADE_SUBJECT('nodes { grade subject participants n2 schoolCount }')),
    ).toEqual(region);
  });
});
