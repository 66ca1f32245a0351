import { describe, expect, it } from 'vitest';
import { isInScope, SCHOOL_SCOPE, scopeCondition, type ScopeColumns } from './scope.js';
import { compile, sql } from './sql.js';
import { Role, type Scope, type Viewer } from './viewer.js';

const viewer = (scope: Scope): Viewer => ({ id: 'v', role: Role.MINISTRY, scope });
const condition = (scope: Scope, use: 'rows' | 'aggregate', columns: ScopeColumns = SCHOOL_SCOPE) =>
  compile(scopeCondition(viewer(scope), columns, use));

const TRUE = { text: 'true', values: [] };
const FALSE = { text: 'false', values: [] };

/** Every scope kind, with what its rows and its aggregates may read. */
const CASES: { scope: Scope; rows: unknown; aggregate: unknown }[] = [
  { scope: { kind: 'ALL' }, rows: TRUE, aggregate: TRUE },
  {
    scope: { kind: 'REGIONS', regionIds: [56, 2] },
    rows: { text: 'm.region_id = any($1)', values: [[56, 2]] },
    aggregate: { text: 'm.region_id = any($1)', values: [[56, 2]] },
  },
  // one place is an equality, as PostgreSQL plans `in (x)`
  {
    scope: { kind: 'REGIONS', regionIds: [56] },
    rows: { text: 'm.region_id = $1', values: [56] },
    aggregate: { text: 'm.region_id = $1', values: [56] },
  },
  {
    scope: { kind: 'MUNICIPALITIES', municipalityIds: [7] },
    rows: { text: 's.municipality_id = $1', values: [7] },
    aggregate: { text: 's.municipality_id = $1', values: [7] },
  },
  {
    scope: { kind: 'SCHOOLS', schoolIds: [11, 12] },
    rows: { text: 's.id = any($1)', values: [[11, 12]] },
    aggregate: { text: 's.id = any($1)', values: [[11, 12]] },
  },
  // aggregates only: sums over regions and municipalities, never a row
  { scope: { kind: 'PUBLIC' }, rows: FALSE, aggregate: TRUE },
  { scope: { kind: 'NONE' }, rows: FALSE, aggregate: FALSE },
  // a scope this code does not know (a newer token, a bug) is denied
  { scope: { kind: 'EVERYTHING' } as unknown as Scope, rows: FALSE, aggregate: FALSE },
  // a scope naming no place sees nothing, and sends no empty array
  { scope: { kind: 'REGIONS', regionIds: [] }, rows: FALSE, aggregate: FALSE },
  { scope: { kind: 'MUNICIPALITIES', municipalityIds: [] }, rows: FALSE, aggregate: FALSE },
  { scope: { kind: 'SCHOOLS', schoolIds: [] }, rows: FALSE, aggregate: FALSE },
];

describe('scopeCondition', () => {
  for (const { scope, rows, aggregate } of CASES) {
    const name = JSON.stringify(scope);
    it(`${name}: rows`, () => expect(condition(scope, 'rows')).toEqual(rows));
    it(`${name}: aggregate`, () => expect(condition(scope, 'aggregate')).toEqual(aggregate));
  }

  it('reads rows by default', () => {
    expect(compile(scopeCondition(viewer({ kind: 'PUBLIC' }), SCHOOL_SCOPE))).toEqual(FALSE);
  });

  it('denies a school scope where the query exposes no school column', () => {
    const places: ScopeColumns = { municipalityId: sql`e.municipality_id`, regionId: sql`l.region_id` };
    for (const use of ['rows', 'aggregate'] as const) {
      expect(condition({ kind: 'SCHOOLS', schoolIds: [11] }, use, places)).toEqual(FALSE);
    }
    expect(condition({ kind: 'REGIONS', regionIds: [56, 2] }, 'rows', places)).toEqual({
      text: 'l.region_id = any($1)',
      values: [[56, 2]],
    });
  });

  it('composes into a statement with the other conditions, numbered through', () => {
    const scope = scopeCondition(viewer({ kind: 'REGIONS', regionIds: [56] }), SCHOOL_SCOPE);
    const q = sql`select s.id from school s join municipality m on m.id = s.municipality_id
      ${sql.where([scope, sql`s.code = ${'sch1'}`])}`;
    expect(compile(q).text).toMatch(/where \(m\.region_id = \$1\) and \(s\.code = \$2\)$/);
    expect(compile(q).values).toEqual([56, 'sch1']);
  });
});

describe('isInScope (the same rule in memory)', () => {
  const place = { schoolId: 11, municipalityId: 7, regionId: 56 };
  it('agrees with scopeCondition on rows for every kind', () => {
    const expected = [true, true, true, true, true, false, false, false, false, false, false];
    expect(CASES.map(({ scope }) => isInScope(viewer(scope), place))).toEqual(expected);
    expect(isInScope(viewer({ kind: 'REGIONS', regionIds: [2] }), place)).toBe(false);
    expect(isInScope(viewer({ kind: 'MUNICIPALITIES', municipalityIds: [8] }), place)).toBe(false);
    expect(isInScope(viewer({ kind: 'SCHOOLS', schoolIds: [12] }), place)).toBe(false);
  });
});
